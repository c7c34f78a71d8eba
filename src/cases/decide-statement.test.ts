import { beforeAll, expect, it } from 'vitest';
import { describeDb } from '../../test/db';
import { createTestApp, type TestApp } from '../../test/app';
import type { Database } from '../db/connect';
import type { Role } from '../auth/roles';
import { form1, inMemoryGateway, person, type TestPerson } from './test-fixtures';

const veterans = [0, 1, 2, 3].map((i) => person(`Ардагер${i}`, 'Бақыт', `192${i}-05-09`, { disabilityGroup: 1 }));
const certificate = { documents: [{ code: 'veteran-certificate', number: 'V-1', issuedOn: '1990-05-09', originalSeen: true }] };
/** 12 monthly payments from April 2025: 9 fall in financial year 2025, 3 in 2026 (p.21 commits both). */
const twoYears = { outcome: 'grant', periods: 12, firstPaymentDate: '2025-04-01' };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The database as the app sees it, counting the statements it is sent and the transactions it opens. */
function counted(database: Database): { database: Database; sent: string[]; transactions: () => number } {
  const sent: string[] = [];
  let transactions = 0;
  const proxy = new Proxy(database, {
    get(target, key, receiver) {
      if (key === 'query') return (text: string, params?: readonly unknown[]) => (sent.push(text), target.query(text, params));
      if (key === 'transaction') return (fn: Parameters<Database['transaction']>[0]) => (transactions++, target.transaction(fn));
      const v = Reflect.get(target, key, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { database: proxy, sent, transactions: () => transactions };
}

// p.18 and p.21: the decision is read (case and decision file) and then ONE statement — decision, notice,
// payments, every financial year's budget commitment, the case's UPDATE and the audit entry — without a
// transaction around it; a commitment that does not fit fails that statement whole (BUDGET_EXCEEDED).
describeDb('the decision as one statement', (getDb) => {
  let t: TestApp;
  let c: ReturnType<typeof counted>;
  let district: string;
  const call = async (role: Role, path: string, body: unknown = {}): Promise<{ status: number; body: Json }> => {
    const res = await t.request(role, 'POST', path, body, { 'accept-language': 'en' });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const concluded = async (p: TestPerson): Promise<string> => {
    const r = await call('SPECIALIST', '/api/applications', form1(p, '7.1', district, certificate));
    if (r.status !== 201) throw new Error(`intake ${r.status} ${JSON.stringify(r.body)}`);
    const id = r.body.application.id as string;
    for (const [role, path] of [['SPECIALIST', 'income'], ['SPECIAL_COMMISSION', 'special-conclusion']] as const) {
      const s = await call(role, `/api/applications/${id}/${path}`, path === 'income' ? {} : { needs: true });
      if (s.status !== 200) throw new Error(`${path} ${s.status} ${JSON.stringify(s.body)}`);
    }
    return id;
  };
  const counts = async () => (await c.database.query<Json>(`select (select count(*) from decision)::int as decisions, (select count(*) from payment)::int as payments,
      (select count(*) from notification)::int as notices, (select count(*) from budget_entry)::int as entries, (select count(*) from audit_entry where action like 'application.%')::int as audit,
      (select json_object_agg(year, committed_tiyn::text) from budget_allocation) as committed`))[0]!;

  beforeAll(async () => {
    c = counted(getDb());
    t = await createTestApp(c.database, { now: '2025-03-04T05:00:00Z', env: { KOMEK_SESSION_HOURS: '720' }, ports: { egov: inMemoryGateway(veterans) } });
    [{ id: district }] = (await c.database.query<{ id: string }>('select id from rural_district order by id limit 1')) as [{ id: string }];
    await c.database.query(`insert into budget_allocation (year, programme, allocated_tiyn, updated_at) values (2025, '451-007', 100000000000, now()), (2026, '451-007', 1, now())`);
    for (const role of ['SPECIALIST', 'HEAD', 'SPECIAL_COMMISSION'] as const) await t.cookieFor(role);
  });

  it('refuses with BUDGET_EXCEEDED naming the financial year that lacks room, and writes nothing', async () => {
    const id = await concluded(veterans[0]!);
    const before = await counts();
    const r = await call('HEAD', `/api/applications/${id}/decision`, twoYears);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('BUDGET_EXCEEDED');
    expect(r.body.error.fields).toEqual([{ path: 'amountTiyn', message: 'Free balance of programme 451-007 for 2026: 1 tiyn' }]);
    expect(await counts()).toEqual(before);
    const [a] = await c.database.query<{ status: string }>('select status from application where id = $1', [id]);
    expect(a!.status).toBe('CONCLUDED');
  });

  it('refuses a financial year without an allocation, naming it, after committing the one before in the same statement', async () => {
    await c.database.query(`update budget_allocation set allocated_tiyn = 100000000000 where year = 2026`);
    const id = await concluded(veterans[1]!);
    const before = await counts();
    const r = await call('HEAD', `/api/applications/${id}/decision`, { ...twoYears, firstPaymentDate: '2026-04-01' });
    expect(r.body.error.code).toBe('BUDGET_EXCEEDED');
    expect(r.body.error.fields).toEqual([{ path: 'amountTiyn', message: 'No allocation for programme 451-007 in 2027' }]);
    expect(await counts()).toEqual(before);
  });

  it('grants across two financial years with one statement and no transaction after reading the case', async () => {
    await c.database.query(`update budget_allocation set allocated_tiyn = 100000000000 where year = 2026`);
    const id = await concluded(veterans[2]!);
    const before = await counts();
    c.sent.length = 0;
    const transactions = c.transactions();
    const r = await call('HEAD', `/api/applications/${id}/decision`, twoYears);
    expect(r.status).toBe(200);
    expect(c.transactions()).toBe(transactions);
    const writes = c.sent.filter((s) => !/^\s*select\b/i.test(s) || /insert into|update /i.test(s));
    expect(writes).toHaveLength(1);
    for (const table of ['insert into decision', 'insert into notification', 'insert into payment', 'update budget_allocation', 'insert into budget_entry', 'update application', 'insert into audit_entry']) expect(writes[0]).toContain(table);
    const amount = Number(r.body.result.amountTiyn);
    expect(r.body.result.payments).toEqual({ paymentsCreated: 12, committedTiyn: 12 * amount });
    expect(r.body.result.notices).toEqual(['sms']);
    const after = await counts();
    expect(after).toEqual({ ...before, decisions: before.decisions + 1, payments: before.payments + 12, notices: before.notices + 1, entries: before.entries + 2, audit: before.audit + 1, committed: { 2025: String(BigInt(before.committed[2025]) + BigInt(9 * amount)), 2026: String(3 * amount) } });
    // The ledger: one commitment per financial year, in ascending order, referring to the decision.
    const entries = await c.database.query<{ year: number; amount: string; ref: string }>(`select year, amount_tiyn::text as amount, ref from budget_entry order by id desc limit 2`);
    const [d] = await c.database.query<{ id: string }>('select id from decision where application_id = $1', [id]);
    expect(entries.reverse()).toEqual([{ year: 2025, amount: String(9 * amount), ref: `decision:${d!.id}` }, { year: 2026, amount: String(3 * amount), ref: `decision:${d!.id}` }]);
  });

  it('decides once when two grants of one case race: the other is recomputed (ILLEGAL_TRANSITION) or, naming the version, told CONFLICT', async () => {
    for (const named of [false, true]) {
      const p = person(`Жарыс${named ? 1 : 0}`, 'Ардагер', `193${named ? 1 : 0}-05-09`, { disabilityGroup: 1 });
      t = await createTestApp(c.database, { now: '2025-03-04T05:00:00Z', env: { KOMEK_SESSION_HOURS: '720' }, ports: { egov: inMemoryGateway([p]) } });
      const id = await concluded(p);
      const [{ version }] = (await c.database.query<{ version: number }>('select version from application where id = $1', [id])) as [{ version: number }];
      const before = await counts();
      const body = { outcome: 'grant', periods: 2, ...(named ? { expectedVersion: version } : {}) };
      const answers = await Promise.all([0, 1, 2].map(() => call('HEAD', `/api/applications/${id}/decision`, body)));
      expect(answers.filter((a) => a.status === 200), JSON.stringify(answers)).toHaveLength(1);
      expect(answers.filter((a) => a.status !== 200).map((a) => a.body.error.code)).toEqual(named ? ['CONFLICT', 'CONFLICT'] : ['ILLEGAL_TRANSITION', 'ILLEGAL_TRANSITION']);
      const after = await counts();
      expect([after.decisions - before.decisions, after.payments - before.payments, after.notices - before.notices, after.entries - before.entries, after.audit - before.audit]).toEqual([1, 2, 1, 1, 1]);
    }
  });
});
