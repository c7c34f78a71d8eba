/**
 * Reconciliation of the payment lifecycle (p.21, p.26–p.31): per period (payment month), category and rural
 * district — what was decided, demanded (p.27), transferred (p.28), paid (credited, p.29) and returned
 * (p.30) — with the differences listed payment by payment (what is still open and at which step), and a
 * check that the budget's commitments and actuals equal the sums of the payments behind them.
 * All sums are computed in SQL as bigint and returned as JS numbers (district sums stay far below 2^53).
 */
import type { Sql } from '../db/connect';

export interface ReconciliationFilter {
  /** Payment months from / to, 'YYYY-MM' inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Payment dates from / to, 'YYYY-MM-DD' inclusive (with or instead of the months). */
  readonly fromDate?: string;
  readonly toDate?: string;
  readonly ruralDistrictId?: string | null;
  readonly categoryCode?: string | null;
}

export interface ReconciliationRow {
  readonly period: string;
  readonly categoryCode: string;
  readonly ruralDistrictId: string;
  readonly payments: number;
  readonly decidedTiyn: number;
  readonly demandedTiyn: number;
  readonly transferredTiyn: number;
  readonly paidTiyn: number;
  readonly returnedTiyn: number;
  readonly awaitingReissueTiyn: number;
  /** decided − paid: what has not reached recipients yet. */
  readonly differenceTiyn: number;
}

export interface ReconciliationDifference {
  readonly paymentId: number;
  readonly period: string;
  readonly recipientIin: string;
  readonly recipientName: string | null;
  readonly categoryCode: string;
  readonly ruralDistrictId: string;
  readonly amountTiyn: number;
  readonly status: string;
  /** The step it waits for: demand | application | transfer | orders | crediting | reissue. */
  readonly waitingFor: string;
  readonly payOn: string;
}

export interface BudgetCheck {
  readonly year: number;
  readonly programme: string;
  readonly committedTiyn: number;
  readonly paymentsCommittedTiyn: number;
  readonly paidTiyn: number;
  readonly paymentsPaidTiyn: number;
  readonly consistent: boolean;
}

export interface Reconciliation {
  readonly rows: readonly ReconciliationRow[];
  readonly totals: Omit<ReconciliationRow, 'period' | 'categoryCode' | 'ruralDistrictId'>;
  readonly differences: readonly ReconciliationDifference[];
  readonly differencesTotal: number;
  readonly budget: readonly BudgetCheck[];
}

const where = `p.status <> 'cancelled'
  and ($1::text is null or to_char(p.pay_on, 'YYYY-MM') >= $1) and ($2::text is null or to_char(p.pay_on, 'YYYY-MM') <= $2)
  and ($3::text is null or p.rural_district_id = $3) and ($4::text is null or p.category_code = $4)
  and ($5::date is null or p.pay_on >= $5::date) and ($6::date is null or p.pay_on <= $6::date)`;

export async function reconcilePayments(database: Sql, filter: ReconciliationFilter = {}, opts: { differencesLimit?: number } = {}): Promise<Reconciliation> {
  const params = [filter.from ?? null, filter.to ?? null, filter.ruralDistrictId ?? null, filter.categoryCode ?? null, filter.fromDate ?? null, filter.toDate ?? null];
  const rows = await database.query<Record<string, string>>(
    `select to_char(p.pay_on, 'YYYY-MM') as period, p.category_code, coalesce(p.rural_district_id, '') as rd, count(*)::text as n,
            sum(p.amount_tiyn)::text as decided,
            coalesce(sum(p.amount_tiyn) filter (where p.demand_id is not null), 0)::text as demanded,
            coalesce(sum(p.amount_tiyn) filter (where d.transferred_on is not null), 0)::text as transferred,
            coalesce(sum(p.amount_tiyn) filter (where p.status = 'paid'), 0)::text as paid,
            sum(p.returned_tiyn)::text as returned,
            coalesce(sum(p.amount_tiyn) filter (where p.status in ('failed', 'returned')), 0)::text as awaiting
       from payment p left join payment_demand d on d.id = p.demand_id
      where ${where}
      group by 1, 2, 3 order by 1, 2, 3`,
    params,
  );
  const out: ReconciliationRow[] = rows.map((r) => ({
    period: r.period!,
    categoryCode: r.category_code!,
    ruralDistrictId: r.rd!,
    payments: Number(r.n),
    decidedTiyn: Number(r.decided),
    demandedTiyn: Number(r.demanded),
    transferredTiyn: Number(r.transferred),
    paidTiyn: Number(r.paid),
    returnedTiyn: Number(r.returned),
    awaitingReissueTiyn: Number(r.awaiting),
    differenceTiyn: Number(BigInt(r.decided!) - BigInt(r.paid!)),
  }));
  const sum = (k: keyof ReconciliationRow) => out.reduce((s, r) => s + (r[k] as number), 0);
  const totals = {
    payments: sum('payments'),
    decidedTiyn: sum('decidedTiyn'),
    demandedTiyn: sum('demandedTiyn'),
    transferredTiyn: sum('transferredTiyn'),
    paidTiyn: sum('paidTiyn'),
    returnedTiyn: sum('returnedTiyn'),
    awaitingReissueTiyn: sum('awaitingReissueTiyn'),
    differenceTiyn: sum('differenceTiyn'),
  };
  const diffs = await database.query<Record<string, string | null>>(
    `select p.id, to_char(p.pay_on, 'YYYY-MM') as period, p.recipient_iin, p.recipient_name, p.category_code, coalesce(p.rural_district_id, '') as rd, p.amount_tiyn::text as amount, p.status, p.pay_on::text as pay_on,
            case when p.status in ('failed', 'returned') then 'reissue'
                 when p.demand_id is null then 'demand'
                 when d.application_received_on is null then 'application'
                 when d.transferred_on is null then 'transfer'
                 when p.status = 'demanded' then 'orders'
                 else 'crediting' end as waiting
       from payment p left join payment_demand d on d.id = p.demand_id
      where ${where} and p.status <> 'paid'
      order by p.pay_on, p.id limit $7`,
    [...params, opts.differencesLimit ?? 1000],
  );
  const [dc] = await database.query<{ n: string }>(`select count(*)::text as n from payment p where ${where} and p.status <> 'paid'`, params);
  const budget = await database.query<Record<string, string>>(
    `select a.year, a.programme, a.committed_tiyn::text as committed, a.paid_tiyn::text as paid,
            coalesce((select sum(amount_tiyn) from payment p where p.financial_year = a.year and p.programme = a.programme and p.status <> 'cancelled'), 0)::text as p_committed,
            coalesce((select sum(amount_tiyn) from payment p where p.financial_year = a.year and p.programme = a.programme and p.status = 'paid'), 0)::text as p_paid
       from budget_allocation a order by a.year, a.programme`,
  );
  return {
    rows: out,
    totals,
    differences: diffs.map((r) => ({
      paymentId: Number(r.id),
      period: r.period!,
      recipientIin: r.recipient_iin!,
      recipientName: r.recipient_name ?? null,
      categoryCode: r.category_code!,
      ruralDistrictId: r.rd!,
      amountTiyn: Number(r.amount),
      status: r.status!,
      waitingFor: r.waiting!,
      payOn: r.pay_on!,
    })),
    differencesTotal: Number(dc!.n),
    budget: budget.map((b) => ({
      year: Number(b.year),
      programme: b.programme!,
      committedTiyn: Number(b.committed),
      paymentsCommittedTiyn: Number(b.p_committed),
      paidTiyn: Number(b.paid),
      paymentsPaidTiyn: Number(b.p_paid),
      consistent: b.committed === b.p_committed && b.paid === b.p_paid,
    })),
  };
}
