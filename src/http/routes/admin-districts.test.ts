import { beforeAll, expect, it } from 'vitest';
import { describeDb } from '../../../test/db';
import { createTestApp, requestJson, type Json, type TestApp } from '../../../test/app';
import { seedRuralDistricts, KOKSU_RURAL_DISTRICTS } from '../../admin/seed-demo';

const LEGAL = { act: 'Koksu district akimat resolution', number: '112', date: '2025-02-20', clause: 'p.1' };

describeDb('rural districts in the administration API', (getDb) => {
  let t: TestApp;
  const call = (role: Parameters<TestApp['request']>[0], method: string, path: string, body?: unknown) => requestJson(t, role, method, path, body);

  beforeAll(async () => {
    t = await createTestApp(getDb(), { now: '2025-03-04T05:00:00Z' });
  });

  it('an administrator adds and renames a district with its act; the auditor reads; the akim stays bound to it', async () => {
    const before = await call('AUDITOR', 'GET', '/api/admin/rural-districts');
    expect(before.status).toBe(200);
    const first = before.body.ruralDistricts[0] as Json;
    expect(first.legal).toBeNull();

    expect((await call('AUDITOR', 'POST', '/api/admin/rural-districts', { code: 'zhana-auyl', name_kk: 'Жаңа ауыл ауылдық округі', name_ru: 'Жанаульский сельский округ', legal: LEGAL })).status).toBe(403);
    const noLegal = await call('ADMIN', 'POST', '/api/admin/rural-districts', { code: 'zhana-auyl', name_kk: 'Жаңа ауыл ауылдық округі', name_ru: 'Жанаульский сельский округ' });
    expect(noLegal.status).toBe(400);
    expect(noLegal.body.error.fields.map((f: Json) => f.path)).toContain('legal');
    const badCode = await call('ADMIN', 'POST', '/api/admin/rural-districts', { code: 'Жаңа', name_kk: 'а', name_ru: 'б', legal: LEGAL });
    expect(badCode.body.error.fields.map((f: Json) => f.path)).toEqual(['code']);

    const added = await call('ADMIN', 'POST', '/api/admin/rural-districts', { code: 'zhana-auyl', name_kk: 'Жаңа ауыл ауылдық округі', name_ru: 'Жанаульский сельский округ', legal: LEGAL });
    expect(added).toEqual({ status: 201, body: { id: 'zhana-auyl' } });
    const twice = await call('ADMIN', 'POST', '/api/admin/rural-districts', { code: 'zhana-auyl', name_kk: 'x', name_ru: 'y', legal: LEGAL });
    expect(twice.status).toBe(400);

    // An akim account can be bound to the new district at once.
    const akim = await call('ADMIN', 'POST', '/api/users', { username: 'akim.zhana', fullName: 'Жаңа Әкім', role: 'RURAL_AKIM', password: 'a-long-password', ruralDistrictId: 'zhana-auyl' });
    expect(akim.status).toBe(201);

    const renamed = await call('ADMIN', 'PUT', '/api/admin/rural-districts/zhana-auyl', { name_kk: 'Жаңаауыл ауылдық округі', name_ru: 'Жанааульский сельский округ', legal: { ...LEGAL, number: '130' } });
    expect(renamed.status).toBe(200);
    expect((await call('ADMIN', 'PUT', '/api/admin/rural-districts/no-such', { name_kk: 'a', name_ru: 'b', legal: LEGAL })).status).toBe(404);

    const after = await call('AUDITOR', 'GET', '/api/admin/rural-districts');
    const row = after.body.ruralDistricts.find((d: Json) => d.id === 'zhana-auyl');
    expect(row).toMatchObject({ name_kk: 'Жаңаауыл ауылдық округі', name_ru: 'Жанааульский сельский округ', example: false, legal: { ...LEGAL, number: '130' }, akims: 1 });
    expect(row.changedBy).not.toBeNull();
    const [user] = await t.database.query<{ rural_district_id: string }>(`select rural_district_id from app_user where username = 'akim.zhana'`);
    expect(user!.rural_district_id).toBe('zhana-auyl');

    // Who changed what: both changes are in the administration history with their acts.
    const history = await call('AUDITOR', 'GET', '/api/admin/history?targetType=rural_district&targetId=zhana-auyl');
    expect(history.body.entries.map((e: Json) => e.action)).toEqual(['rural-district.rename', 'rural-district.add']);
    expect(history.body.entries[0].payload.before).toEqual({ name_kk: 'Жаңа ауыл ауылдық округі', name_ru: 'Жанаульский сельский округ' });
  });

  it('keeps an administrator\'s rename when the shipped districts are seeded again on the next start', async () => {
    const shipped = KOKSU_RURAL_DISTRICTS[0]!;
    expect((await call('ADMIN', 'PUT', `/api/admin/rural-districts/${shipped.code}`, { name_kk: 'Қайта аталған', name_ru: 'Переименованный', legal: LEGAL })).status).toBe(200);
    await seedRuralDistricts(t.database, KOKSU_RURAL_DISTRICTS);
    const [row] = await t.database.query<{ name_kk: string }>('select name_kk from rural_district where id = $1', [shipped.code]);
    expect(row!.name_kk).toBe('Қайта аталған');
  });
});
