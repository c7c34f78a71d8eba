/**
 * Payments judged by the district's Rules as the department keeps them in the database (issue 5 gap 1):
 * a calendar override moves a run's demand date (p.27) and an over-credit's return date (p.31); a rules
 * version scheduled with a changed holiday amount changes what a run of a later holiday pays, while a
 * run already started keeps the amounts it started with; with no change, the shipped values apply.
 */
import { beforeAll, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../test/db';
import { fixedClock, type Ctx } from '../context';
import { makeValidIban } from '../rules/identifiers';
import { parseDistrictConfig } from '../rules/district/config';
import koksu from '../rules/districts/koksu.json';
import type { Form7Row, MinistrySystem } from '../adapters/ministry/port';
import { addCalendarOverride } from '../admin/add-calendar-override';
import { createRulesDraft } from '../admin/create-rules-draft';
import { editRulesDraft } from '../admin/edit-rules-draft';
import { approveRulesVersion } from '../admin/approve-rules-version';
import { scheduleRulesVersion } from '../admin/schedule-rules-version';
import { setAllocation } from './set-allocation';
import { driveHolidayRun, startHolidayRun } from './run-holiday';
import { selectHoliday } from './holiday-list';
import { recordOverCredit } from './record-over-credit';

const d = (s: string) => Temporal.PlainDate.from(s);
const LEGAL = { act: 'Koksu district maslikhat decision', number: '50-1', date: '2025-04-20', clause: 'p.1' };
const DECREE = { act: 'Government decree', number: '7', date: '2025-04-01', clause: 'p.1' };

function ministryOf(rows: Form7Row[]): MinistrySystem {
  return {
    async activeRecipients(q) {
      const matching = rows.filter((r) => r.id > (q.afterId ?? 0) && (!q.categories || q.categories.includes(r.category)));
      const page = matching.slice(0, q.limit);
      return { rows: page, nextAfterId: matching.length > q.limit ? page[page.length - 1]!.id : null };
    },
  };
}

function row(id: number, category: string): Form7Row {
  return {
    id, iin: String(600000000000 + id), fullName: `Person ${id}`, birthDate: d('1950-01-01'), deathDate: null, ruralDistrictId: 'balpyk', kind: 'pension', type: 'age',
    category, amountTiyn: 100_000_00, period: { from: d('2010-01-01'), to: null }, iban: makeValidIban('HSB', String(id).padStart(13, '0')),
  };
}

/** The amount the shipped Koksu file gives a category on a date. */
function shippedAmount(date: string, category: string): number {
  return selectHoliday(parseDistrictConfig(koksu, 'koksu.json'), d(date)).categories.find((c) => c.code === category)!.amountTiyn;
}

describeDb('payments by the Rules in the database (issue 5 gap 1)', (getDb) => {
  let ctx: Ctx;
  const rows = [row(1, 'wwii-participant'), row(2, 'home-front-worker'), row(3, 'age-pensioner'), row(4, 'age-pensioner')];
  const payments = (runId: string) => getDb().query<{ amount_tiyn: string; demand_due_on: string; category_code: string }>('select amount_tiyn, demand_due_on::text as demand_due_on, category_code from payment where run_id = $1 order by recipient_iin', [runId]);

  beforeAll(async () => {
    // Friday 25 April 2025, 10:00 in Almaty.
    ctx = { database: getDb(), actor: null, clock: fixedClock('2025-04-25T05:00:00Z') };
    await setAllocation(ctx, { year: 2025, allocatedTiyn: 1_000_000_000_00 });
  });

  it('uses the shipped amounts and calendar while the database holds no change', async () => {
    const started = await startHolidayRun(ctx, { date: '2025-05-09' });
    const run = await driveHolidayRun(ctx, ministryOf(rows), started.runId);
    expect(run).toMatchObject({ status: 'done', payments: 2, rulesVersion: '35-140' });
    const paid = await payments(run.runId);
    expect(paid.map((p) => Number(p.amount_tiyn))).toEqual([shippedAmount('2025-05-09', 'wwii-veterans'), shippedAmount('2025-05-09', 'home-front-workers')]);
    // p.27: a one-time demand is formed the day the list arrives, a working day.
    expect(paid.map((p) => p.demand_due_on)).toEqual(['2025-04-25', '2025-04-25']);
    const credit = await recordOverCredit(ctx, { amountTiyn: 500_00, arrivedOn: '2025-04-10' });
    expect(credit.returnDueOn).toBe('2025-04-30');
  });

  it('counts payment dates on the calendar with the department\'s overrides (a transferred day off)', async () => {
    await addCalendarOverride(ctx, { date: '2025-04-25', kind: 'day-off', name_kk: 'Демалыс күні ауыстырылды', name_ru: 'Перенос выходного дня', legal: DECREE });
    await addCalendarOverride(ctx, { date: '2025-04-30', kind: 'day-off', name_kk: 'Демалыс күні ауыстырылды', name_ru: 'Перенос выходного дня', legal: DECREE });
    const started = await startHolidayRun(ctx, { date: '2025-05-09', categories: ['wwii-widows'] });
    const widow = [row(5, 'wwii-widow')];
    const run = await driveHolidayRun(ctx, ministryOf(widow), started.runId);
    expect(run).toMatchObject({ status: 'done', payments: 1 });
    // 25 April became a day off: the demand is due on the next working day, Monday 28 April.
    expect((await payments(run.runId)).map((p) => p.demand_due_on)).toEqual(['2025-04-28']);
    // p.31: the last working day of April is now the 29th.
    expect((await recordOverCredit(ctx, { amountTiyn: 500_00, arrivedOn: '2025-04-10' })).returnDueOn).toBe('2025-04-29');
  });

  it('pays a holiday by the rules version in force on it, and a run already started keeps its amounts', async () => {
    const started = await startHolidayRun(ctx, { date: '2025-10-01' });
    const draft = await createRulesDraft(ctx, { code: '50-1', effectiveFrom: '2025-09-01', legal: LEGAL });
    const oct = koksu.holidays.findIndex((h) => h.date === '10-01');
    await editRulesDraft(ctx, draft.id, { edit: { kind: 'set-holiday', index: oct, holiday: { ...koksu.holidays[oct]!, amountRule: { kind: 'mci', n: 7 } } }, legal: LEGAL });
    await approveRulesVersion(ctx, draft.id);
    await scheduleRulesVersion(ctx, draft.id);

    // The run started under 35-140 resumes with the amounts it started with.
    expect((await startHolidayRun(ctx, { date: '2025-10-01' })).rulesVersion).toBe('35-140');
    const old = await driveHolidayRun(ctx, ministryOf(rows), started.runId);
    expect(old).toMatchObject({ status: 'done', payments: 2 });
    expect((await payments(old.runId)).map((p) => Number(p.amount_tiyn))).toEqual([shippedAmount('2025-10-01', 'single-pensioners'), shippedAmount('2025-10-01', 'single-pensioners')]);

    // The next year's holiday is paid by 50-1: 7 MCI instead of 3.
    await setAllocation(ctx, { year: 2026, allocatedTiyn: 1_000_000_000_00 });
    const next = await startHolidayRun(ctx, { date: '2026-10-01' });
    expect(next.rulesVersion).toBe('50-1');
    const paid = await driveHolidayRun(ctx, ministryOf(rows), next.runId);
    const shipped = shippedAmount('2026-10-01', 'single-pensioners');
    expect((await payments(paid.runId)).map((p) => Number(p.amount_tiyn))).toEqual([(shipped / 3) * 7, (shipped / 3) * 7]);
    expect(paid.totalTiyn).toBe((shipped / 3) * 14);

    // A holiday before the new version's date is still judged by the version in force on it.
    expect((await startHolidayRun(ctx, { date: '2025-05-31' })).rulesVersion).toBe('35-140');
  });
});
