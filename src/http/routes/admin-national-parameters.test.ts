import { beforeAll, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../../test/db';
import { createTestApp, requestJson, type Json, type TestApp } from '../../../test/app';
import { loadCaseEnv } from '../../admin/case-rules';
import { getRulesConfig } from '../../admin/rules-store';
import { resolveParameter } from '../../rules/params/series';

const BUDGET_LAW = { act: 'Law of the Republic of Kazakhstan on the republican budget for 2027-2029', number: '150-VIII', date: '2026-12-05', clause: 'art. 9' };
/** Category 7.1 (example): 10 × MCI a month, no income test. */
const veteran = (applicationDate: string) => ({ applicationDate, category: '7.1', family: { members: [{ incomes: [] }] } });

describeDb('national dated parameters kept by the department', (getDb) => {
  let t: TestApp;
  const call = (role: Parameters<TestApp['request']>[0], method: string, path: string, body?: unknown) => requestJson(t, role, method, path, body);
  const amountOn = async (date: string) => {
    const r = await call('ADMIN', 'POST', '/api/admin/rules/evaluate', veteran(date));
    expect(r.status).toBe(200);
    return r.body.amountTiyn as number;
  };
  const stored = async () => {
    const [rows] = await t.database.query<{ n: number }>('select count(*)::int as n from national_parameter_entry');
    const [audit] = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_entry where action = 'rules.national.add'`);
    return { rows: rows!.n, audit: audit!.n };
  };

  beforeAll(async () => {
    t = await createTestApp(getDb(), { now: '2026-11-25T05:00:00Z', env: { KOMEK_SESSION_HOURS: '720' } });
  });

  it('lists each national series with its shipped entries for the auditor; other roles are refused', async () => {
    const list = await call('AUDITOR', 'GET', '/api/admin/national-parameters');
    expect(list.status).toBe(200);
    expect(list.body.series.map((s: Json) => s.id)).toEqual(['mci', 'subsistence-minimum.national', 'minimum-wage', 'sanatorium-guaranteed-sum']);
    const mci = list.body.series[0];
    expect(mci.today).toEqual({ from: '2026-01-01', value: 432_500 });
    expect(mci.entries.every((e: Json) => e.origin === 'shipped' && !e.superseded)).toBe(true);
    expect((await call('SPECIALIST', 'GET', '/api/admin/national-parameters')).status).toBe(403);
    expect((await call('AUDITOR', 'POST', '/api/admin/national-parameters', { seriesId: 'mci', from: '2027-01-01', value: 460_000, status: 'official', legal: BUDGET_LAW })).status).toBe(403);
  });

  it('refuses a negative value, an unknown series, a missing legal reference and a date before the series, changing nothing', async () => {
    const before = await stored();
    const good = { seriesId: 'mci', from: '2027-01-01', value: 460_000, status: 'official', legal: BUDGET_LAW };
    const negative = await call('ADMIN', 'POST', '/api/admin/national-parameters', { ...good, value: -460_000 });
    expect([negative.status, negative.body.error.code, negative.body.error.fields[0].path]).toEqual([400, 'VALIDATION', 'value']);
    const fraction = await call('ADMIN', 'POST', '/api/admin/national-parameters', { ...good, value: 4600.5 });
    expect([fraction.status, fraction.body.error.fields[0].path]).toEqual([400, 'value']);
    const unknown = await call('ADMIN', 'POST', '/api/admin/national-parameters', { ...good, seriesId: 'koksu.threshold-multiple' });
    expect([unknown.status, unknown.body.error.code, unknown.body.error.fields[0].path]).toEqual([400, 'VALIDATION', 'seriesId']);
    expect(unknown.body.error.fields[0].message).toContain('is not a national parameter series');
    const { legal: _legal, ...noLegal } = good;
    const missing = await call('ADMIN', 'POST', '/api/admin/national-parameters', noLegal);
    expect([missing.status, missing.body.error.code]).toEqual([400, 'VALIDATION']);
    expect(missing.body.error.fields.map((f: Json) => f.path)).toContain('legal');
    const noClause = await call('ADMIN', 'POST', '/api/admin/national-parameters', { ...good, legal: { ...BUDGET_LAW, clause: ' ' } });
    expect(noClause.body.error.fields.map((f: Json) => f.path)).toContain('legal.clause');
    const early = await call('ADMIN', 'POST', '/api/admin/national-parameters', { ...good, from: '2022-06-01' });
    expect([early.status, early.body.error.fields[0].path]).toEqual([400, 'from']);
    expect(early.body.error.fields[0].message).toContain('2023-01-01');
    expect(await stored()).toEqual(before);
    expect(await amountOn('2027-02-01')).toBe(4_325_000);
  });

  it('an MCI added for 2027 changes the 10 × MCI amount of a 2027 application, not of a 2026 one, and is audited', async () => {
    expect(await amountOn('2027-02-01')).toBe(4_325_000); // the 2026 MCI still in force
    const added = await call('ADMIN', 'POST', '/api/admin/national-parameters', { seriesId: 'mci', from: '2027-01-01', value: 460_000, status: 'official', legal: BUDGET_LAW });
    expect(added.status).toBe(201);
    expect(await amountOn('2027-02-01')).toBe(4_600_000);
    expect(await amountOn('2026-11-20')).toBe(4_325_000);

    const [audit] = await t.database.query<{ actor_role: string; target_type: string; target_id: string; payload: string }>(
      `select actor_role, target_type, target_id, payload from audit_entry where action = 'rules.national.add' order by id desc limit 1`,
    );
    expect([audit!.actor_role, audit!.target_type, audit!.target_id]).toEqual(['ADMIN', 'national_parameter_entry', added.body.id]);
    const payload = JSON.parse(audit!.payload) as Json;
    expect(JSON.stringify(payload)).toContain('"value":432500');
    expect(JSON.stringify(payload)).toContain('"value":460000');
    expect(JSON.stringify(payload)).toContain('150-VIII');
    const history = await call('AUDITOR', 'GET', `/api/admin/history?targetType=national_parameter_entry&targetId=${added.body.id as string}`);
    expect(history.body.entries.map((e: Json) => [e.action, e.actor])).toEqual([['rules.national.add', 'Persona ADMIN']]);

    const mci = (await call('AUDITOR', 'GET', '/api/admin/national-parameters')).body.series[0];
    const entry = mci.entries.at(-1);
    expect(entry).toMatchObject({ origin: 'added', id: added.body.id, from: '2027-01-01', value: 460_000, status: 'official', legal: BUDGET_LAW, createdBy: 'Persona ADMIN', superseded: false });
  });

  it('a later entry for the same date supersedes the earlier one (both kept), and every consumer sees it', async () => {
    const correction = await call('ADMIN', 'POST', '/api/admin/national-parameters', { seriesId: 'mci', from: '2027-01-01', value: 461_000, status: 'assumed', note: 'corrected figure', legal: { ...BUDGET_LAW, clause: 'art. 9 (as corrected)' } });
    expect(correction.status).toBe(201);
    expect(await amountOn('2027-02-01')).toBe(4_610_000);
    const mci = (await call('AUDITOR', 'GET', '/api/admin/national-parameters')).body.series[0];
    expect(mci.entries.filter((e: Json) => e.origin === 'added').map((e: Json) => [e.value, e.superseded])).toEqual([
      [460_000, true],
      [461_000, false],
    ]);
    // The case workflow and the payments' accessor use the same configuration.
    const day = Temporal.PlainDate.from('2027-03-01');
    const env = await loadCaseEnv(t.database);
    expect(resolveParameter(env.config.parameterSeries.get('mci')!, day)).toMatchObject({ value: 461_000, status: 'assumed' });
    expect(resolveParameter((await getRulesConfig(t.database, day)).parameterSeries.get('mci')!, day)).toMatchObject({ value: 461_000 });
    // A shipped value can be superseded on its own date too.
    expect((await call('ADMIN', 'POST', '/api/admin/national-parameters', { seriesId: 'sanatorium-guaranteed-sum', from: '2026-01-01', value: 31_000_000, status: 'official', legal: BUDGET_LAW })).status).toBe(201);
    const sanatorium = (await call('AUDITOR', 'GET', '/api/admin/national-parameters')).body.series[3];
    expect(sanatorium.today).toEqual({ from: '2026-01-01', value: 31_000_000 });
    expect(sanatorium.entries.find((e: Json) => e.origin === 'shipped' && e.from === '2026-01-01').superseded).toBe(true);
  });

  it('keeps every stored entry as it was written', async () => {
    await expect(t.database.query('update national_parameter_entry set value = 1')).rejects.toThrow(/append-only/);
    await expect(t.database.query('delete from national_parameter_entry')).rejects.toThrow(/append-only/);
  });
});
