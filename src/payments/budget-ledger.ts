/**
 * The budget limit of p.21 inside a transaction: commitments at decisions and runs, actuals at crediting,
 * releases and reversals. Every change is a single-row conditional UPDATE, so concurrent transactions
 * serialise on the allocation row and the allocation is never exceeded: PostgreSQL re-checks the WHERE
 * clause against the row as the earlier transaction left it (READ COMMITTED re-evaluation), and the
 * table's CHECK (committed ≤ allocated) backs it up.
 *
 * Policy at the limit: a commitment that does not fit whole is refused whole (BUDGET_EXCEEDED) — no partial
 * commitments, no queueing; the caller's transaction rolls back and changes nothing. A financial year
 * without an allocation has no room at all.
 */
import type { Sql } from '../db/connect';
import { AppError } from '../errors';
import type { Temporal } from 'temporal-polyfill';

export interface BudgetMove {
  readonly year: number;
  readonly programme: string;
  /** Whole tiyn, ≥ 0 (a JS number below 2^53; SQL sums are bigint). */
  readonly amountTiyn: number | bigint;
  /** What moved it: 'decision:<id>', 'run:<id>', 'statement:<id>'. */
  readonly ref: string;
  readonly at: Temporal.Instant;
}

async function entry(sql: Sql, kind: string, m: BudgetMove): Promise<void> {
  await sql.query('insert into budget_entry (year, programme, kind, amount_tiyn, ref, at) values ($1, $2, $3, $4, $5, $6)', [m.year, m.programme, kind, String(m.amountTiyn), m.ref, m.at.toString()]);
}

/**
 * p.21's commitment as one conditional UPDATE (SQL expressions given for the values): the allocation row
 * moves only when the amount fits, so it returns no row otherwise. Shared by commitBudget and
 * commitBudgetItems (the decision's one statement).
 */
function commitUpdate(v: { readonly year: string; readonly programme: string; readonly amount: string; readonly at: string }): string {
  return `update budget_allocation set committed_tiyn = committed_tiyn + ${v.amount}, version = version + 1, updated_at = ${v.at}
      where year = ${v.year} and programme = ${v.programme} and committed_tiyn + ${v.amount} <= allocated_tiyn`;
}

/** p.21: commits `amountTiyn` against the year's allocation, or throws BUDGET_EXCEEDED changing nothing. */
export async function commitBudget(sql: Sql, m: BudgetMove): Promise<{ committedTiyn: bigint; allocatedTiyn: bigint }> {
  if (BigInt(m.amountTiyn) === 0n) return { committedTiyn: 0n, allocatedTiyn: 0n };
  const rows = await sql.query<{ committed_tiyn: string; allocated_tiyn: string }>(
    `${commitUpdate({ year: '$1', programme: '$2', amount: '$3::bigint', at: '$4' })}
      returning committed_tiyn, allocated_tiyn`,
    [m.year, m.programme, String(m.amountTiyn), m.at.toString()],
  );
  const row = rows[0];
  if (!row) return budgetExceeded(sql, m);
  await entry(sql, 'commit', m);
  return { committedTiyn: BigInt(row.committed_tiyn), allocatedTiyn: BigInt(row.allocated_tiyn) };
}

/**
 * p.21 as WITH-list items for a command's ONE statement (the decision's, src/cases/decide.ts): for each
 * commitment (financial years ascending) the same conditional UPDATE as commitBudget (`budget_committed_<i>`:
 * one row when the amount fits, none otherwise), then their ledger entries in that order (`budget_logged`,
 * the last item). Each UPDATE runs only once the WITH items `after` have run — the first of them (the
 * case's UPDATE) returning one row: the case row is locked before the allocation, and the statement's other
 * writes are done before it — and the previous year's commitment was made, so allocation rows are locked
 * in ascending order. Held from this statement to its end (its commit when sent
 * alone): the allocation row is the one row every grant of the year updates. The statement must fail when
 * a `counted` item is empty (komek_expect_committed, migration 0046: SQLSTATE KM402 with the 1-based
 * position of the first), and the caller then throws `budgetExceeded` for that commitment. Parameters are
 * numbered from `offset + 1`.
 */
export function commitBudgetItems(moves: readonly BudgetMove[], after: readonly string[], offset: number): { readonly text: string; readonly params: readonly unknown[]; readonly counted: readonly string[]; readonly last: string } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${offset + params.length}`;
  };
  const counted = moves.map((_, i) => `budget_committed_${i}`);
  const items = moves.map((m, i) => {
    const amount = `${p(String(m.amountTiyn))}::bigint`;
    const at = `${p(m.at.toString())}::timestamptz`;
    const ready = i === 0 ? after.map((a, j) => `(select count(*) from ${a}) ${j === 0 ? '= 1' : '>= 0'}`).join(' and ') : `(select count(*) from ${counted[i - 1]}) = 1`;
    return `${counted[i]} as (${commitUpdate({ year: `${p(m.year)}::int`, programme: `${p(m.programme)}::text`, amount, at })} and ${ready}
        returning year, programme, ${amount} as amount_tiyn, ${p(m.ref)}::text as ref, ${at} as at, ${i}::int as n)`;
  });
  items.push(`budget_logged as (insert into budget_entry (year, programme, kind, amount_tiyn, ref, at)
        select year, programme, 'commit', amount_tiyn, ref, at from (${counted.map((c) => `select * from ${c}`).join(' union all ')}) c order by n returning id)`);
  return { text: items.join(',\n      '), params, counted, last: 'budget_logged' };
}

/** BUDGET_EXCEEDED for a commitment that did not fit, with the free balance (or the missing allocation) named. */
export async function budgetExceeded(sql: Sql, m: BudgetMove): Promise<never> {
  const [a] = await sql.query<{ allocated_tiyn: string; committed_tiyn: string }>('select allocated_tiyn, committed_tiyn from budget_allocation where year = $1 and programme = $2', [m.year, m.programme]);
  const available = a ? BigInt(a.allocated_tiyn) - BigInt(a.committed_tiyn) : 0n;
  throw new AppError(
    'BUDGET_EXCEEDED',
    [{ path: 'amountTiyn', message: a ? `${m.year} жылғы ${m.programme} бағдарламасы бойынша бос қалдық: ${available} тиын | Свободный остаток по программе ${m.programme} на ${m.year} год: ${available} тиын | Free balance of programme ${m.programme} for ${m.year}: ${available} tiyn` : `${m.year} жылға ${m.programme} бағдарламасы бойынша қаржыландыру жоспары жоқ | Нет плана финансирования по программе ${m.programme} на ${m.year} год | No allocation for programme ${m.programme} in ${m.year}` }],
    { year: m.year, programme: m.programme, requestedTiyn: String(m.amountTiyn), availableTiyn: String(available) },
  );
}

/** Gives a commitment back (a cancelled payment, a run that failed after committing). */
export async function releaseBudget(sql: Sql, m: BudgetMove): Promise<void> {
  if (BigInt(m.amountTiyn) === 0n) return;
  await sql.query('update budget_allocation set committed_tiyn = greatest(committed_tiyn - $3::bigint, 0), version = version + 1, updated_at = $4 where year = $1 and programme = $2', [m.year, m.programme, String(m.amountTiyn), m.at.toString()]);
  await entry(sql, 'release', m);
}

/** Actual expenditure at crediting (positive) or a returned sum coming back (negative amount via reversal). */
export async function recordActual(sql: Sql, m: BudgetMove, kind: 'actual' | 'actual-reversal' = 'actual'): Promise<void> {
  if (BigInt(m.amountTiyn) === 0n) return;
  const sign = kind === 'actual' ? '+' : '-';
  await sql.query(`update budget_allocation set paid_tiyn = greatest(paid_tiyn ${sign} $3::bigint, 0), version = version + 1, updated_at = $4 where year = $1 and programme = $2`, [m.year, m.programme, String(m.amountTiyn), m.at.toString()]);
  await entry(sql, kind, m);
}

/** p.32: bank service fees charged to the local budget. */
export async function recordFee(sql: Sql, m: BudgetMove): Promise<void> {
  if (BigInt(m.amountTiyn) === 0n) return;
  await sql.query('update budget_allocation set fees_tiyn = fees_tiyn + $3::bigint, updated_at = $4 where year = $1 and programme = $2', [m.year, m.programme, String(m.amountTiyn), m.at.toString()]);
  await entry(sql, 'fee', m);
}
