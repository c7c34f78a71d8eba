/**
 * A fake State Corporation / payment organisation for development, tests and demos. Deterministic:
 * - an IBAN that fails the ISO 13616 check is failed with 'invalid-iban';
 * - an account listed as closed (or whose account part ends in '9999') is failed with 'account-closed';
 * - every `returnEvery`-th order of a batch (by reference order; 0 = never) is credited, then returned
 *   with 'account-blocked' a working week later (p.30);
 * - every other order is credited on the issue date; a fee of `feePerOrderTiyn` is charged per credited
 *   order (p.32; [assumed] default 25 tenge).
 */
import { Temporal } from 'temporal-polyfill';
import { checkIban } from '../../rules/identifiers';
import type { PaymentOrderLine, PaymentOrganisation, StatementLine, SubmitOrdersInput } from './port';
import { renderStatementCsv } from './statement-csv';

export interface FakeBankOptions {
  readonly closedIbans?: Iterable<string>;
  readonly returnEvery?: number;
  readonly feePerOrderTiyn?: number;
}

export function createFakeBank(options: FakeBankOptions = {}): PaymentOrganisation & { closeAccount(iban: string): void; readonly submitted: ReadonlyMap<string, readonly PaymentOrderLine[]> } {
  const closed = new Set(options.closedIbans ?? []);
  const returnEvery = options.returnEvery ?? 0;
  const fee = options.feePerOrderTiyn ?? 25_00;
  const batches = new Map<string, { issuedOn: string; orders: readonly PaymentOrderLine[] }>();
  const submitted = new Map<string, readonly PaymentOrderLine[]>();

  const answer = (issuedOn: string, o: PaymentOrderLine, index: number): StatementLine => {
    const iban = checkIban(o.iban);
    if (!iban.valid) return { reference: o.reference, status: 'failed', amountTiyn: o.amountTiyn, date: issuedOn, reason: 'invalid-iban', feeTiyn: 0 };
    if (closed.has(iban.iban) || iban.account.endsWith('9999')) return { reference: o.reference, status: 'failed', amountTiyn: o.amountTiyn, date: issuedOn, reason: 'account-closed', feeTiyn: 0 };
    if (returnEvery > 0 && (index + 1) % returnEvery === 0) {
      const date = Temporal.PlainDate.from(issuedOn).add({ days: 7 }).toString();
      return { reference: o.reference, status: 'returned', amountTiyn: o.amountTiyn, date, reason: 'account-blocked', feeTiyn: fee };
    }
    return { reference: o.reference, status: 'credited', amountTiyn: o.amountTiyn, date: issuedOn, reason: null, feeTiyn: fee };
  };

  return {
    submitted,
    closeAccount(iban) {
      closed.add(iban);
    },
    async submitOrders(input: SubmitOrdersInput) {
      // Keyed by reference: a re-sent order replaces itself, it is never paid twice.
      const prev = batches.get(input.batchId);
      const byRef = new Map((prev?.orders ?? []).map((o) => [o.reference, o] as const));
      for (const o of input.orders) byRef.set(o.reference, o);
      const orders = [...byRef.values()];
      batches.set(input.batchId, { issuedOn: prev?.issuedOn ?? input.issuedOn, orders });
      submitted.set(input.batchId, orders);
      return { accepted: input.orders.length };
    },
    async statementFile(batchId) {
      const b = batches.get(batchId);
      if (!b) return null;
      const lines = [...b.orders].sort((x, y) => (x.reference < y.reference ? -1 : 1)).map((o, i) => answer(b.issuedOn, o, i));
      return { fileName: `statement-${batchId}.csv`, content: renderStatementCsv(lines) };
    },
  };
}
