/**
 * The applicant's personal cabinet on the e-government portal (p.19): for applications filed through the
 * portal (form 1-1), the notice of the decision (form 5 or 6) is sent automatically to the cabinet within
 * 1 working day of the decision. Idempotent by `key` like the SMS gateway.
 */
export interface CabinetNotice {
  /** Komek's idempotency key (the notification id). */
  readonly key: string;
  readonly iin: string;
  /** The portal's request id of the application (form 1-1). */
  readonly portalRequestId: string | null;
  /** Form 5 or 6 (p.19), or 'hearing': the preliminary decision to refuse and the hearing notice (p.18). */
  readonly form: '5' | '6' | 'hearing';
  /** The decision's number; for the hearing notice, the application's registration number. */
  readonly decisionNumber: string;
  readonly title: string;
  readonly text: string;
}

export type CabinetSendResult = { readonly outcome: 'delivered'; readonly cabinetMessageId: string } | { readonly outcome: 'unavailable'; readonly reason: string };

export interface PersonalCabinet {
  deliver(notice: CabinetNotice): Promise<CabinetSendResult>;
}
