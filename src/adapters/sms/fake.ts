/**
 * The fake SMS gateway: records every message (once per idempotency key), reports delivery, and can be
 * told to fail — for tests, demos and development. Nothing leaves the machine.
 */
import type { SmsDeliveryStatus, SmsGateway, SmsMessage, SmsSendResult } from './port';

export interface FakeSmsGateway extends SmsGateway {
  /** Messages accepted, in order, each key once. */
  readonly sent: readonly (SmsMessage & { readonly providerMessageId: string })[];
  /** The next `n` sends answer `unavailable` (transient) or `rejected` (permanent). */
  failNext(n: number, kind: 'unavailable' | 'rejected'): void;
  /** Messages to this phone are accepted but later reported undeliverable. */
  undeliverableTo(phone: string): void;
  /** Until set true, accepted messages stay `pending`. Default: delivered at once. */
  holdDelivery(hold: boolean): void;
}

export function createFakeSmsGateway(): FakeSmsGateway {
  const sent: (SmsMessage & { providerMessageId: string })[] = [];
  const byKey = new Map<string, string>();
  const undeliverable = new Set<string>();
  let failures: { n: number; kind: 'unavailable' | 'rejected' } = { n: 0, kind: 'unavailable' };
  let hold = false;
  return {
    sent,
    failNext: (n, kind) => void (failures = { n, kind }),
    undeliverableTo: (phone) => void undeliverable.add(phone),
    holdDelivery: (h) => void (hold = h),
    async send(message): Promise<SmsSendResult> {
      const known = byKey.get(message.key);
      if (known) return { outcome: 'accepted', providerMessageId: known };
      if (failures.n > 0) {
        failures.n--;
        return failures.kind === 'rejected' ? { outcome: 'rejected', reason: 'number blocked (fake)' } : { outcome: 'unavailable', reason: 'gateway timeout (fake)' };
      }
      const providerMessageId = `fake-sms-${sent.length + 1}`;
      byKey.set(message.key, providerMessageId);
      sent.push({ ...message, providerMessageId });
      return { outcome: 'accepted', providerMessageId };
    },
    async deliveryStatus(providerMessageId): Promise<SmsDeliveryStatus> {
      const m = sent.find((s) => s.providerMessageId === providerMessageId);
      if (!m) return 'undeliverable';
      if (undeliverable.has(m.phone)) return 'undeliverable';
      return hold ? 'pending' : 'delivered';
    },
  };
}
