/**
 * p.31: a sum credited in excess that arrived on the State Corporation's account is returned to the
 * authorized body no later than the last working day of that month. Recording it sets that deadline;
 * recording its return closes it.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { overCreditedReturnDeadline } from '../rules/deadlines';
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
}

export async function recordOverCredit(ctx: Ctx, input: { readonly paymentId?: number | null; readonly amountTiyn: number; readonly arrivedOn: string; readonly note?: string | null }): Promise<OverCredit> {
  const arrivedOn = isoDate(input.arrivedOn, 'arrivedOn');
  if (!Number.isSafeInteger(input.amountTiyn) || input.amountTiyn <= 0) throw new AppError('VALIDATION', [{ path: 'amountTiyn', message: 'оң бүтін тиын | целое положительное число тиын | a positive whole number of tiyn' }]);
  const cal = await loadPaymentCalendar(ctx.database);
  const due = onCalendar('arrivedOn', () => overCreditedReturnDeadline(cal, { arrivedOn }));
  return runCommand(ctx, { action: 'payments.over-credit.record', targetType: 'over_credit' }, async ({ sql, at }) => {
    const [r] = await sql.query<{ id: string }>(
      'insert into over_credit (payment_id, amount_tiyn, arrived_on, return_due_on, note, recorded_at) values ($1, $2, $3, $4, $5, $6) returning id',
      [input.paymentId ?? null, input.amountTiyn, arrivedOn.toString(), due.date.toString(), input.note ?? null, at.toString()],
    );
    const result: OverCredit = { id: Number(r!.id), paymentId: input.paymentId ?? null, amountTiyn: input.amountTiyn, arrivedOn: arrivedOn.toString(), returnDueOn: due.date.toString(), returnedOn: null, clause: 'p.31' };
    return { result, targetId: r!.id, after: result };
  });
}

/** p.31: the over-credited sum came back to the authorized body on `returnedOn`. */
export async function recordOverCreditReturned(ctx: Ctx, input: { readonly id: number; readonly returnedOn: string }): Promise<{ id: number; returnedOn: string; late: boolean }> {
  const returnedOn = isoDate(input.returnedOn, 'returnedOn');
  return runCommand(ctx, { action: 'payments.over-credit.returned', targetType: 'over_credit' }, async ({ sql }) => {
    const [r] = await sql.query<{ id: string; return_due_on: string; returned_on: string | null }>('update over_credit set returned_on = $2 where id = $1 and returned_on is null returning id, return_due_on, returned_on', [input.id, returnedOn.toString()]);
    if (!r) throw new AppError('PAYMENT_STATE');
    return { result: { id: input.id, returnedOn: returnedOn.toString(), late: returnedOn.toString() > r.return_due_on }, targetId: r.id };
  });
}
