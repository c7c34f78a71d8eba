/** The fake personal cabinet: records notices once per key and can be told to be unavailable. */
import type { CabinetNotice, CabinetSendResult, PersonalCabinet } from './port';

export interface FakeCabinet extends PersonalCabinet {
  readonly delivered: readonly (CabinetNotice & { readonly cabinetMessageId: string })[];
  failNext(n: number): void;
}

export function createFakeCabinet(): FakeCabinet {
  const delivered: (CabinetNotice & { cabinetMessageId: string })[] = [];
  const byKey = new Map<string, string>();
  let failures = 0;
  return {
    delivered,
    failNext: (n) => void (failures = n),
    async deliver(notice): Promise<CabinetSendResult> {
      const known = byKey.get(notice.key);
      if (known) return { outcome: 'delivered', cabinetMessageId: known };
      if (failures > 0) {
        failures--;
        return { outcome: 'unavailable', reason: 'portal unavailable (fake)' };
      }
      const cabinetMessageId = `fake-cabinet-${delivered.length + 1}`;
      byKey.set(notice.key, cabinetMessageId);
      delivered.push({ ...notice, cabinetMessageId });
      return { outcome: 'delivered', cabinetMessageId };
    },
  };
}
