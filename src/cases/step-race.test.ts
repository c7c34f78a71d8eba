import { beforeAll, expect, it } from 'vitest';
import { describeDb } from '../../test/db';
import { createTestApp, type TestApp } from '../../test/app';
import type { Role } from '../auth/roles';
import { verifyAudit } from '../audit/audit';
import { form1, inMemoryGateway, person } from './test-fixtures';

const applicants = Array.from({ length: 3 }, (_, i) => person(`Қатар${i}`, 'Өтініш', `198${i}-02-0${i + 1}`, { monthlyWagesTiyn: 1_000_000 }));

// A step is sent as one statement that checks the version it read (run-step.ts): when the same step is
// taken at once by several clerks, exactly one is saved and audited; the others see the case as saved.
describeDb('the same step taken concurrently', (getDb) => {
  let t: TestApp;
  let district: string;
  const post = async (role: Role, path: string, body: unknown) => {
    const res = await t.request(role, 'POST', path, body);
    return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const registered = async (i: number) => {
    const r = await post('SPECIALIST', '/api/applications', form1(applicants[i]!, '7.9', district));
    expect(r.status).toBe(201);
    return r.body.application.id as string;
  };
  const entries = async (id: string, action: string) => Number((await getDb().query<{ n: string }>('select count(*)::text as n from audit_entry where target_id = $1 and action = $2', [id, action]))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp(getDb(), { now: '2025-03-04T05:00:00Z', env: { KOMEK_SESSION_HOURS: '720' }, ports: { egov: inMemoryGateway(applicants) } });
    [{ id: district }] = (await getDb().query<{ id: string }>('select id from rural_district order by id limit 1')) as [{ id: string }];
  });

  it('saves and audits one of ten simultaneous routings; the others are told the step is no longer possible', async () => {
    const id = await registered(0);
    const outcomes = await Promise.all(Array.from({ length: 10 }, async () => {
      const r = await post('SPECIALIST', `/api/applications/${id}/route-to-precinct-commission`, {});
      return r.status === 200 ? 'ok' : (r.body.error.code as string);
    }));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'ILLEGAL_TRANSITION')).toHaveLength(9);
    expect(await entries(id, 'application.routeToPrecinctCommission')).toBe(1);
    const [a] = await getDb().query<{ status: string; version: number }>('select status, version from application where id = $1', [id]);
    expect(a).toMatchObject({ status: 'AT_PRECINCT_COMMISSION', version: 2 });
  });

  it('answers CONFLICT to those who named the version they saw, and writes their survey nowhere', async () => {
    const id = await registered(1);
    expect((await post('SPECIALIST', `/api/applications/${id}/route-to-precinct-commission`, { expectedVersion: 1 })).status).toBe(200);
    const outcomes = await Promise.all(Array.from({ length: 8 }, async (_, i) => {
      const r = await post('PRECINCT_COMMISSION', `/api/applications/${id}/survey`, { expectedVersion: 2, actNumber: `R-${i}`, actDate: '2025-03-04', commission: 'Race', needs: true });
      return r.status === 200 ? 'ok' : (r.body.error.code as string);
    }));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(7);
    expect(Number((await getDb().query<{ n: string }>('select count(*)::text as n from survey where application_id = $1', [id]))[0]!.n)).toBe(1);
    expect(await entries(id, 'application.recordSurvey')).toBe(1);
    expect((await verifyAudit(getDb())).ok).toBe(true);
  });
});
