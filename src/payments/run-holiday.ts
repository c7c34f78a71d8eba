/**
 * Holiday and memorable-date payments without applications (p.5, p.10, p.25) as a durable job
 * (design.md "Durable work"). A run is a row keyed by (date, categories): starting it again returns the
 * same run, resumed where it stopped. Steps, each a transaction that also advances the run's cursor:
 *
 *  1. fetching — active pension and allowance recipients (form 7) through the ministry port in keyset
 *     pages (afterId, never OFFSET); the dead (death on or before the holiday) and the terminated (benefit
 *     ended before it) are excluded, as are rows without a valid IBAN; recipients are de-duplicated by IIN
 *     (one staged row per person, the highest amount if several categories apply).
 *  2. budget — the total not yet paid under this holiday basis is committed against the allocation in one
 *     conditional UPDATE (p.21); if it does not fit, the run fails with BUDGET_EXCEEDED and pays nobody.
 *  3. creating — payments are written set-based, INSERT … SELECT over a range of staged ids, ON CONFLICT
 *     (basis, period, recipient) DO NOTHING; a recipient already paid for this holiday this year is never
 *     paid again, whichever run paid them. Each payment's notice is queued for the notifier (p.10: the
 *     recipient is told, having applied for nothing).
 *
 * The holiday list, the categories and their amounts are those of the rules version in force on the holiday
 * in the database (src/admin/rules-store.ts), fixed on the run when it starts (payment_run.selection) so a
 * resumed run pays by the same Rules; payment dates are counted on the calendar with the database's
 * overrides, loaded once per drive.
 *
 * A crash at any point loses at most the uncommitted step; every step re-reads the cursor under the run's
 * row lock, so two workers on the same run cannot both apply a page.
 *
 * The staging (holiday_candidate) is UNLOGGED (migration 0034): it is derived from form 7 and a crash of the
 * database server empties it. Every step checks, under the run's lock, that a run which has staged
 * recipients still has them (restageIfLost); if not, the run stages again from the first range, releasing
 * what it committed and has not paid, and its budget step then commits only the recipients not yet paid.
 *
 * The bulk steps (staging a range, creating a batch) commit with synchronous_commit off: such a commit may be
 * lost if the database server crashes within a fraction of a second after it (never half-applied — the WAL
 * is still written in order), and a lost step is simply done again when the run resumes, as after any
 * crash; nothing outside the database is told of a step before the run ends. The budget step and the end of
 * the run commit synchronously.
 */
import { Temporal } from 'temporal-polyfill';
import type { Ctx } from '../context';
import { runCommand, type CommandResult } from '../context';
import { AppError } from '../errors';
import type { Sql } from '../db/connect';
import type { MinistrySystem } from '../adapters/ministry/port';
import type { Form7Stager } from '../adapters/ministry-bulk/port';
import { checkIban } from '../rules/identifiers';
import { demandFormationDeadline } from '../rules/deadlines';
import { commitBudget, releaseBudget } from './budget-ledger';
import type { Calendar } from '../rules/calendar';
import { DEFAULT_PROGRAMME, loadDistrictConfig, loadPaymentCalendar } from './calendar';
import { almatyDay, isoDate, onCalendar } from './dates';
import { selectHoliday, selectionOf, storedSelection, type HolidaySelection, type StoredSelection } from './holiday-list';

export const RUN_STATUSES = ['fetching', 'budget', 'creating', 'done', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface HolidayRun {
  readonly runId: string;
  readonly date: string;
  readonly holidayCode: string;
  readonly categories: readonly string[];
  readonly status: RunStatus;
  readonly fetchedRows: number;
  readonly excludedDead: number;
  readonly excludedTerminated: number;
  readonly excludedNoAccount: number;
  readonly recipients: number;
  readonly payments: number;
  readonly alreadyPaid: number;
  readonly totalTiyn: number;
  readonly committedTiyn: number;
  readonly errorCode: string | null;
  /** The rules version the run pays by (in force on the holiday; null for runs from before migration 0032). */
  readonly rulesVersion: string | null;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
}

interface RunRow {
  id: string;
  run_key: string;
  holiday_date: string;
  holiday_code: string;
  categories: string[] | string;
  programme: string;
  status: RunStatus;
  fetch_after_id: string;
  create_after_iin: string;
  fetched_rows: number;
  excluded_dead: number;
  excluded_terminated: number;
  excluded_no_account: number;
  recipients: number;
  committed_tiyn: string;
  payments: number;
  already_paid: number;
  total_tiyn: string;
  error_code: string | null;
  started_at: string | Date;
  updated_at: string | Date;
  finished_at: string | Date | null;
  selection: StoredSelection | string | null;
}

const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

export function holidayRunOf(r: RunRow): HolidayRun {
  return {
    runId: r.id,
    date: r.holiday_date,
    holidayCode: r.holiday_code,
    categories: typeof r.categories === 'string' ? (JSON.parse(r.categories) as string[]) : r.categories,
    status: r.status,
    fetchedRows: r.fetched_rows,
    excludedDead: r.excluded_dead,
    excludedTerminated: r.excluded_terminated,
    excludedNoAccount: r.excluded_no_account,
    recipients: r.recipients,
    payments: r.payments,
    alreadyPaid: r.already_paid,
    totalTiyn: Number(r.total_tiyn),
    committedTiyn: Number(r.committed_tiyn),
    errorCode: r.error_code,
    rulesVersion: r.selection ? (typeof r.selection === 'string' ? (JSON.parse(r.selection) as StoredSelection) : r.selection).rulesVersion ?? null : null,
    startedAt: iso(r.started_at)!,
    updatedAt: iso(r.updated_at)!,
    finishedAt: iso(r.finished_at),
  };
}

export interface HolidayRunInput {
  readonly date: string;
  readonly categories?: readonly string[];
  readonly programme?: string;
}

export interface DriveOptions {
  /** Form 7 rows per ministry page (1..10,000). */
  readonly pageSize?: number;
  /** Staged recipients turned into payments per transaction. */
  readonly batchSize?: number;
  readonly onProgress?: (run: HolidayRun) => void;
  /**
   * The ministry's bulk path (src/adapters/ministry-bulk): stages each keyset range set-based inside the
   * step's transaction instead of paging rows through Node. Used when given; `pageSize` is then the number
   * of ministry rows per range (up to 200,000).
   */
  readonly stager?: Form7Stager;
  /** Stops after the current step (a server shutting down); the run resumes from there when driven again. */
  readonly signal?: AbortSignal;
}

const basisOf = (code: string) => `holiday:${code}`;

/** Creates the run for (date, categories), or returns the existing one. */
export async function startHolidayRun(ctx: Ctx, input: HolidayRunInput): Promise<HolidayRun> {
  const date = isoDate(input.date, 'date');
  const sel = selectHoliday(await loadDistrictConfig(ctx.database, date), date, input.categories ?? []);
  const categories = sel.categories.map((c) => c.code);
  const programme = input.programme ?? DEFAULT_PROGRAMME;
  const key = `holiday:${date.toString()}:${categories.join(',')}`;
  const [existing] = await ctx.database.query<RunRow>('select * from payment_run where run_key = $1', [key]);
  if (existing) return holidayRunOf(existing);
  return runCommand(ctx, { action: 'payments.holiday-run.start', targetType: 'payment_run' }, async ({ sql, at }) => {
    await sql.query(
      `insert into payment_run (kind, run_key, holiday_date, holiday_code, categories, programme, status, started_at, updated_at, selection)
       values ('holiday', $1, $2, $3, $4, $5, 'fetching', $6, $6, $7) on conflict (run_key) do nothing`,
      [key, date.toString(), sel.code, JSON.stringify(categories), programme, at.toString(), JSON.stringify(storedSelection(sel))],
    );
    const [row] = await sql.query<RunRow>('select * from payment_run where run_key = $1', [key]);
    const run = holidayRunOf(row!);
    return { result: run, targetId: run.runId, after: { date: run.date, categories, programme, rulesVersion: sel.rulesVersion, amounts: Object.fromEntries(sel.categories.map((c) => [c.code, c.amountTiyn])) } };
  });
}

export async function getHolidayRun(database: { query: Sql['query'] }, runId: string): Promise<HolidayRun> {
  const [row] = await database.query<RunRow>('select * from payment_run where id = $1', [runId]);
  if (!row) throw new AppError('NOT_FOUND');
  return holidayRunOf(row);
}

async function lockRun(sql: Sql, runId: string): Promise<RunRow> {
  const [row] = await sql.query<RunRow>('select * from payment_run where id = $1 for update', [runId]);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Drives a run to 'done' or 'failed' (or until `signal` aborts) from wherever it stopped; safe to call again at any time. */
export async function driveHolidayRun(ctx: Ctx, ministry: MinistrySystem, runId: string, options: DriveOptions = {}): Promise<HolidayRun> {
  const pageSize = options.pageSize ?? 10_000;
  const batchSize = options.batchSize ?? 50_000;
  let run = await getHolidayRun(ctx.database, runId);
  if (run.status === 'failed') {
    // A failed run is retried from its budget step (e.g. after the allocation was raised).
    run = await runCommand(ctx, { action: 'payments.holiday-run.retry', targetType: 'payment_run' }, async ({ sql, at }) => {
      const [row] = await sql.query<RunRow>(`update payment_run set status = 'budget', error_code = null, error_detail = null, updated_at = $2 where id = $1 and status = 'failed' returning *`, [runId, at.toString()]);
      return { result: holidayRunOf(row ?? (await lockRun(sql, runId))), targetId: runId };
    });
  }
  const sel = await runSelection(ctx, runId, run);
  const cal = await loadPaymentCalendar(ctx.database);
  options.onProgress?.(run);
  while (run.status !== 'done' && run.status !== 'failed' && !options.signal?.aborted) {
    if (run.status === 'fetching') run = options.stager ? await stageRange(ctx, options.stager, runId, sel, pageSize) : await fetchPage(ctx, ministry, runId, sel, pageSize);
    else if (run.status === 'budget') run = await commitRunBudget(ctx, runId, sel);
    else if (run.status === 'creating') {
      try {
        run = await createBatch(ctx, cal, runId, sel, batchSize, 'plain');
      } catch (e) {
        // Someone (an earlier or concurrent run of the same holiday) already paid a recipient of this batch:
        // the unique key refused the plain insert and nothing was written; redo the batch skipping them.
        if (!isUniqueViolation(e)) throw e;
        run = await createBatch(ctx, cal, runId, sel, batchSize, 'on-conflict');
      }
    }
    options.onProgress?.(run);
    // Let the process serve others between steps: on the embedded database every step runs on this thread.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return run;
}

/** What the run pays: as fixed when it started, or (a run from before migration 0032) by the rules version in force on its holiday. */
async function runSelection(ctx: Ctx, runId: string, run: HolidayRun): Promise<HolidaySelection> {
  const [row] = await ctx.database.query<{ selection: StoredSelection | string | null }>('select selection from payment_run where id = $1', [runId]);
  if (row?.selection) return selectionOf(row.selection);
  const date = Temporal.PlainDate.from(run.date);
  return selectHoliday(await loadDistrictConfig(ctx.database, date), date, run.categories);
}

async function fetchPage(ctx: Ctx, ministry: MinistrySystem, runId: string, sel: HolidaySelection, pageSize: number): Promise<HolidayRun> {
  const [cursorRow] = await ctx.database.query<{ fetch_after_id: string }>('select fetch_after_id from payment_run where id = $1', [runId]);
  const afterId = Number(cursorRow!.fetch_after_id);
  const byForm7 = new Map<string, { code: string; amountTiyn: number }>();
  for (const c of sel.categories) for (const f of c.form7) {
    const prev = byForm7.get(f);
    if (!prev || prev.amountTiyn < c.amountTiyn) byForm7.set(f, { code: c.code, amountTiyn: c.amountTiyn });
  }
  const form7 = [...byForm7.keys()];
  const page = form7.length === 0 ? { rows: [], nextAfterId: null } : await ministry.activeRecipients({ asOf: sel.date, categories: form7, afterId: afterId || undefined, limit: pageSize });
  let dead = 0;
  let terminated = 0;
  let noAccount = 0;
  const staged = new Map<string, { name: string; rd: string; category: string; iban: string; amount: number }>();
  for (const r of page.rows) {
    if (r.deathDate && Temporal.PlainDate.compare(r.deathDate, sel.date) <= 0) {
      dead++;
      continue;
    }
    if (r.period.to && Temporal.PlainDate.compare(r.period.to, sel.date) < 0) {
      terminated++;
      continue;
    }
    const pick = byForm7.get(r.category);
    if (!pick) continue;
    const iban = r.iban ? checkIban(r.iban) : null;
    if (!iban || !iban.valid) {
      noAccount++;
      continue;
    }
    const prev = staged.get(r.iin);
    if (!prev || prev.amount < pick.amountTiyn) staged.set(r.iin, { name: r.fullName, rd: r.ruralDistrictId, category: pick.code, iban: iban.iban, amount: pick.amountTiyn });
  }
  const lastId = page.rows.length ? page.rows[page.rows.length - 1]!.id : afterId;
  const next = page.nextAfterId ?? lastId;
  const finished = page.nextAfterId === null;
  return runCommand(ctx, { action: 'payments.holiday-run.fetch', targetType: 'payment_run' }, async ({ sql, at }) => {
    const row = await lockRun(sql, runId);
    // Another worker applied this page meanwhile: discard ours.
    if (row.status !== 'fetching' || Number(row.fetch_after_id) !== afterId) return { result: holidayRunOf(row), targetId: runId };
    const lost = await restageIfLost(sql, row, sel, at);
    if (lost) return lost;
    const rows = [...staged.entries()];
    let fresh = 0;
    if (rows.length) {
      const [n] = await sql.query<{ n: string }>(
        `with ins as (insert into holiday_candidate (run_id, iin, full_name, rural_district_id, category, iban, amount_tiyn)
         select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[])
         on conflict (run_id, iin) do update set amount_tiyn = excluded.amount_tiyn, category = excluded.category, iban = excluded.iban
           where excluded.amount_tiyn > holiday_candidate.amount_tiyn
         returning (xmax = 0) as fresh) select count(*) filter (where fresh) as n from ins`,
        [runId, rows.map(([k]) => k), rows.map(([, v]) => v.name), rows.map(([, v]) => v.rd), rows.map(([, v]) => v.category), rows.map(([, v]) => v.iban), rows.map(([, v]) => v.amount)],
      );
      fresh = Number(n!.n);
    }
    const updated = await advanceFetch(sql, runId, { next, rows: page.rows.length, dead, terminated, noAccount, staged: fresh, finished, at: at.toString() });
    return { result: updated, targetId: runId, after: { page: page.rows.length, staged: rows.length, dead, terminated, noAccount, finished } };
  });
}

/** Moves the fetch cursor with the page's counts; after the last page, counts the staged recipients and moves to the budget step. */
async function advanceFetch(sql: Sql, runId: string, p: { next: number; rows: number; dead: number; terminated: number; noAccount: number; staged: number; finished: boolean; at: string }): Promise<HolidayRun> {
  // Recipients are counted as they are first staged (in the same transaction), so no count over the list.
  const [updated] = await sql.query<RunRow>(
    `update payment_run set fetch_after_id = $2, fetched_rows = fetched_rows + $3, excluded_dead = excluded_dead + $4, excluded_terminated = excluded_terminated + $5,
            excluded_no_account = excluded_no_account + $6, recipients = recipients + $8, updated_at = $7${p.finished ? ", status = 'budget'" : ''} where id = $1 returning *`,
    [runId, p.next, p.rows, p.dead, p.terminated, p.noAccount, p.at, p.staged],
  );
  return holidayRunOf(updated!);
}

/** The bulk fetch step: one keyset range of form 7 staged set-based in the same transaction as the cursor. */
async function stageRange(ctx: Ctx, stager: Form7Stager, runId: string, sel: HolidaySelection, rangeSize: number): Promise<HolidayRun> {
  const categories = sel.categories.flatMap((c) => c.form7.map((form7) => ({ form7, holidayCategory: c.code, amountTiyn: c.amountTiyn })));
  return runCommand(ctx, { action: 'payments.holiday-run.fetch', targetType: 'payment_run' }, async ({ sql, at }) => {
    const row = await lockRun(sql, runId);
    if (row.status !== 'fetching') return { result: holidayRunOf(row), targetId: runId };
    const lost = await restageIfLost(sql, row, sel, at);
    if (lost) return lost;
    await sql.query('set local synchronous_commit = off');
    const afterId = Number(row.fetch_after_id);
    const r = categories.length === 0 ? { rows: 0, dead: 0, terminated: 0, noAccount: 0, staged: 0, nextAfterId: null } : await stager.stageActiveRecipients(sql, { runId, asOf: sel.date, categories, afterId, limit: rangeSize });
    const finished = r.nextAfterId === null;
    // The staging is complete: its statistics let the planner walk it by the (run, IIN) key in the budget
    // and creating steps (without them it sorted the whole run's staging for every batch).
    if (finished) await sql.query('analyze holiday_candidate');
    const updated = await advanceFetch(sql, runId, { next: r.nextAfterId ?? afterId, rows: r.rows, dead: r.dead, terminated: r.terminated, noAccount: r.noAccount, staged: r.staged, finished, at: at.toString() });
    return { result: updated, targetId: runId, after: { range: [afterId, r.nextAfterId], ...r } };
  });
}

async function commitRunBudget(ctx: Ctx, runId: string, sel: HolidaySelection): Promise<HolidayRun> {
  try {
    return await runCommand(ctx, { action: 'payments.holiday-run.budget', targetType: 'payment_run' }, async ({ sql, at }) => {
      const row = await lockRun(sql, runId);
      if (row.status !== 'budget') return { result: holidayRunOf(row), targetId: runId };
      const lost = await restageIfLost(sql, row, sel, at);
      if (lost) return lost;
      // Recipients already paid for this holiday this year (by an earlier run) are not committed again;
      // on the first run of a holiday there are none and the anti-join is skipped.
      const [any] = await sql.query<{ n: number }>('select count(*)::int as n from (select 1 from payment where basis = $1 and period = $2 limit 1) x', [basisOf(sel.code), String(sel.date.year)]);
      const [s] = await sql.query<{ total: string | null }>(
        any!.n === 0
          ? `select sum(c.amount_tiyn)::text as total from holiday_candidate c where c.run_id = $1`
          : `select sum(c.amount_tiyn)::text as total from holiday_candidate c
              where c.run_id = $1 and not exists (select 1 from payment p where p.basis = $2 and p.period = $3 and p.recipient_iin = c.iin)`,
        any!.n === 0 ? [runId] : [runId, basisOf(sel.code), String(sel.date.year)],
      );
      const total = BigInt(s?.total ?? '0');
      await commitBudget(sql, { year: sel.date.year, programme: row.programme, amountTiyn: total, ref: `run:${runId}`, at });
      const [u] = await sql.query<RunRow>(`update payment_run set status = 'creating', committed_tiyn = committed_tiyn + $2, updated_at = $3 where id = $1 returning *`, [runId, total.toString(), at.toString()]);
      return { result: holidayRunOf(u!), targetId: runId, after: { committedTiyn: total.toString() } };
    });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'BUDGET_EXCEEDED') throw e;
    return runCommand(ctx, { action: 'payments.holiday-run.fail', targetType: 'payment_run' }, async ({ sql, at }) => {
      const [u] = await sql.query<RunRow>(`update payment_run set status = 'failed', error_code = $2, error_detail = $3, updated_at = $4 where id = $1 returning *`, [runId, e.code, JSON.stringify(e.details), at.toString()]);
      return { result: holidayRunOf(u!), targetId: runId, after: { errorCode: e.code, details: e.details } };
    });
  }
}

/**
 * A run that has staged recipients but finds none (the unlogged staging emptied by a crash of the database
 * server, migration 0034) stages again from the first form 7 range: its fetch counts start over, and what it
 * committed and has not yet paid is released (p.21), so the budget step commits again exactly the staged
 * recipients nobody has paid. Payments already made stay; the creating step continues after the last IIN it
 * paid. Returns the step's result when the staging was lost, null when it is there.
 */
async function restageIfLost(sql: Sql, row: RunRow, sel: HolidaySelection, at: Temporal.Instant): Promise<CommandResult<HolidayRun> | null> {
  const staged = row.status === 'fetching' ? Number(row.fetch_after_id) > 0 && row.recipients > 0 : row.recipients > 0;
  if (!staged) return null;
  const [present] = await sql.query('select 1 from holiday_candidate where run_id = $1 limit 1', [row.id]);
  if (present) return null;
  const unpaid = row.status === 'creating' ? BigInt(row.committed_tiyn) - BigInt(row.total_tiyn) : 0n;
  if (unpaid > 0n) await releaseBudget(sql, { year: sel.date.year, programme: row.programme, amountTiyn: unpaid, ref: `run:${row.id}`, at });
  const [u] = await sql.query<RunRow>(
    `update payment_run set status = 'fetching', fetch_after_id = 0, fetched_rows = 0, excluded_dead = 0, excluded_terminated = 0, excluded_no_account = 0, recipients = 0,
            committed_tiyn = committed_tiyn - $2::bigint, updated_at = $3 where id = $1 returning *`,
    [row.id, unpaid.toString(), at.toString()],
  );
  return { result: holidayRunOf(u!), targetId: row.id, after: { stagingLost: true, was: row.status, releasedTiyn: unpaid.toString() } };
}

function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e, i = 0; x && i < 5; x = (x as { cause?: unknown }).cause, i++) if ((x as { code?: unknown }).code === '23505') return true;
  return false;
}

/**
 * One range of payments, written set-based. 'plain' inserts without ON CONFLICT (PostgreSQL's speculative
 * insertion costs about as much again at a million rows); a recipient already paid under the basis makes
 * the unique key (basis, period, recipient) refuse the whole batch, which is then redone 'on-conflict'
 * (DO NOTHING). Either way the unique key is what guarantees nobody is paid twice.
 */
async function createBatch(ctx: Ctx, cal: Calendar, runId: string, sel: HolidaySelection, batchSize: number, mode: 'plain' | 'on-conflict'): Promise<HolidayRun> {
  return runCommand(ctx, { action: 'payments.holiday-run.create', targetType: 'payment_run' }, async ({ sql, at }) => {
    const row = await lockRun(sql, runId);
    if (row.status !== 'creating') return { result: holidayRunOf(row), targetId: runId };
    const lost = await restageIfLost(sql, row, sel, at);
    if (lost) return lost;
    await sql.query('set local synchronous_commit = off');
    const after = row.create_after_iin;
    // The run's list reaches the State Corporation the day it is made: the one-time demand is daily (p.27).
    const demand = onCalendar('date', () => demandFormationDeadline(cal, { periodicity: 'one-time', decisionReceivedOn: almatyDay(at) }));
    // One keyset range of staged recipients (by IIN, the staging key), written set-based. Plain: every staged
    // row of the range is inserted, so the inserted rows tell the range (no materialised copy of it);
    // on-conflict: the range is materialised to know where it ends whatever was skipped.
    const columns = `insert into payment (basis, period, recipient_iin, run_id, recipient_name, rural_district_id, category_code, periodicity, iban, amount_tiyn,
                                          financial_year, programme, pay_on, demand_due_on, created_at)`;
    const values = `$4, $5, c.iin, $1, c.full_name, c.rural_district_id, c.category, 'one-time', c.iban, c.amount_tiyn, $6, $7, $8, $9, $10`;
    const [r] = await sql.query<{ n: string; s: string | null; seen: string; last: string | null }>(
      mode === 'plain'
        ? `with ins as (${columns} select ${values} from holiday_candidate c where c.run_id = $1 and c.iin > $2 order by c.iin limit $3 returning recipient_iin, amount_tiyn)
           select count(*) as n, sum(amount_tiyn)::text as s, count(*) as seen, max(recipient_iin) as last from ins`
        : `with c as materialized (select * from holiday_candidate where run_id = $1 and iin > $2 order by iin limit $3),
                ins as (${columns} select ${values} from c on conflict (basis, period, recipient_iin) do nothing returning amount_tiyn)
           select (select count(*) from ins) as n, (select sum(amount_tiyn)::text from ins) as s, (select count(*) from c) as seen, (select max(iin) from c) as last`,
      [runId, after, batchSize, basisOf(sel.code), String(sel.date.year), sel.date.year, row.programme, sel.date.toString(), demand.date.toString(), at.toString()],
    );
    const created = Number(r!.n);
    const sum = BigInt(r!.s ?? '0');
    const seen = Number(r!.seen);
    const done = seen < batchSize;
    let release = 0n;
    if (done) {
      const committed = BigInt(row.committed_tiyn);
      const paid = BigInt(row.total_tiyn) + sum;
      // Recipients paid meanwhile under the same basis by another run: give their commitment back.
      release = committed > paid ? committed - paid : 0n;
      await releaseBudget(sql, { year: sel.date.year, programme: row.programme, amountTiyn: release, ref: `run:${runId}`, at });
    }
    const [u] = await sql.query<RunRow>(
      `update payment_run set create_after_iin = $2, payments = payments + $3, total_tiyn = total_tiyn + $4::bigint, already_paid = already_paid + $5,
              committed_tiyn = committed_tiyn - $6::bigint, updated_at = $7${done ? ", status = 'done', finished_at = $7" : ''} where id = $1 returning *`,
      [runId, r!.last ?? after, created, sum.toString(), seen - created, release.toString(), at.toString()],
    );
    return { result: holidayRunOf(u!), targetId: runId, after: { range: [after, r!.last], created, totalTiyn: sum.toString(), done } };
  });
}

/** All runs, newest first (the runs screen). */
export async function listHolidayRuns(database: { query: Sql['query'] }): Promise<HolidayRun[]> {
  const rows = await database.query<RunRow>('select * from payment_run order by started_at desc limit 200');
  return rows.map(holidayRunOf);
}
