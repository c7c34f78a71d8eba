/**
 * The dashboard (issue 6 item 6), per rural district: applications by status, deadlines at risk and
 * overdue (by the role whose step is next), decisions by ground and category, refusals by clause of p.20,
 * budget used vs allocation (p.21), payments by month. Each panel reads the workflow's and the payments'
 * tables; a panel whose table is not in the database says so (`available: false`) instead of showing
 * numbers it does not have.
 */
import type { Sql } from '../db/connect';

export interface Panel<T> {
  readonly available: boolean;
  /** The table the panel needs, when it is missing. */
  readonly missing?: string;
  readonly rows: T[];
}

export interface Dashboard {
  readonly today: string;
  readonly ruralDistrictId: string | null;
  readonly applicationsByStatus: Panel<{ status: string; count: number }>;
  readonly deadlines: Panel<{ role: string; atRisk: number; overdue: number; onTime: number }>;
  readonly decisions: Panel<{ ground: string | null; category: string; outcome: string; count: number; amountTiyn: number }>;
  readonly refusalsByClause: Panel<{ clause: string; count: number }>;
  readonly budget: Panel<{ year: number; programme: string; allocatedTiyn: number; committedTiyn: number; paidTiyn: number }>;
  readonly paymentsByMonth: Panel<{ month: string; status: string; count: number; amountTiyn: number }>;
}

async function has(sql: Sql, table: string): Promise<boolean> {
  const [r] = await sql.query<{ t: string | null }>('select to_regclass($1)::text as t', [table]);
  return !!r?.t;
}

async function panel<T>(sql: Sql, table: string, load: () => Promise<T[]>): Promise<Panel<T>> {
  if (!(await has(sql, table))) return { available: false, missing: table, rows: [] };
  return { available: true, rows: await load() };
}

export async function getDashboard(sql: Sql, opts: { today: string; ruralDistrictId: string | null; year: number }): Promise<Dashboard> {
  const rd = opts.ruralDistrictId;
  const open = `a.status in ('REGISTERED','AT_PRECINCT_COMMISSION','SURVEYED','DATA_REQUESTED','AT_SPECIAL_COMMISSION','CONCLUDED','HEARING')`;
  return {
    today: opts.today,
    ruralDistrictId: rd,
    applicationsByStatus: await panel(sql, 'application', () =>
      sql.query(`select a.status, count(*)::int as count from application a where ($1::text is null or a.rural_district_id = $1) group by a.status order by count desc`, [rd]),
    ),
    deadlines: await panel(sql, 'application', () =>
      sql.query(
        `select coalesce(a.next_role, '—') as role,
                count(*) filter (where a.next_hard_on < $2::date)::int as overdue,
                count(*) filter (where a.next_hard_on >= $2::date and a.next_target_on <= $2::date)::int as "atRisk",
                count(*) filter (where a.next_target_on > $2::date)::int as "onTime"
         from application a where ${open} and ($1::text is null or a.rural_district_id = $1) group by 1 order by 1`,
        [rd, opts.today],
      ),
    ),
    decisions: await panel(sql, 'decision', () =>
      sql.query(
        `select d.ground, d.category_code as category, d.outcome, count(*)::int as count, coalesce(sum(d.amount_tiyn), 0)::float8 as "amountTiyn"
         from decision d join application a on a.id = d.application_id where ($1::text is null or a.rural_district_id = $1)
         group by 1, 2, 3 order by 2, 3`,
        [rd],
      ),
    ),
    refusalsByClause: await panel(sql, 'decision', () =>
      sql.query(
        `select coalesce(d.refusal_ground, '—') as clause, count(*)::int as count from decision d join application a on a.id = d.application_id
         where d.outcome = 'refuse' and ($1::text is null or a.rural_district_id = $1) group by 1 order by 1`,
        [rd],
      ),
    ),
    budget: await panel(sql, 'budget_allocation', () =>
      sql.query(
        `select year, programme, allocated_tiyn::float8 as "allocatedTiyn", committed_tiyn::float8 as "committedTiyn", paid_tiyn::float8 as "paidTiyn" from budget_allocation where year = $1 order by programme`,
        [opts.year],
      ),
    ),
    paymentsByMonth: await panel(sql, 'payment', () =>
      sql.query(
        `select to_char(p.pay_on, 'YYYY-MM') as month, p.status, count(*)::int as count, coalesce(sum(p.amount_tiyn), 0)::float8 as "amountTiyn"
         from payment p where p.financial_year = $2 and ($1::text is null or p.rural_district_id = $1) group by 1, 2 order by 1, 2`,
        [rd, opts.year],
      ),
    ),
  };
}
