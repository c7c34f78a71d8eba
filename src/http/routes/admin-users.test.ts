import { beforeAll, expect, it } from 'vitest';
import { describeDb } from '../../../test/db';
import { createTestApp, PERSONAS, type TestApp } from '../../../test/app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeDb('changing users', (getDb) => {
  let t: TestApp;
  const idOf = async (username: string) => (await t.database.query<{ id: string }>('select id from app_user where username = $1', [username]))[0]!.id;
  beforeAll(async () => {
    t = await createTestApp(getDb());
  });

  it('an administrator changes a role and deactivates a user, whose session ends at once; the auditor cannot', async () => {
    const head = await idOf(PERSONAS.HEAD);
    expect((await t.request('HEAD', 'GET', '/api/dashboard')).status).toBe(200);
    expect((await t.request('AUDITOR', 'PATCH', `/api/users/${head}`, { active: false })).status).toBe(403);

    const off = await t.request('ADMIN', 'PATCH', `/api/users/${head}`, { active: false });
    expect(off.status).toBe(200);
    expect(((await off.json()) as Json).user.active).toBe(false);
    expect((await t.request('HEAD', 'GET', '/api/dashboard')).status).toBe(401);

    const spec = await idOf(PERSONAS.SPECIALIST);
    const akimWithoutDistrict = await t.request('ADMIN', 'PATCH', `/api/users/${spec}`, { role: 'RURAL_AKIM' });
    expect(((await akimWithoutDistrict.json()) as Json).error.code).toBe('VALIDATION');
    const changed = await t.request('ADMIN', 'PATCH', `/api/users/${spec}`, { role: 'ACCOUNTANT' });
    expect(((await changed.json()) as Json).user.role).toBe('ACCOUNTANT');

    const self = await t.request('ADMIN', 'PATCH', `/api/users/${await idOf(PERSONAS.ADMIN)}`, { active: false });
    expect(((await self.json()) as Json).error.code).toBe('VALIDATION');
    const audit = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_entry where action = 'user.change'`);
    expect(audit[0]!.n).toBe(2);
  });

  it('an administrator creates a precinct commission with its members; the auditor reads them', async () => {
    const district = (await t.database.query<{ id: string }>('select id from rural_district order by id limit 1'))[0]!.id;
    const legal = { act: 'Көксу ауданы әкімінің шешімі', number: '12', date: '2025-01-10', clause: '1-т.' };
    expect((await t.request('ADMIN', 'POST', '/api/commissions', { kind: 'precinct', name: 'Учаскелік комиссия', ruralDistrictId: null, legal })).status).toBe(400);
    const created = (await (await t.request('ADMIN', 'POST', '/api/commissions', { kind: 'precinct', name: 'Учаскелік комиссия', ruralDistrictId: district, legal })).json()) as Json;
    expect((await t.request('ADMIN', 'POST', `/api/commissions/${created.id}/members`, { fullName: 'Ахметов Бауыржан', position: 'әкім орынбасары', role: 'chair' })).status).toBe(200);
    expect((await t.request('SPECIALIST', 'GET', '/api/commissions')).status).toBe(403);
    const list = (await (await t.request('AUDITOR', 'GET', '/api/commissions')).json()) as Json;
    expect(list.commissions[0]).toMatchObject({ kind: 'precinct', ruralDistrictId: district, members: [{ fullName: 'Ахметов Бауыржан', role: 'chair', active: true }] });
  });
});
