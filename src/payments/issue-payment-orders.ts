/**
 * p.29: after the transfer arrives, the State Corporation forms payment orders per the payment schedule —
 * one order per payment of the demand, set-based (one statement for the whole demand). The orders are
 * then sent to the payment organisations by `submitPaymentOrders`.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { almatyDay } from './dates';
import { demandOf, type Demand, type DemandRow } from './demand-row';

/** The reference of a payment order in files and statements: KMK-<payment id, 12 digits>-<attempt>. */
export const orderReference = (paymentId: number | string, attempt: number): string => `KMK-${String(paymentId).padStart(12, '0')}-${attempt}`;

export async function issuePaymentOrders(ctx: Ctx, input: { readonly demandId: number }): Promise<{ demand: Demand; orders: number }> {
  return runCommand(ctx, { action: 'payments.orders.issue', targetType: 'payment_demand' }, async ({ sql, at }) => {
    const [d] = await sql.query<DemandRow>('select * from payment_demand where id = $1 for update', [input.demandId]);
    if (!d) throw new AppError('NOT_FOUND');
    if (d.status !== 'transferred') throw new AppError('PAYMENT_STATE', [], { status: d.status });
    const on = almatyDay(at).toString();
    const [n] = await sql.query<{ n: string }>(
      `with p as (update payment set status = 'ordered' where demand_id = $1 and status = 'demanded' returning id, iban, amount_tiyn),
            o as (insert into payment_order (payment_id, demand_id, reference, attempt, iban, amount_tiyn, issued_on, status)
                  select id, $1, 'KMK-' || lpad(id::text, 12, '0') || '-1', 1, iban, amount_tiyn, $2, 'issued' from p returning 1)
       select count(*) as n from o`,
      [input.demandId, on],
    );
    const [row] = await sql.query<DemandRow>(`update payment_demand set status = 'ordered', orders_issued_on = $2 where id = $1 returning *`, [input.demandId, on]);
    return { result: { demand: demandOf(row!), orders: Number(n!.n) }, targetId: String(input.demandId), after: { orders: Number(n!.n), issuedOn: on } };
  });
}
