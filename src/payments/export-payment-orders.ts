/**
 * Exports the payment orders of a demand (p.29) as the CSV or XML file of docs/payment-files.md, read in
 * keyset pages and yielded in chunks (a million orders never sit in memory). Every IBAN is checked
 * (ISO 13616 mod-97, Kazakh format) before its line is written; an invalid one stops the export with
 * PAYMENT_FILE_INVALID naming the line, so no file with a bad account leaves Komek.
 */
import type { Sql } from '../db/connect';
import { AppError } from '../errors';
import { checkIban } from '../rules/identifiers';
import { csvField } from '../adapters/bank/statement-csv';

export const ORDERS_CSV_HEADER = ['reference', 'recipient_iin', 'recipient_name', 'iban', 'amount_tiyn', 'issued_on', 'demand_id', 'category', 'rural_district'] as const;
export type OrdersFormat = 'csv' | 'xml';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function* exportPaymentOrders(database: Sql, input: { readonly demandId: number; readonly format: OrdersFormat; readonly pageSize?: number }): AsyncGenerator<string> {
  const pageSize = input.pageSize ?? 10_000;
  const [d] = await database.query<{ id: string; amount_tiyn: string; orders_issued_on: string | null }>('select id, amount_tiyn, orders_issued_on from payment_demand where id = $1', [input.demandId]);
  if (!d) throw new AppError('NOT_FOUND');
  const [agg] = await database.query<{ n: string; s: string | null }>("select count(*) n, sum(amount_tiyn)::text s from payment_order where demand_id = $1 and status = 'issued'", [input.demandId]);
  if (input.format === 'csv') yield ORDERS_CSV_HEADER.join(';') + '\n';
  else yield `<?xml version="1.0" encoding="UTF-8"?>\n<PaymentOrders xmlns="urn:komek:payment-orders:1" demand="${d.id}" issuedOn="${d.orders_issued_on ?? ''}" count="${agg!.n}" totalTiyn="${agg!.s ?? 0}">\n`;
  let after = 0;
  let line = input.format === 'csv' ? 1 : 2;
  for (;;) {
    const rows = await database.query<{ id: string; reference: string; recipient_iin: string; recipient_name: string | null; iban: string; amount_tiyn: string; issued_on: string; category_code: string; rural_district_id: string | null }>(
      `select o.id, o.reference, p.recipient_iin, p.recipient_name, o.iban, o.amount_tiyn, o.issued_on, p.category_code, p.rural_district_id
         from payment_order o join payment p on p.id = o.payment_id
        where o.demand_id = $1 and o.status = 'issued' and o.id > $2 order by o.id limit $3`,
      [input.demandId, after, pageSize],
    );
    if (rows.length === 0) break;
    const out: string[] = [];
    for (const r of rows) {
      line++;
      const iban = checkIban(r.iban);
      if (!iban.valid) throw new AppError('PAYMENT_FILE_INVALID', [{ path: `line ${line}`, message: `${line}-жол: ЖСК жарамсыз (${iban.reason}) | Строка ${line}: неверный IBAN (${iban.reason}) | Line ${line}: invalid IBAN (${iban.reason})` }], { line, reference: r.reference, reason: iban.reason });
      if (input.format === 'csv') out.push([r.reference, r.recipient_iin, r.recipient_name ?? '', iban.iban, r.amount_tiyn, r.issued_on, d.id, r.category_code, r.rural_district_id ?? ''].map(csvField).join(';'));
      else out.push(`  <Order reference="${xml(r.reference)}" iin="${r.recipient_iin}" iban="${iban.iban}" amountTiyn="${r.amount_tiyn}" issuedOn="${r.issued_on}" category="${xml(r.category_code)}" ruralDistrict="${xml(r.rural_district_id ?? '')}"><Name>${xml(r.recipient_name ?? '')}</Name></Order>`);
    }
    yield out.join('\n') + '\n';
    after = Number(rows[rows.length - 1]!.id);
  }
  if (input.format === 'xml') yield '</PaymentOrders>\n';
}

/** The whole export as one string (screens and tests; use the generator for large demands). */
export async function exportPaymentOrdersText(database: Sql, input: { readonly demandId: number; readonly format: OrdersFormat }): Promise<string> {
  let s = '';
  for await (const chunk of exportPaymentOrders(database, input)) s += chunk;
  return s;
}
