/**
 * Runs the what-if impact preview of a draft rules version (issue 6 item 5) and keeps its result: the
 * draft and the version that would otherwise be in force on the draft's effective date are judged on
 * that date over the whole registry; the totals, the cells per category × rural district and the
 * households that gain or lose assistance are stored (rules_impact*) for the screen and the exports, with
 * the year's budget allocation (p.21) to compare the yearly cost against.
 */
import { Temporal } from 'temporal-polyfill';
import { runCommand, type Ctx } from '../context';
import { bulkInsert } from '../db/bulk';
import type { Sql } from '../db/connect';
import { AppError } from '../errors';
import { selectRulesVersion } from '../rules/district/config';
import { computeImpact, type ImpactResult } from './compute-impact';
import { todayOf } from './legal-reference';
import { getNationalParameters, getRulesVersionRow, parseConfigOrFail } from './rules-store';

export interface BudgetComparison {
  /** False when the payments module's allocation table is absent; then the numbers are null. */
  readonly available: boolean;
  readonly year: number;
  readonly allocatedTiyn: number | null;
  readonly committedTiyn: number | null;
}

export type ImpactSummary = Omit<ImpactResult, 'changes'> & { readonly id: string; readonly draftId: string; readonly draftCode: string; readonly currentId: string; readonly currentCode: string; readonly budget: BudgetComparison };

/** The allocation of the district budget for `year` (all programmes), if the payments tables exist. */
export async function budgetOf(sql: Sql, year: number): Promise<BudgetComparison> {
  const [exists] = await sql.query<{ t: string | null }>(`select to_regclass('budget_allocation')::text as t`);
  if (!exists?.t) return { available: false, year, allocatedTiyn: null, committedTiyn: null };
  const [row] = await sql.query<{ a: number; c: number }>('select coalesce(sum(allocated_tiyn), 0)::float8 as a, coalesce(sum(committed_tiyn), 0)::float8 as c from budget_allocation where year = $1', [year]);
  return { available: true, year, allocatedTiyn: row?.a ?? 0, committedTiyn: row?.c ?? 0 };
}

/** `chunk`: households per id range read (see readRegistryColumns). */
export async function previewRulesImpact(ctx: Ctx, draftId: string, options: { chunk?: number } = {}): Promise<ImpactSummary> {
  const today = todayOf(ctx);
  const draftRow = await getRulesVersionRow(ctx.database, draftId, today);
  if (!['draft', 'approved', 'scheduled'].includes(draftRow.lifecycle)) throw new AppError('RULES_VERSION_STATE', [], { lifecycle: draftRow.lifecycle });
  const asOf = Temporal.PlainDate.from(draftRow.effectiveFrom);
  const [currentRef] = await ctx.database.query<{ id: string }>(
    `select id::text as id from rules_version where status = 'scheduled' and id <> $1 and effective_from <= $2 order by effective_from desc limit 1`,
    [draftId, draftRow.effectiveFrom],
  );
  if (!currentRef) throw new AppError('NO_RULES_IN_FORCE', [], { date: draftRow.effectiveFrom });
  const currentRow = await getRulesVersionRow(ctx.database, currentRef.id, today);
  // Both sides with the national series as the department keeps them (added MCI etc.).
  const national = await getNationalParameters(ctx.database);
  const current = selectRulesVersion(parseConfigOrFail(currentRow.config, `rules_version ${currentRow.code}`, national), asOf);
  const draft = selectRulesVersion(parseConfigOrFail(draftRow.config, `rules_version ${draftRow.code}`, national), asOf);
  // The registry describes today: a future version is previewed on today's households and incomes.
  const incomeDate = Temporal.PlainDate.compare(today, asOf) < 0 ? today : asOf;
  const result = await computeImpact(ctx.database, { current, draft, asOf, incomeDate, collectChanges: true, ...(options.chunk ? { partSize: options.chunk } : {}) });
  const { changes, ...totals } = result;
  const budget = await budgetOf(ctx.database, asOf.year);
  return runCommand(ctx, { action: 'rules.impact', targetType: 'rules_version' }, async ({ sql, at }) => {
    const summaryBody = { ...totals, draftCode: draftRow.code, currentCode: currentRow.code, budget };
    const [row] = await sql.query<{ id: string }>(
      'insert into rules_impact (draft_id, current_id, as_of, summary, created_at, created_by) values ($1, $2, $3, $4, $5, $6) returning id::text as id',
      [draftId, currentRow.id, asOf.toString(), JSON.stringify(summaryBody), at.toString(), ctx.actor?.id ?? null],
    );
    const id = row!.id;
    await bulkInsert(
      sql,
      'rules_impact_change',
      [
        { name: 'impact_id', type: 'int8' },
        { name: 'household_id', type: 'int8' },
        { name: 'category', type: 'text' },
        { name: 'change', type: 'text' },
        { name: 'rural_district_id', type: 'text' },
        { name: 'members', type: 'int4' },
        { name: 'per_capita_tiyn', type: 'int8' },
        { name: 'amount_tiyn', type: 'int8' },
      ],
      (function* () {
        for (const c of changes) yield [id, c.householdId, c.category, c.change, c.ruralDistrictId, c.members, c.perCapitaTiyn, c.amountTiyn];
      })(),
    );
    const summary: ImpactSummary = { ...summaryBody, id, draftId, currentId: currentRow.id };
    return { result: summary, targetId: draftId, after: { impactId: id, gained: totals.gained, lost: totals.lost, households: totals.households } };
  });
}

/** A stored preview's summary. */
export async function getImpact(sql: Sql, impactId: string): Promise<ImpactSummary> {
  if (!/^\d{1,18}$/.test(impactId)) throw new AppError('NOT_FOUND');
  const [row] = await sql.query<{ id: string; draft_id: string; current_id: string; summary: unknown }>('select id::text as id, draft_id::text as draft_id, current_id::text as current_id, summary from rules_impact where id = $1', [impactId]);
  if (!row) throw new AppError('NOT_FOUND');
  const s = (typeof row.summary === 'string' ? JSON.parse(row.summary) : row.summary) as Omit<ImpactSummary, 'id' | 'draftId' | 'currentId'>;
  return { ...s, id: row.id, draftId: row.draft_id, currentId: row.current_id };
}

export interface ImpactChangeRow {
  readonly householdId: string;
  readonly category: string;
  readonly change: 'gained' | 'lost';
  readonly ruralDistrictId: string;
  readonly members: number;
  readonly perCapitaTiyn: number;
  readonly amountTiyn: number;
  readonly headName: string | null;
  readonly headIin: string | null;
  readonly address: string | null;
  readonly headIban: string | null;
}

/** The households that gain or lose assistance in a stored preview, with the head of household. */
export async function listImpactChanges(sql: Sql, impactId: string, opts: { limit?: number; change?: 'gained' | 'lost' } = {}): Promise<ImpactChangeRow[]> {
  return sql.query<ImpactChangeRow>(
    `select c.household_id::text as "householdId", c.category, c.change, c.rural_district_id as "ruralDistrictId", c.members,
            c.per_capita_tiyn::float8 as "perCapitaTiyn", c.amount_tiyn::float8 as "amountTiyn",
            (p.last_name || ' ' || p.first_name) as "headName", p.iin as "headIin", p.address, p.iban as "headIban"
     from rules_impact_change c
     left join lateral (select last_name, first_name, iin, address, iban from reg_person where household_id = c.household_id order by (relation = 'head') desc, id limit 1) p on true
     where c.impact_id = $1 and ($2::text is null or c.change = $2)
     order by c.change, c.category, c.household_id
     limit $3`,
    [impactId, opts.change ?? null, opts.limit ?? 1_000_000],
  );
}
