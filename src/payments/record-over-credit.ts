/**
 * p.31: a sum credited in excess that arrived on the State Corporation's account is returned to the
 * authorized body no later than the last working day of that month. Recording it sets that deadline;
 * recording its return closes it.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { overCreditedReturnDeadline } from '../rules/deadlines';
import type { Deadline } from '../rules/explain';
import { loadPaymentCalendar } from './calendar';
import { isoDate, onCalendar } from './dates';

export interface OverCredit {
  readonly id: number;
  readonly paymentId: number | null;
  readonly amountTiyn: number;
  readonly arrivedOn: string;
  readonly returnDueOn: string;
  readonly returnedOn: string | null;
  readonly clause: 'p.31';
  /** Why the return is due that day (kk/ru/en). */
  readonly explanation: Deadline['explanation'];
}

export async function recordOverCredit(ctx: Ctx, input: { readonly paymentId?: number | null; readonly amountTiyn: number; readonly arrivedOn: string; readonly note?: string | null }): Promise<OverCredit> {
  const arrivedOn = isoDate(input.arrivedOn, 'arrivedOn');
  if (!Number.isSafeInteger(input.amountTiyn) || input.amountTiyn <= 0) throw new AppError('VALIDATION', [{ path: 'amountTiyn', message: 'оң бүтін тиын | целое положительное число тиын | a positive whole number of tiyn' }]);
  const cal = await loadPaymentCalendar(ctx.database);
  const due = onCalendar('arrivedOn', () => overCreditedReturnDeadline(cal, { arrivedOn }));
  return runCommand(ctx, { action: 'payments.over-credit.record', targetType: 'over_credit' }, async ({ sql, at }) => {
    if (input.paymentId != null) {
      const [p] = await sql.query('select 1 from payment where id = $1', [input.paymentId]);
      if (!p) throw new AppError('VALIDATION', [{ path: 'paymentId', message: 'мұндай төлем жоқ | нет такой выплаты | no such payment' }]);
    }
    const [r] = await sql.query<{ id: string }>(
      'insert into over_credit (payment_id, amount_tiyn, arrived_on, return_due_on, note, recorded_at) values ($1, $2, $3, $4, $5, $6) returning id',
      [input.paymentId ?? null, input.amountTiyn, arrivedOn.toString(), due.date.toString(), input.note ?? null, at.toString()],
    );
    const result: OverCredit = { id: Number(r!.id), paymentId: input.paymentId ?? null, amountTiyn: input.amountTiyn, arrivedOn: arrivedOn.toString(), returnDueOn: due.date.toString(), returnedOn: null, clause: 'p.31', explanation: due.explanation };
    return { result, targetId: r!.id, after: result };
  });
}

/** p.31: the over-credited sum came back to the authorized body on `returnedOn`. */
export async function recordOverCreditReturned(ctx: Ctx, input: { readonly id: number; readonly returnedOn: string }): Promise<{ id: number; returnedOn: string; late: boolean }> {
  const returnedOn = isoDate(input.returnedOn, 'returnedOn');
  return runCommand(ctx, { action: 'payments.over-credit.returned', targetType: 'over_credit' }, async ({ sql }) => {
    const [o] = await sql.query<{ arrived_on: string; returned_on: string | null }>('select arrived_on::text as arrived_on, returned_on::text as returned_on from over_credit where id = $1 for update', [input.id]);
    if (!o) throw new AppError('NOT_FOUND');
    if (o.returned_on !== null) throw new AppError('PAYMENT_STATE', [], { returnedOn: o.returned_on });
    if (returnedOn.toString() < o.arrived_on) throw new AppError('VALIDATION', [{ path: 'returnedOn', message: 'қайтару түсуден бұрын болмайды | возврат не может быть раньше поступления | the return cannot precede the arrival' }]);
    const [r] = await sql.query<{ id: string; return_due_on: string }>('update over_credit set returned_on = $2 where id = $1 returning id, return_due_on::text as return_due_on', [input.id, returnedOn.toString()]);
    const late = returnedOn.toString() > r!.return_due_on;
    return { result: { id: input.id, returnedOn: returnedOn.toString(), late }, targetId: r!.id, before: { returnedOn: null }, after: { returnedOn: returnedOn.toString(), returnDueOn: r!.return_due_on, late } };
  });
}
