/**
 * Read models of the payment screens: demands with their dated steps (the payment calendar), scheduled
 * payments by demand date, p.30 returns awaiting re-issue, p.31 over-credited sums.
 */
import type { Sql } from '../db/connect';
import { demandOf, type Demand, type DemandRow } from './demand-row';

export async function listDemands(database: Sql, opts: { limit?: number } = {}): Promise<Demand[]> {
  const rows = await database.query<DemandRow>('select * from payment_demand order by id desc limit $1', [opts.limit ?? 200]);
  return rows.map(demandOf);
}

export interface CalendarDay {
  readonly demandDueOn: string;
  readonly status: string;
  readonly payments: number;
  readonly amountTiyn: number;
}

/** Payments not yet demanded, by the date their demand is due (p.27), between two dates. */
export async function paymentCalendar(database: Sql, opts: { from: string; to: string }): Promise<CalendarDay[]> {
  const rows = await database.query<{ d: string; status: string; n: string; s: string }>(
    `select demand_due_on::text as d, status, count(*)::text as n, sum(amount_tiyn)::text as s from payment
      where demand_due_on between $1 and $2 and status = 'scheduled' group by 1, 2 order by 1, 2`,
    [opts.from, opts.to],
  );
  return rows.map((r) => ({ demandDueOn: r.d, status: r.status, payments: Number(r.n), amountTiyn: Number(r.s) }));
}

export interface ReturnView {
  readonly id: number;
  readonly paymentId: number;
  readonly recipientIin: string;
  readonly recipientName: string | null;
  readonly iban: string;
  readonly amountTiyn: number;
  readonly reason: string;
  readonly receivedOn: string;
  readonly updateDueOn: string;
  readonly updateClause: string;
  readonly status: string;
  readonly correctedIban: string | null;
  readonly reissueReference: string | null;
}

export async function listReturns(database: Sql, opts: { status?: string | null } = {}): Promise<ReturnView[]> {
  const rows = await database.query<Record<string, string | null>>(
    `select r.id, r.payment_id, p.recipient_iin, p.recipient_name, o.iban, r.amount_tiyn::text as amount, r.reason, r.received_on::text as received_on,
            r.update_due_on::text as update_due_on, r.update_clause, r.status, r.corrected_iban, ro.reference as reissue_reference
       from payment_return r join payment p on p.id = r.payment_id join payment_order o on o.id = r.order_id
       left join payment_order ro on ro.id = r.reissue_order_id
      where ($1::text is null or r.status = $1) order by r.id desc limit 500`,
    [opts.status ?? null],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    paymentId: Number(r.payment_id),
    recipientIin: r.recipient_iin!,
    recipientName: r.recipient_name ?? null,
    iban: r.iban!,
    amountTiyn: Number(r.amount),
    reason: r.reason!,
    receivedOn: r.received_on!,
    updateDueOn: r.update_due_on!,
    updateClause: r.update_clause!,
    status: r.status!,
    correctedIban: r.corrected_iban ?? null,
    reissueReference: r.reissue_reference ?? null,
  }));
}
