import { expect, it, beforeAll } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../test/db';
import { fixedClock, type Ctx } from '../context';
import { makeValidIban } from '../rules/identifiers';
import type { Form7Row, MinistrySystem } from '../adapters/ministry/port';
import { setAllocation } from './set-allocation';
import { listBudget } from './list-budget';
import { driveHolidayRun, startHolidayRun } from './run-holiday';
import { selectHoliday } from './holiday-list';
import { loadDistrictConfig } from './calendar';

/** An in-memory form 7 source paging by id, as the ministry port promises. */
function memoryMinistry(rows: Form7Row[]): MinistrySystem & { pages: number } {
  const m = {
    pages: 0,
    async activeRecipients(q: { asOf: Temporal.PlainDate; categories?: readonly string[]; afterId?: number; limit: number }) {
      m.pages++;
      const matching = rows.filter((r) => r.id > (q.afterId ?? 0) && (!q.categories || q.categories.includes(r.category)) && Temporal.PlainDate.compare(r.period.from, q.asOf) <= 0);
      const page = matching.slice(0, q.limit);
      return { rows: page, nextAfterId: matching.length > q.limit ? page[page.length - 1]!.id : null };
    },
  };
  return m;
}

const d = (s: string) => Temporal.PlainDate.from(s);
function row(id: number, iin: string, category: string, over: Partial<Form7Row> = {}): Form7Row {
  return {
    id, iin, fullName: `Person ${iin}`, birthDate: d('1950-01-01'), deathDate: null, ruralDistrictId: 'balpyk', kind: 'pension', type: 'age', category,
    amountTiyn: 100_000_00, period: { from: d('2010-01-01'), to: null }, iban: makeValidIban('HSB', String(id).padStart(13, '0')), ...over,
  };
}

describeDb('holiday runs without applications (p.5, p.10, p.25)', (getDb) => {
  let ctx: Ctx;
  const rows: Form7Row[] = [];
  beforeAll(async () => {
    ctx = { database: getDb(), actor: null, clock: fixedClock('2025-04-25T05:00:00Z') };
    for (let i = 1; i <= 40; i++) rows.push(row(i, String(500000000000 + i), i % 2 ? 'wwii-participant' : 'home-front-worker'));
    rows.push(row(41, '500000000001', 'wwii-widow')); // the same person again, in a second category
    rows.push(row(42, '500000000042', 'wwii-participant', { deathDate: d('2025-03-01') }));
    rows.push(row(43, '500000000043', 'wwii-participant', { period: { from: d('2010-01-01'), to: d('2025-01-31') } }));
    rows.push(row(44, '500000000044', 'wwii-participant', { iban: null }));
    rows.push(row(45, '500000000045', 'age-pensioner'));
    await setAllocation(ctx, { year: 2025, allocatedTiyn: 1_000_000_000_00 });
  });

  it('selects the date\'s categories from the district list with amounts from the rules core', async () => {
    const sel = selectHoliday(await loadDistrictConfig(getDb(), d('2025-05-09')), d('2025-05-09'));
    expect(sel.categories.map((c) => c.code)).toContain('wwii-veterans');
    const vet = sel.categories.find((c) => c.code === 'wwii-veterans')!;
    const widow = sel.categories.find((c) => c.code === 'wwii-widows')!;
    expect(vet.amountTiyn).toBe(widow.amountTiyn * 10);
  });

  it('pays each living, active recipient with an account once, de-duplicated by IIN, in small pages', async () => {
    const ministry = memoryMinistry(rows);
    const started = await startHolidayRun(ctx, { date: '2025-05-09' });
    const run = await driveHolidayRun(ctx, ministry, started.runId, { pageSize: 7, batchSize: 6 });
    expect(run.status).toBe('done');
    expect(run.excludedDead).toBe(1);
    expect(run.excludedTerminated).toBe(1);
    expect(run.excludedNoAccount).toBe(1);
    expect(run.recipients).toBe(40);
    expect(run.payments).toBe(40);
    expect(ministry.pages).toBeGreaterThan(5);
    const [agg] = await getDb().query<{ n: string; s: string; iins: string }>(`select count(*) n, sum(amount_tiyn)::text s, count(distinct recipient_iin) iins from payment where run_id = $1`, [run.runId]);
    expect(Number(agg!.n)).toBe(40);
    expect(Number(agg!.iins)).toBe(40);
    expect(Number(agg!.s)).toBe(run.totalTiyn);
    // The veteran who is also a widow gets the veteran's (higher) amount, once.
    const sel = selectHoliday(await loadDistrictConfig(getDb(), d('2025-05-09')), d('2025-05-09'));
    const [p] = await getDb().query<{ amount_tiyn: string; category_code: string }>(`select amount_tiyn, category_code from payment where recipient_iin = '500000000001'`);
    expect(p!.category_code).toBe('wwii-veterans');
    expect(Number(p!.amount_tiyn)).toBe(sel.categories.find((c) => c.code === 'wwii-veterans')!.amountTiyn);
    const [b] = await listBudget(getDb(), { year: 2025 });
    expect(b!.committedTiyn).toBe(run.totalTiyn);
  });

  it('creates nothing new and reports the same totals when run again for the same date and categories', async () => {
    const ministry = memoryMinistry(rows);
    const first = await startHolidayRun(ctx, { date: '2025-05-09' });
    const again = await driveHolidayRun(ctx, ministry, first.runId);
    expect(again).toMatchObject({ runId: first.runId, payments: 40, status: 'done' });
    expect(ministry.pages).toBe(0);
    expect((await getDb().query('select 1 from payment')).length).toBe(40);
  });

  it('never pays a recipient twice for the same holiday even through a run with other categories', async () => {
    const ministry = memoryMinistry(rows);
    const started = await startHolidayRun(ctx, { date: '2025-05-09', categories: ['wwii-widows'] });
    const run = await driveHolidayRun(ctx, ministry, started.runId);
    expect(run.recipients).toBe(1);
    expect(run.payments).toBe(0);
    expect(run.alreadyPaid).toBe(1);
    expect(run.committedTiyn).toBe(0);
  });

  it('fails whole with BUDGET_EXCEEDED when the allocation cannot hold the run, and resumes after it is raised', async () => {
    await setAllocation(ctx, { year: 2026, allocatedTiyn: 1_00 });
    const started = await startHolidayRun(ctx, { date: '2026-10-01' });
    const failed = await driveHolidayRun(ctx, memoryMinistry(rows), started.runId);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'BUDGET_EXCEEDED', payments: 0 });
    expect(await getDb().query(`select 1 from payment where run_id = $1`, [started.runId])).toHaveLength(0);
    await setAllocation(ctx, { year: 2026, allocatedTiyn: 1_000_000_00 });
    const done = await driveHolidayRun(ctx, memoryMinistry(rows), started.runId);
    expect(done).toMatchObject({ status: 'done', payments: 1 });
  });

  it('refuses a date that is not in the district list', async () => {
    await expect(startHolidayRun(ctx, { date: '2025-05-10' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
