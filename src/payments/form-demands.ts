/**
 * p.27: the State Corporation forms budget demands (сұраныс) — for one-time payments daily, for monthly and
 * quarterly payments by the 29th of the month before the payment month. Every scheduled payment whose
 * demand date has come (demand_due_on ≤ `on`) joins one demand of its kind (periodic ones per payment
 * month). Each demand records its p.27 date and the p.28 date for the application on its amount.
 * Set-based: one UPDATE per demand, whatever the number of payments. Running it again for the same day
 * forms nothing new.
 */
import { Temporal } from 'temporal-polyfill';
import { runCommand, type Ctx } from '../context';
import { demandApplicationDeadline, demandFormationDeadline } from '../rules/deadlines';
import { loadPaymentCalendar } from './calendar';
import { isoDate, onCalendar, storedDeadline } from './dates';

export interface FormedDemand {
  readonly id: number;
  readonly kind: 'one-time' | 'periodic';
  readonly paymentMonth: string | null;
  readonly payments: number;
  readonly amountTiyn: number;
  readonly applicationDueOn: string;
}

export async function formDemands(ctx: Ctx, input: { readonly on: string }): Promise<FormedDemand[]> {
  const on = isoDate(input.on, 'on');
  const cal = await loadPaymentCalendar(ctx.database);
  const application = onCalendar('on', () => demandApplicationDeadline(cal, { demandFormedOn: on }));
  return runCommand(ctx, { action: 'payments.demands.form', targetType: 'payment_demand' }, async ({ sql, at }) => {
    const groups = await sql.query<{ kind: 'one-time' | 'periodic'; month: string | null; due: string; n: string; s: string }>(
      `select case when periodicity = 'one-time' then 'one-time' else 'periodic' end as kind,
              case when periodicity = 'one-time' then null else to_char(date_trunc('month', pay_on), 'YYYY-MM-DD') end as month,
              min(demand_due_on)::text as due, count(*) as n, sum(amount_tiyn)::text as s
         from payment where status = 'scheduled' and demand_due_on <= $1
        group by 1, 2 order by 1, 2`,
      [on.toString()],
    );
    const formed: FormedDemand[] = [];
    for (const g of groups) {
      const demand =
        g.kind === 'one-time'
          ? onCalendar('on', () => demandFormationDeadline(cal, { periodicity: 'one-time', decisionReceivedOn: Temporal.PlainDate.from(g.due) }))
          : onCalendar('on', () => demandFormationDeadline(cal, { periodicity: 'monthly', paymentMonth: Temporal.PlainDate.from(g.month!).toPlainYearMonth() }));
      const [d] = await sql.query<{ id: string }>(
        `insert into payment_demand (kind, payment_month, formed_on, demand_due_on, application_due_on, payments, amount_tiyn, status, deadlines, created_at)
         values ($1, $2, $3, $4, $5, $6, $7::bigint, 'formed', $8, $9) returning id`,
        [g.kind, g.month, on.toString(), demand.date.toString(), application.date.toString(), Number(g.n), g.s, JSON.stringify([storedDeadline('demand', demand), storedDeadline('application', application)]), at.toString()],
      );
      const id = Number(d!.id);
      await sql.query(
        `update payment set demand_id = $1, status = 'demanded'
          where status = 'scheduled' and demand_due_on <= $2
            and ${g.kind === 'one-time' ? "periodicity = 'one-time'" : "periodicity <> 'one-time' and date_trunc('month', pay_on) = $3::date"}`,
        g.kind === 'one-time' ? [id, on.toString()] : [id, on.toString(), g.month],
      );
      formed.push({ id, kind: g.kind, paymentMonth: g.month, payments: Number(g.n), amountTiyn: Number(g.s), applicationDueOn: application.date.toString() });
    }
    return { result: formed, targetId: formed.map((f) => f.id).join(',') || null, after: { on: on.toString(), demands: formed.map((f) => ({ id: f.id, payments: f.payments, amountTiyn: f.amountTiyn })) } };
  });
}
