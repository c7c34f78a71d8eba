/**
 * p.28: the State Corporation's application on the demand amount reaches the authorized body (due the
 * next working day after the demand). Records the day it arrived and the transfer deadline that follows:
 * 2 working days, or before the 1st of the payment month for applications after the 27th.
 */
import { Temporal } from 'temporal-polyfill';
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { transferDeadline } from '../rules/deadlines';
import { loadPaymentCalendar } from './calendar';
import { isoDate, onCalendar, storedDeadline } from './dates';
import { demandOf, type Demand, type DemandRow } from './demand-row';

export async function recordDemandApplication(ctx: Ctx, input: { readonly demandId: number; readonly receivedOn: string }): Promise<Demand> {
  const receivedOn = isoDate(input.receivedOn, 'receivedOn');
  const cal = await loadPaymentCalendar(ctx.database);
  return runCommand(ctx, { action: 'payments.demand.application', targetType: 'payment_demand' }, async ({ sql }) => {
    const [d] = await sql.query<DemandRow>('select * from payment_demand where id = $1 for update', [input.demandId]);
    if (!d) throw new AppError('NOT_FOUND');
    if (d.status !== 'formed') throw new AppError('PAYMENT_STATE', [], { status: d.status });
    if (Temporal.PlainDate.compare(receivedOn, Temporal.PlainDate.from(d.formed_on)) < 0) throw new AppError('VALIDATION', [{ path: 'receivedOn', message: 'өтінім сұраныстан бұрын түсе алмайды | заявка не может поступить раньше потребности | the application cannot precede the demand' }]);
    const paymentMonth = d.payment_month ? Temporal.PlainDate.from(d.payment_month).toPlainYearMonth() : null;
    const transfer = onCalendar('receivedOn', () => transferDeadline(cal, { applicationReceivedOn: receivedOn, paymentMonth }));
    const deadlines = [...demandOf(d).deadlines, storedDeadline('transfer', transfer)];
    const [row] = await sql.query<DemandRow>(
      `update payment_demand set status = 'applied', application_received_on = $2, transfer_due_on = $3, deadlines = $4 where id = $1 returning *`,
      [input.demandId, receivedOn.toString(), transfer.date.toString(), JSON.stringify(deadlines)],
    );
    return { result: demandOf(row!), targetId: String(input.demandId), after: { applicationReceivedOn: receivedOn.toString(), transferDueOn: transfer.date.toString() } };
  });
}
