/**
 * p.30: after a payment organisation returned a sum (or failed the order), the authorized body corrects
 * the account and the payment is re-issued: a new payment order (next attempt) of the SAME payment, so
 * the (basis, period, recipient) key still holds one payment and it can be credited only once. The
 * return is closed as 'reissued'. The new order is sent to the port in its own batch.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { checkIban } from '../rules/identifiers';
import type { PaymentOrganisation } from '../adapters/bank/port';
import { almatyDay } from './dates';
import { orderReference } from './issue-payment-orders';

export interface Reissue {
  readonly paymentId: number;
  readonly returnId: number;
  readonly orderReference: string;
  readonly iban: string;
  readonly batchId: string;
}

export async function reissuePayment(ctx: Ctx, bank: PaymentOrganisation, input: { readonly returnId: number; readonly correctedIban: string }): Promise<Reissue> {
  const iban = checkIban(input.correctedIban);
  if (!iban.valid) throw new AppError('VALIDATION', [{ path: 'correctedIban', message: `ЖСК жарамсыз (${iban.reason}) | Неверный IBAN (${iban.reason}) | Invalid IBAN (${iban.reason})` }]);
  const out = await runCommand(ctx, { action: 'payments.reissue', targetType: 'payment' }, async ({ sql, at }) => {
    const [r] = await sql.query<{ id: string; payment_id: string; status: string; order_id: string }>('select * from payment_return where id = $1 for update', [input.returnId]);
    if (!r) throw new AppError('NOT_FOUND');
    if (r.status !== 'open') throw new AppError('PAYMENT_STATE', [], { status: r.status });
    const [p] = await sql.query<{ id: string; status: string; iban: string; amount_tiyn: string; demand_id: string; recipient_iin: string; recipient_name: string | null }>('select * from payment where id = $1 for update', [r.payment_id]);
    if (!p || (p.status !== 'failed' && p.status !== 'returned')) throw new AppError('PAYMENT_STATE', [], { status: p?.status });
    const [{ n }] = (await sql.query<{ n: number }>('select max(attempt)::int as n from payment_order where payment_id = $1', [p.id])) as [{ n: number }];
    const attempt = n + 1;
    const reference = orderReference(p.id, attempt);
    const on = almatyDay(at).toString();
    const [o] = await sql.query<{ id: string }>(
      `insert into payment_order (payment_id, demand_id, reference, attempt, iban, amount_tiyn, issued_on, status) values ($1, $2, $3, $4, $5, $6, $7, 'issued') returning id`,
      [p.id, p.demand_id, reference, attempt, iban.iban, p.amount_tiyn, on],
    );
    await sql.query(`update payment set iban = $2, status = 'ordered' where id = $1`, [p.id, iban.iban]);
    await sql.query(`update payment_return set status = 'reissued', corrected_iban = $2, reissue_order_id = $3 where id = $1`, [r.id, iban.iban, o!.id]);
    const result = { paymentId: Number(p.id), returnId: Number(r.id), orderReference: reference, iban: iban.iban, batchId: `reissue-${r.id}`, order: { reference, iban: iban.iban, amountTiyn: Number(p.amount_tiyn), recipientIin: p.recipient_iin, recipientName: p.recipient_name ?? '' }, issuedOn: on };
    return { result, targetId: p.id, before: { iban: p.iban, status: p.status }, after: { iban: iban.iban, orderReference: reference } };
  });
  await bank.submitOrders({ batchId: out.batchId, issuedOn: out.issuedOn, orders: [out.order] });
  return { paymentId: out.paymentId, returnId: out.returnId, orderReference: out.orderReference, iban: out.iban, batchId: out.batchId };
}
