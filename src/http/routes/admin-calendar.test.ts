import { beforeAll, expect, it } from 'vitest';
import { describeDb } from '../../../test/db';
import { createTestApp, requestJson, type Json, type TestApp } from '../../../test/app';

const ADDED = { act: 'Government resolution', number: '1', date: '2025-03-01', clause: 'p.1' };
const CANCELLED = { act: 'Government resolution', number: '9', date: '2025-03-10', clause: 'p.2' };

describeDb('calendar overrides in the administration API', (getDb) => {
  let t: TestApp;
  const call = (role: Parameters<TestApp['request']>[0], method: string, path: string, body?: unknown) => requestJson(t, role, method, path, body);

  beforeAll(async () => {
    t = await createTestApp(getDb(), { now: '2025-03-04T05:00:00Z' });
  });

  it('removes an override only under the act that cancels it, kept with the row and in the history', async () => {
    const added = await call('ADMIN', 'POST', '/api/admin/calendar-overrides', { date: '2025-06-06', kind: 'kurban-ait', name_kk: 'Құрбан айт', name_ru: 'Курбан айт', legal: ADDED });
    expect(added.status).toBe(201);
    const id = added.body.id as string;

    const noAct = await call('ADMIN', 'DELETE', `/api/admin/calendar-overrides/${id}`, {});
    expect(noAct.status).toBe(400);
    expect(noAct.body.error.fields.map((f: Json) => f.path)).toContain('legal');
    expect((await call('AUDITOR', 'DELETE', `/api/admin/calendar-overrides/${id}`, { legal: CANCELLED })).status).toBe(403);
    expect((await call('AUDITOR', 'GET', '/api/admin/calendar-overrides')).body.overrides.map((o: Json) => o.id)).toEqual([id]);

    expect(await call('ADMIN', 'DELETE', `/api/admin/calendar-overrides/${id}`, { legal: CANCELLED })).toEqual({ status: 200, body: { ok: true } });
    expect((await call('ADMIN', 'DELETE', `/api/admin/calendar-overrides/${id}`, { legal: CANCELLED })).status).toBe(404);
    expect((await call('AUDITOR', 'GET', '/api/admin/calendar-overrides')).body.overrides).toEqual([]);

    const [row] = await t.database.query<Json>('select removed_at is not null as removed, removal_act, removal_number, removal_date::text as removal_date, removal_clause from calendar_override where id = $1', [id]);
    expect(row).toEqual({ removed: true, removal_act: CANCELLED.act, removal_number: '9', removal_date: '2025-03-10', removal_clause: 'p.2' });
    const history = await call('AUDITOR', 'GET', `/api/admin/history?targetType=calendar_override&targetId=${id}`);
    expect(history.body.entries.map((e: Json) => e.action)).toEqual(['calendar.override.remove', 'calendar.override.add']);
    expect(history.body.entries[0].payload.after.legal).toEqual(CANCELLED);
  });
});
