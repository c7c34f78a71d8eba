import { beforeAll, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../../test/db';
import { createTestApp, type TestApp } from '../../../test/app';
import { seedPopulation } from '../../demo/seed';
import { form1, inMemoryGateway, person } from '../../cases/test-fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const LEGAL = { act: 'Koksu district maslikhat decision', number: '40-170', date: '2025-03-01', clause: 'p.1' };
const applicant = person('Сейітова', 'Айгүл', '1985-05-05', { monthlyWagesTiyn: 5_000_000 });
const later = person('Омарова', 'Дана', '1990-01-01', { monthlyWagesTiyn: 5_000_000 });

describeDb('district administration API', (getDb) => {
  let t: TestApp;
  const call = async (role: Parameters<TestApp['request']>[0], method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    const res = await t.request(role, method, path, body, { 'accept-language': 'en' });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, body: type.includes('json') ? ((await res.json()) as Json) : { text: await res.text(), type } };
  };

  beforeAll(async () => {
    t = await createTestApp(getDb(), { now: '2025-03-04T05:00:00Z', env: { KOMEK_SESSION_HOURS: '720' }, ports: { egov: inMemoryGateway([applicant, later]) } });
    await seedPopulation(t.database, { persons: 800, seed: 5, asOf: Temporal.PlainDate.from('2025-03-01') });
  });

  it('an administrator drafts, edits with a legal reference, approves and schedules a version; the auditor only reads', async () => {
    const list = await call('AUDITOR', 'GET', '/api/admin/rules-versions');
    expect(list.status).toBe(200);
    expect(list.body.versions.map((v: Json) => v.lifecycle)).toEqual(['in-force', 'archived']);
    expect((await call('AUDITOR', 'POST', '/api/admin/rules-versions', { code: '40-170', effectiveFrom: '2025-04-01', legal: LEGAL })).status).toBe(403);
    expect((await call('SPECIALIST', 'GET', '/api/admin/rules-versions')).status).toBe(403);

    const created = await call('ADMIN', 'POST', '/api/admin/rules-versions', { code: '40-170', effectiveFrom: '2025-04-01', legal: LEGAL });
    expect(created.status).toBe(201);
    const id = created.body.version.id as string;
    const noLegal = await call('ADMIN', 'POST', `/api/admin/rules-versions/${id}/edits`, { edit: { kind: 'set-parameter', seriesId: 'koksu.threshold-multiple', from: '2025-04-01', value: 3000 } });
    expect(noLegal.status).toBe(400);
    const edited = await call('ADMIN', 'POST', `/api/admin/rules-versions/${id}/edits`, { edit: { kind: 'set-parameter', seriesId: 'koksu.threshold-multiple', from: '2025-04-01', value: 3000 }, legal: LEGAL });
    expect(edited.status).toBe(200);

    const impact = await call('ADMIN', 'POST', `/api/admin/rules-versions/${id}/impact`);
    expect(impact.status).toBe(201);
    expect(impact.body.impact.gained).toBeGreaterThan(0);
    expect(impact.body.impact.budget.available).toBe(true);
    const csv = await call('AUDITOR', 'GET', `/api/admin/impacts/${impact.body.impact.id}/changes.csv?lang=ru`);
    expect(csv.status).toBe(200);
    expect(csv.body.text.split('\n')[0]).toContain('Среднедушевой доход');
    expect(csv.body.text.trim().split('\n').length).toBe(1 + impact.body.impact.gained * impact.body.impact.categories.length);
    const xlsx = await t.request('AUDITOR', 'GET', `/api/admin/impacts/${impact.body.impact.id}/changes.xlsx`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');

    expect((await call('ADMIN', 'POST', `/api/admin/rules-versions/${id}/approve`)).body.version.lifecycle).toBe('approved');
    expect((await call('ADMIN', 'POST', `/api/admin/rules-versions/${id}/edits`, { edit: { kind: 'remove-holiday', index: 0 }, legal: LEGAL })).body.error.code).toBe('RULES_VERSION_STATE');
    expect((await call('ADMIN', 'POST', `/api/admin/rules-versions/${id}/schedule`, {})).body.version.lifecycle).toBe('scheduled');

    const history = await call('AUDITOR', 'GET', `/api/admin/history?targetType=rules_version&targetId=${id}`);
    expect(history.body.entries.map((e: Json) => e.action)).toEqual(['rules.schedule', 'rules.approve', 'rules.impact', 'rules.draft.set-parameter', 'rules.draft.create']);
    expect(history.body.entries[0].actor).toBe('Persona ADMIN');
  });

  it('a case registered after the effective date is judged by the new version, an earlier case keeps the old one', async () => {
    const district = (await t.database.query<{ id: string }>('select id from rural_district order by id limit 1'))[0]!.id;
    t.clock.set('2025-03-04T05:00:00Z');
    const before = await call('SPECIALIST', 'POST', '/api/applications', form1(applicant, '7.9', district));
    expect(before.status).toBe(201);
    t.clock.set('2025-04-02T05:00:00Z');
    const after = await call('SPECIALIST', 'POST', '/api/applications', form1(later, '7.9', district));
    expect(after.status).toBe(201);
    const versions = await t.database.query<{ id: string; rules_version: string }>('select id, rules_version from application where id in ($1, $2)', [before.body.application.id, after.body.application.id]);
    const byId = new Map(versions.map((v) => [v.id, v.rules_version]));
    expect(byId.get(before.body.application.id)).toBe('35-140');
    expect(byId.get(after.body.application.id)).toBe('40-170');

    // The same family judged on each date through the accessor: refused under 1.0×, granted under 3.0×.
    const family = { members: [{ incomes: [{ type: 'wages', amountTiyn: 15_000_000 }] }] };
    const old = await call('ADMIN', 'POST', '/api/admin/rules/evaluate', { applicationDate: '2025-03-20', category: '7.9', family });
    const neu = await call('ADMIN', 'POST', '/api/admin/rules/evaluate', { applicationDate: '2025-04-02', category: '7.9', family });
    expect([old.body.rulesVersion, old.body.outcome]).toEqual(['35-140', 'refuse']);
    expect([neu.body.rulesVersion, neu.body.outcome]).toEqual(['40-170', 'grant']);
  });

  it('the dashboard counts the applications per status and the reports export the register; an akim sees only their rural district', async () => {
    const dash = await call('HEAD', 'GET', '/api/dashboard');
    expect(dash.status).toBe(200);
    expect(dash.body.applicationsByStatus.rows.reduce((s: number, r: Json) => s + r.count, 0)).toBe(2);
    expect(dash.body.budget.available).toBe(true);
    const other = (await t.database.query<{ id: string }>('select id from rural_district order by id offset 1 limit 1'))[0]!.id;
    expect((await call('RURAL_AKIM', 'GET', `/api/dashboard?ruralDistrictId=${other}`)).status).toBe(403);
    const akim = await call('RURAL_AKIM', 'GET', '/api/dashboard');
    expect(akim.body.ruralDistrictId).not.toBeNull();
    const xlsx = await t.request('HEAD', 'GET', '/api/reports/registers/applications?from=2025-01-01&to=2025-12-31');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const summary = await call('AUDITOR', 'GET', '/api/reports/summary.html?year=2025');
    expect(summary.body.text).toContain('Заявления по статусам');
    expect((await call('PRECINCT_COMMISSION', 'GET', '/api/reports/summary.html?year=2025')).status).toBe(403);
  });
});
