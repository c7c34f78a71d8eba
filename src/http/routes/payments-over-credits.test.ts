/**
 * p.31 through the API: the accountant records a sum the State Corporation holds in excess; it is due
 * back by the last working day of the month it arrived in; the list shows it open, then overdue when the
 * day passes, and returned (late or not) once recorded back. Only the accountant records; every payments
 * reader sees the list.
 */
import { expect, it, beforeAll } from 'vitest';
import { describeDb } from '../../../test/db';
import { createTestApp, type TestApp } from '../../../test/app';

describeDb('the p.31 over-credited sums API', (getDb) => {
  let t: TestApp;
  beforeAll(async () => {
    // Thursday 10 April 2025.
    t = await createTestApp(getDb(), { now: '2025-04-10T05:00:00Z' });
  });
  const body = async (res: Response) => (await res.json()) as Record<string, any>;

  it('records an over-credit with its p.31 day, the last working day of the month', async () => {
    expect((await t.request('STATE_CORP', 'POST', '/api/payments/over-credits', { amountTiyn: 5_000_00, arrivedOn: '2025-04-09' })).status).toBe(403);
    const res = await t.request('ACCOUNTANT', 'POST', '/api/payments/over-credits', { amountTiyn: 5_000_00, arrivedOn: '2025-04-09', note: 'double credit' });
    expect(res.status).toBe(201);
    const { overCredit } = await body(res);
    expect(overCredit).toMatchObject({ amountTiyn: 5_000_00, arrivedOn: '2025-04-09', returnDueOn: '2025-04-30', returnedOn: null, clause: 'p.31' });
    expect(overCredit.explanation.en).toContain('p.31');
    // A second one arrives on 31 May 2025, a Saturday: the last working day of May is the 30th.
    const may = await body(await t.request('ACCOUNTANT', 'POST', '/api/payments/over-credits', { amountTiyn: 1_00, arrivedOn: '2025-05-31' }));
    expect(may.overCredit.returnDueOn).toBe('2025-05-30');
    // One from March, due on Monday 31 March, is already late today.
    const march = await body(await t.request('ACCOUNTANT', 'POST', '/api/payments/over-credits', { amountTiyn: 2_00, arrivedOn: '2025-03-20' }));
    expect(march.overCredit.returnDueOn).toBe('2025-03-31');
  });

  it('refuses an unknown payment, a non-positive sum and a bad date, naming the field', async () => {
    const unknown = await body(await t.request('ACCOUNTANT', 'POST', '/api/payments/over-credits', { paymentId: 999_999, amountTiyn: 1_00, arrivedOn: '2025-04-09' }));
    expect(unknown.error).toMatchObject({ code: 'VALIDATION' });
    expect(unknown.error.fields[0].path).toBe('paymentId');
    expect((await t.request('ACCOUNTANT', 'POST', '/api/payments/over-credits', { amountTiyn: 0, arrivedOn: '2025-04-09' })).status).toBe(400);
    expect((await t.request('ACCOUNTANT', 'POST', '/api/payments/over-credits', { amountTiyn: 1_00, arrivedOn: '2025-02-30' })).status).toBe(400);
  });

  it('lists them for every payments reader, open, then overdue after the day, then returned', async () => {
    expect((await t.request('RURAL_AKIM', 'GET', '/api/payments/over-credits')).status).toBe(403);
    const open = (await body(await t.request('AUDITOR', 'GET', '/api/payments/over-credits'))).overCredits as Record<string, any>[];
    expect(open.map((o) => [o.returnDueOn, o.status])).toEqual([['2025-03-31', 'overdue'], ['2025-04-30', 'open'], ['2025-05-30', 'open']]);

    const overdue = (await body(await t.request('HEAD', 'GET', '/api/payments/over-credits?status=overdue'))).overCredits as Record<string, any>[];
    expect(overdue).toHaveLength(1);
    const march = overdue[0]!;
    expect(march.returnDueOn).toBe('2025-03-31');

    expect((await t.request('ACCOUNTANT', 'POST', `/api/payments/over-credits/${march.id}/returned`, { returnedOn: '2025-03-01' })).status).toBe(400);
    const back = await body(await t.request('ACCOUNTANT', 'POST', `/api/payments/over-credits/${march.id}/returned`, { returnedOn: '2025-04-10' }));
    expect(back.overCredit).toMatchObject({ id: march.id, returnedOn: '2025-04-10', late: true });
    expect((await body(await t.request('ACCOUNTANT', 'POST', `/api/payments/over-credits/${march.id}/returned`, { returnedOn: '2025-04-10' }))).error.code).toBe('PAYMENT_STATE');
    expect((await t.request('ACCOUNTANT', 'POST', '/api/payments/over-credits/424242/returned', { returnedOn: '2025-04-10' })).status).toBe(404);
    const april = open[1]!;
    expect((await body(await t.request('ACCOUNTANT', 'POST', `/api/payments/over-credits/${april.id}/returned`, { returnedOn: '2025-04-10' }))).overCredit.late).toBe(false);

    const all = (await body(await t.request('STATE_CORP', 'GET', '/api/payments/over-credits'))).overCredits as Record<string, any>[];
    expect(all.map((o) => o.status)).toEqual(['open', 'returned-late', 'returned']);
  });
});
