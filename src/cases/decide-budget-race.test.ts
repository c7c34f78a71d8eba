import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, postgresUrl } from '../../test/db';
import { createTestApp, type TestApp } from '../../test/app';
import type { Role } from '../auth/roles';
import { verifyAudit } from '../audit/audit';
import { form1, inMemoryGateway, person } from './test-fixtures';

const N = 55;
const applicants = Array.from({ length: N + 1 }, (_, i) => person(`Жарыс${i}`, 'Өтініш', `19${50 + (i % 49)}-0${1 + (i % 9)}-1${i % 9}`, { monthlyWagesTiyn: 1_000_000 }));

// p.21 with the decision's budget commitment sent in its final statement (run-step.ts, decide.ts): the
// row lock is held for less time, and the allocation must still never be exceeded.
describe.runIf(postgresUrl())('the budget under concurrent decisions through the API on PostgreSQL (p.21)', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let t: TestApp;
  let district: string;
  const post = async (role: Role, path: string, body: unknown) => {
    const res = await t.request(role, 'POST', path, body);
    return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const concluded = async (i: number): Promise<string> => {
    const r = await post('SPECIALIST', '/api/applications', form1(applicants[i]!, '7.9', district));
    if (r.status !== 201) throw new Error(`intake ${r.status} ${JSON.stringify(r.body)}`);
    const id = r.body.application.id as string;
    for (const [role, path, body] of [
      ['SPECIALIST', 'route-to-precinct-commission', {}],
      ['PRECINCT_COMMISSION', 'survey', { actNumber: `A-${i}`, actDate: '2025-03-04', commission: 'Race precinct', needs: true }],
      ['SPECIALIST', 'income', {}],
      ['SPECIAL_COMMISSION', 'special-conclusion', { needs: true }],
    ] as const) {
      const s = await post(role, `/api/applications/${id}/${path}`, body);
      if (s.status !== 200) throw new Error(`${path} ${s.status} ${JSON.stringify(s.body)}`);
    }
    return id;
  };

  beforeAll(async () => {
    handle = await createTestDatabase('postgres', { poolSize: 70 });
    t = await createTestApp(handle.database, { now: '2025-03-04T05:00:00Z', env: { KOMEK_SESSION_HOURS: '720' }, ports: { egov: inMemoryGateway(applicants) } });
    [{ id: district }] = (await handle.database.query<{ id: string }>('select id from rural_district order by id limit 1')) as [{ id: string }];
  }, 120_000);
  afterAll(async () => handle?.drop());

  it(`never exceeds a nearly exhausted allocation when ${N} grants race for it, and refused grants change nothing`, async () => {
    await handle.database.query(`insert into budget_allocation (year, programme, allocated_tiyn, updated_at) values (2025, '451-007', 100000000000, now())`);
    // One grant first, to learn the amount the Rules give.
    const first = await post('HEAD', `/api/applications/${await concluded(N)}/decision`, { outcome: 'grant' });
    expect(first.status).toBe(200);
    const amount = Number(first.body.result.payments.committedTiyn);
    expect(amount).toBeGreaterThan(0);
    // Room for exactly 7 more grants, plus half of one.
    await handle.database.query(`update budget_allocation set allocated_tiyn = committed_tiyn + $1 where year = 2025`, [7 * amount + Math.floor(amount / 2)]);
    const ids: string[] = [];
    for (let i = 0; i < N; i++) ids.push(await concluded(i));

    const outcomes = await Promise.all(ids.map(async (id) => {
      const r = await post('HEAD', `/api/applications/${id}/decision`, { outcome: 'grant' });
      return r.status === 200 ? 'ok' : (r.body.error?.code as string);
    }));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(7);
    expect(outcomes.filter((o) => o === 'BUDGET_EXCEEDED')).toHaveLength(N - 7);

    const [b] = await handle.database.query<{ allocated: string; committed: string }>(`select allocated_tiyn::text as allocated, committed_tiyn::text as committed from budget_allocation where year = 2025`);
    expect(BigInt(b!.committed)).toBeLessThanOrEqual(BigInt(b!.allocated));
    const [p] = await handle.database.query<{ n: string; s: string }>('select count(*)::text as n, sum(amount_tiyn)::text as s from payment');
    expect(Number(p!.n)).toBe(8);
    expect(p!.s).toBe(b!.committed);
    const [e] = await handle.database.query<{ s: string }>(`select sum(amount_tiyn)::text as s from budget_entry where kind = 'commit'`);
    expect(e!.s).toBe(b!.committed);
    // The refused decisions rolled back whole: no decision, no notice, the case still CONCLUDED.
    const statuses = await handle.database.query<{ status: string; n: string }>(`select status, count(*)::text as n from application group by status order by status`);
    expect(Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]))).toEqual({ CONCLUDED: N - 7, GRANTED: 8 });
    const [d] = await handle.database.query<{ n: string }>('select count(*)::text as n from decision');
    expect(Number(d!.n)).toBe(8);
    expect((await verifyAudit(handle.database)).ok).toBe(true);
  }, 180_000);
});
