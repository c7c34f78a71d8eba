/**
 * p.28–p.29: the authorized body's transfer of the demand amount reaches the State Corporation. Records the
 * day and the p.29 deadline for payment orders and crediting (2 working days after the transfer).
 */
import { Temporal } from 'temporal-polyfill';
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { paymentOrderDeadline } from '../rules/deadlines';
import { loadPaymentCalendar } from './calendar';
import { isoDate, onCalendar, storedDeadline } from './dates';
import { demandOf, type Demand, type DemandRow } from './demand-row';

export async function recordTransfer(ctx: Ctx, input: { readonly demandId: number; readonly transferredOn: string }): Promise<Demand> {
  const transferredOn = isoDate(input.transferredOn, 'transferredOn');
  const cal = await loadPaymentCalendar(ctx.database);
  return runCommand(ctx, { action: 'payments.demand.transfer', targetType: 'payment_demand' }, async ({ sql }) => {
    const [d] = await sql.query<DemandRow>('select * from payment_demand where id = $1 for update', [input.demandId]);
    if (!d) throw new AppError('NOT_FOUND');
    if (d.status !== 'applied') throw new AppError('PAYMENT_STATE', [], { status: d.status });
    if (Temporal.PlainDate.compare(transferredOn, Temporal.PlainDate.from(d.application_received_on!)) < 0) throw new AppError('VALIDATION', [{ path: 'transferredOn', message: 'аударым өтінімнен бұрын болмайды | перечисление не может быть раньше заявки | the transfer cannot precede the application' }]);
    const orders = onCalendar('transferredOn', () => paymentOrderDeadline(cal, { transferArrivedOn: transferredOn }));
    const deadlines = [...demandOf(d).deadlines, storedDeadline('orders', orders)];
    const [row] = await sql.query<DemandRow>(
      `update payment_demand set status = 'transferred', transferred_on = $2, orders_due_on = $3, deadlines = $4 where id = $1 returning *`,
      [input.demandId, transferredOn.toString(), orders.date.toString(), JSON.stringify(deadlines)],
    );
    return { result: demandOf(row!), targetId: String(input.demandId), after: { transferredOn: transferredOn.toString(), ordersDueOn: orders.date.toString() } };
  });
}
