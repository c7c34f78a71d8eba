/**
 * The SMS gateway (p.19): an automatic SMS to the applicant's mobile number when it is registered in the
 * mobile-citizens database (in Kazakhstan the e-gov short number 1414). Every message carries Komek's
 * idempotency key: sending the same key twice must not send twice (a worker that crashed after sending
 * retries with the same key). Delivery is reported later by `deliveryStatus`.
 */
export const SMS_SEND_OUTCOMES = ['accepted', 'rejected', 'unavailable'] as const;

export type SmsSendResult =
  /** Accepted for delivery; `providerMessageId` identifies it for delivery reports. */
  | { readonly outcome: 'accepted'; readonly providerMessageId: string }
  /** Refused for good (invalid or blocked number): do not retry; print the notice instead. */
  | { readonly outcome: 'rejected'; readonly reason: string }
  /** The gateway did not answer: retry later with the same key. */
  | { readonly outcome: 'unavailable'; readonly reason: string };

export type SmsDeliveryStatus = 'pending' | 'delivered' | 'undeliverable';

export interface SmsMessage {
  /** Komek's idempotency key (the notification id). */
  readonly key: string;
  /** +7XXXXXXXXXX */
  readonly phone: string;
  readonly text: string;
}

export interface SmsGateway {
  send(message: SmsMessage): Promise<SmsSendResult>;
  deliveryStatus(providerMessageId: string): Promise<SmsDeliveryStatus>;
}
