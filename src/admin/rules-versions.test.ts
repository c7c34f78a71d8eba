import { describe, expect, it, beforeAll } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../test/db';
import { fixedClock, type Actor, type Ctx } from '../context';
import { AppError } from '../errors';
import { selectRulesVersion } from '../rules/district/config';
import { thresholdMultipleAt } from '../rules/amounts';
import { evaluateApplication } from '../rules/evaluate';
import { isWorkingDay } from '../rules/calendar';
import sample from '../rules/districts/sample-fictional.json';
import { seedPopulation } from '../demo/seed';
import { seedRuralDistricts, KOKSU_RURAL_DISTRICTS } from './seed-demo';
import { getCalendar, getRulesConfig, getRulesVersion, getRulesVersionRow, listRulesVersions } from './rules-store';
import { createRulesDraft } from './create-rules-draft';
import { editRulesDraft } from './edit-rules-draft';
import { approveRulesVersion } from './approve-rules-version';
import { scheduleRulesVersion } from './schedule-rules-version';
import { withdrawRulesVersion } from './withdraw-rules-version';
import { importDistrictConfig } from './import-district-config';
import { addCalendarOverride } from './add-calendar-override';
import { previewRulesImpact, listImpactChanges } from './preview-rules-impact';

const d = (s: string) => Temporal.PlainDate.from(s);
const LEGAL = { act: 'Koksu district maslikhat decision', number: '40-160', date: '2025-03-01', clause: 'p.1.2' };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'no error';
}

describeDb('rules versions in the database', (getDb) => {
  let ctx: Ctx;
  const clock = fixedClock('2025-03-04T05:00:00Z');
  beforeAll(async () => {
    const database = getDb();
    await seedRuralDistricts(database, KOKSU_RURAL_DISTRICTS);
    const [u] = await database.query<{ id: string }>(
      `insert into app_user (username, full_name, role, password_hash, created_at) values ('rules.admin', 'Rules Admin', 'ADMIN', 'x', now()) returning id`,
    );
    const actor: Actor = { id: u!.id, username: 'rules.admin', fullName: 'Rules Admin', role: 'ADMIN', ruralDistrictId: null };
    ctx = { database, actor, clock };
  });

  it('seeds the shipped Koksu versions on a fresh database, each in force from its effective date', async () => {
    const db = getDb();
    expect(selectRulesVersion(await getRulesConfig(db, d('2024-06-01')), d('2024-06-01')).id).toBe('15-63');
    expect(selectRulesVersion(await getRulesConfig(db, d('2025-06-01')), d('2025-06-01')).id).toBe('35-140');
    expect(await codeOf(getRulesConfig(db, d('2023-06-01')))).toBe('NO_RULES_IN_FORCE');
    const list = await listRulesVersions(db, d('2025-03-04'));
    expect(list.map((v) => [v.code, v.lifecycle])).toEqual([
      ['35-140', 'in-force'],
      ['15-63', 'archived'],
    ]);
    expect(list[0]!.exampleCount).toBeGreaterThan(0);
  });

  it('a scheduled draft raising the threshold governs dates from its effective date only', async () => {
    const db = getDb();
    const draft = await createRulesDraft(ctx, { code: '40-160', effectiveFrom: '2026-01-01', legal: LEGAL });
    expect(draft.lifecycle).toBe('draft');
    const config = (await getRulesVersionRow(db, draft.id, d('2025-03-04'))).config;
    await editRulesDraft(ctx, draft.id, { edit: { kind: 'set-parameter', seriesId: config.parameters.thresholdMultiple, from: '2026-01-01', value: 1500 }, legal: LEGAL });
    await approveRulesVersion(ctx, draft.id);
    expect(await codeOf(editRulesDraft(ctx, draft.id, { edit: { kind: 'remove-holiday', index: 0 }, legal: LEGAL }))).toBe('RULES_VERSION_STATE');
    await scheduleRulesVersion(ctx, draft.id);

    const before = await getRulesVersion(db, d('2025-12-31'));
    const after = await getRulesVersion(db, d('2026-01-02'));
    expect(before.version.id).toBe('35-140');
    expect(after.version.id).toBe('40-160');
    expect(thresholdMultipleAt(before.version.config, d('2025-12-31')).thousandths).toBe(1000);
    expect(thresholdMultipleAt(after.version.config, d('2026-01-02')).thousandths).toBe(1500);
    // 7.11 as amended by 35-140 carries over into the new version.
    expect(after.version.categories.some((c) => c.code === '7.11' && !c.example)).toBe(true);

    const audit = await db.query<{ action: string }>(`select action from audit_entry where target_type = 'rules_version' order by at`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['rules.draft.create', 'rules.draft.set-parameter', 'rules.approve', 'rules.schedule']));
    const lifecycle = (await listRulesVersions(db, d('2025-03-04'))).find((v) => v.id === draft.id)!.lifecycle;
    expect(lifecycle).toBe('scheduled');
    expect((await listRulesVersions(db, d('2026-02-01'))).find((v) => v.id === draft.id)!.lifecycle).toBe('in-force');
  });

  it('an invalid edit is refused with the path and problem, and nothing changes', async () => {
    const draft = await createRulesDraft(ctx, { code: '41-1', effectiveFrom: '2026-06-01', legal: LEGAL });
    const err = await editRulesDraft(ctx, draft.id, {
      edit: { kind: 'set-category', category: { code: '7.9', name_kk: 'а', name_ru: 'б', name_en: 'c', ground: '6.4', periodicity: 'one-time', amountRule: { kind: 'percent-of', parameter: 'no-such-sum', percent: 50 }, incomeTest: { required: true }, requiredDocuments: [], example: false } },
      legal: LEGAL,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('INVALID_DISTRICT_CONFIG');
    expect((err as AppError).fields[0]!.message).toMatch(/categories\[\d+\]\.amountRule\.parameter: unknown parameter series "no-such-sum"/);
    expect((await getRulesVersionRow(getDb(), draft.id, d('2025-03-04'))).version).toBe(1);
    await withdrawRulesVersion(ctx, draft.id);
    expect(await codeOf(withdrawRulesVersion(ctx, (await getRulesVersion(getDb(), d('2025-03-04'))).rowId))).toBe('RULES_VERSION_STATE');
  });

  it('imports the fictional sample district as a draft, and refuses a malformed file storing nothing', async () => {
    const imported = await importDistrictConfig(ctx, { json: sample, fileName: 'sample-fictional.json' });
    expect(imported.lifecycle).toBe('draft');
    const broken = structuredClone(sample) as { categories: { amountRule: { n?: number } }[] };
    broken.categories[0]!.amountRule.n = -1;
    const count = async () => (await getDb().query('select id from rules_version')).length;
    const n = await count();
    const err = (await importDistrictConfig(ctx, { json: broken, fileName: 'broken.json' }).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('INVALID_DISTRICT_CONFIG');
    expect(err.fields[0]!.message).toMatch(/^broken\.json: categories\[0\]\.amountRule/);
    expect(await count()).toBe(n);
  });

  it('a calendar override (announced Kurban Ait date) reaches the calendar of every reader', async () => {
    const db = getDb();
    expect(isWorkingDay(await getCalendar(db), d('2026-05-26'))).toBe(true);
    await addCalendarOverride(ctx, { date: '2026-05-26', kind: 'kurban-ait', name_kk: 'Құрбан айт', name_ru: 'Курбан айт', legal: { act: 'Government decree', number: '1', date: '2026-01-10', clause: 'p.1' } });
    expect(isWorkingDay(await getCalendar(db), d('2026-05-26'))).toBe(false);
  });

  it('previews the impact of raising the threshold over the registry, equal to judging each household one by one', async () => {
    const db = getDb();
    await seedPopulation(db, { persons: 1500, seed: 11, asOf: d('2026-01-15') });
    // Judged on 1 Jan 2026, whose income quarter (2025-Q4) the seeded registry covers; the version that
    // would otherwise be in force then is 40-160 (threshold 1.5), scheduled in the test above.
    const base = (await listRulesVersions(db, d('2025-03-04'))).find((v) => v.code === '35-140')!.id;
    const draft = await createRulesDraft(ctx, { code: '42-1', effectiveFrom: '2026-01-01', legal: LEGAL, basedOn: base });
    const series = (await getRulesVersionRow(db, draft.id, d('2025-03-04'))).config.parameters.thresholdMultiple;
    await editRulesDraft(ctx, draft.id, { edit: { kind: 'set-parameter', seriesId: series, from: '2026-01-01', value: 3000 }, legal: LEGAL });

    clock.set('2026-01-20T05:00:00Z');
    const impact = await previewRulesImpact(ctx, draft.id, { chunk: 97 });
    expect(impact.incomeQuarter).toBe('2025-Q4');
    expect(impact.households).toBeGreaterThan(300);
    expect(impact.lost).toBe(0);
    expect(impact.gained).toBeGreaterThan(0);
    expect(impact.draft.eligibleHouseholds).toBe(impact.current.eligibleHouseholds + impact.gained);
    expect((await listImpactChanges(db, impact.id)).length).toBe(impact.gained * impact.categories.length);

    // The traced single-case path, household by household, agrees with the batch preview.
    const current = selectRulesVersion(await getRulesConfig(db, d('2026-01-01')), d('2026-01-01'));
    expect(current.id).toBe('40-160');
    const rows = await db.query<{ h: string; p: string; month: string; type: string; amount: number }>(
      `select p.household_id::text as h, p.id::text as p, to_char(i.month, 'YYYY-MM') as month, i.type, i.amount_tiyn::float8 as amount
       from reg_person p left join reg_income i on i.person_id = p.id where p.death_date is null or p.death_date > '2026-01-01' order by p.id`,
    );
    const families = new Map<string, Map<string, { incomes: { type: string; amountTiyn: number; month: string }[] }>>();
    for (const r of rows) {
      const fam = families.get(r.h) ?? new Map();
      families.set(r.h, fam);
      const m = fam.get(r.p) ?? { incomes: [] };
      fam.set(r.p, m);
      if (r.type) m.incomes.push({ type: r.type, amountTiyn: r.amount, month: r.month });
    }
    let granted = 0;
    for (const fam of families.values()) {
      const out = evaluateApplication(
        { applicationDate: '2026-01-01', category: '7.9', family: { members: [...fam.values()] }, track: 'standard', findings: { unreliableData: false, surveyRefusedOrEvaded: false, assistanceAlreadyAssignedSameGround: false, applicationAlreadyFiledSameGround: false, timesReceivedThisYear: 0 } },
        { asOf: d('2026-01-01'), config: current.config },
      );
      if (out.outcome === 'grant') granted++;
    }
    const cells79 = impact.cells.filter((c) => c.category === '7.9').reduce((s, c) => s + c.current.households, 0);
    expect(cells79).toBe(granted);
  }, 120_000);
});

describe('legal reference', () => {
  it('is required for every edit', async () => {
    const { EditRulesDraftSchema } = await import('./edit-rules-draft');
    expect(EditRulesDraftSchema.safeParse({ edit: { kind: 'remove-holiday', index: 0 }, legal: { act: 'x', number: '', date: '2025-01-01', clause: 'p.1' } }).success).toBe(false);
  });
});
