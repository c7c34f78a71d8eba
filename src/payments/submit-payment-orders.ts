/**
 * Sends the issued orders of a demand to the payment organisation port in keyset pages (never OFFSET).
 * Safe to repeat: the port keys orders by reference, so a retry after a crash re-sends, never duplicates.
 */
import type { Database } from '../db/connect';
import type { PaymentOrderLine, PaymentOrganisation } from '../adapters/bank/port';

export async function submitPaymentOrders(database: Database, bank: PaymentOrganisation, input: { readonly demandId: number; readonly pageSize?: number }): Promise<{ submitted: number }> {
  const page = input.pageSize ?? 10_000;
  let after = 0;
  let submitted = 0;
  for (;;) {
    const rows = await database.query<{ id: string; reference: string; iban: string; amount_tiyn: string; recipient_iin: string; recipient_name: string | null; issued_on: string }>(
      `select o.id, o.reference, o.iban, o.amount_tiyn, o.issued_on, p.recipient_iin, p.recipient_name
         from payment_order o join payment p on p.id = o.payment_id
        where o.demand_id = $1 and o.status = 'issued' and o.id > $2 order by o.id limit $3`,
      [input.demandId, after, page],
    );
    if (rows.length === 0) break;
    const orders: PaymentOrderLine[] = rows.map((r) => ({ reference: r.reference, iban: r.iban, amountTiyn: Number(r.amount_tiyn), recipientIin: r.recipient_iin, recipientName: r.recipient_name ?? '' }));
    await bank.submitOrders({ batchId: String(input.demandId), issuedOn: rows[0]!.issued_on, orders });
    submitted += rows.length;
    after = Number(rows[rows.length - 1]!.id);
  }
  return { submitted };
}
