import { expect, it, beforeAll } from 'vitest';
import { describeDb } from '../../../test/db';
import { createTestApp, type TestApp } from '../../../test/app';
import { seedSyntheticRecipients } from '../../payments/synthetic-recipients';
import { makeValidIban } from '../../rules/identifiers';

describeDb('the payments API: budget, holiday run, the State Corporation chain, returns, reconciliation', (getDb) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(getDb(), { now: '2025-09-25T05:00:00Z' });
    await seedSyntheticRecipients(getDb(), { count: 400, category: 'age-pensioner' });
  });

  const body = async (res: Response) => (await res.json()) as Record<string, any>;

  it('lets the accountant enter the allocation and refuses the auditor', async () => {
    expect((await t.request('AUDITOR', 'PUT', '/api/budget/2025', { allocatedTiyn: 1 })).status).toBe(403);
    const res = await t.request('ACCOUNTANT', 'PUT', '/api/budget/2025', { allocatedTiyn: 10_000_000_000 });
    expect(res.status).toBe(200);
    expect((await body(res)).allocation).toMatchObject({ year: 2025, allocatedTiyn: 10_000_000_000, committedTiyn: 0 });
  });

  it('runs the 1 October holiday without applications and shows its progress until done', async () => {
    const holiday = await body(await t.request('SPECIALIST', 'GET', '/api/payments/holidays/2025-10-01'));
    expect(holiday.holiday.categories[0].code).toBe('single-pensioners');
    const started = await t.request('SPECIALIST', 'POST', '/api/payments/holiday-runs', { date: '2025-10-01' });
    expect(started.status).toBe(202);
    const runId = (await body(started)).run.runId as string;
    let run: Record<string, any> = {};
    for (let i = 0; i < 100; i++) {
      run = (await body(await t.request('AUDITOR', 'GET', `/api/payments/holiday-runs/${runId}`))).run;
      if (run.status === 'done' || run.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(run).toMatchObject({ status: 'done', excludedDead: 4 });
    expect(run.payments).toBe(run.recipients);
    expect(run.payments).toBeGreaterThan(380);
    const again = await body(await t.request('SPECIALIST', 'POST', '/api/payments/holiday-runs', { date: '2025-10-01' }));
    expect(again.run).toMatchObject({ runId, payments: run.payments, totalTiyn: run.totalTiyn });
  });

  it('takes the payments through demand, application, transfer, orders and the statement', async () => {
    const formed = await body(await t.request('STATE_CORP', 'POST', '/api/payments/demands', { on: '2025-09-25' }));
    expect(formed.demands).toHaveLength(1);
    const id = formed.demands[0].id as number;
    expect((await t.request('STATE_CORP', 'POST', `/api/payments/demands/${id}/application`, { receivedOn: '2025-09-26' })).status).toBe(200);
    expect((await t.request('STATE_CORP', 'POST', `/api/payments/demands/${id}/transfer`, { transferredOn: '2025-09-29' })).status).toBe(403);
    const transferred = await body(await t.request('ACCOUNTANT', 'POST', `/api/payments/demands/${id}/transfer`, { transferredOn: '2025-09-29' }));
    expect(transferred.demand.ordersDueOn).toBe('2025-10-01');
    const orders = await body(await t.request('STATE_CORP', 'POST', `/api/payments/demands/${id}/orders`));
    expect(orders.orders).toBe(orders.submitted);
    const csv = await t.request('AUDITOR', 'GET', `/api/payments/demands/${id}/orders.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\n')[0]).toBe('reference;recipient_iin;recipient_name;iban;amount_tiyn;issued_on;demand_id;category;rural_district');
    const st = await body(await t.request('STATE_CORP', 'POST', `/api/payments/demands/${id}/statement`));
    expect(st.statement.credited + st.statement.returned + st.statement.failed).toBe(orders.orders);
    expect(st.statement.returned).toBeGreaterThan(0);
  });

  it('re-issues a return to a corrected account and reconciles per rural district, also in Excel', async () => {
    const returns = (await body(await t.request('ACCOUNTANT', 'GET', '/api/payments/returns?status=open'))).returns as { id: number; updateClause: string }[];
    expect(returns[0]!.updateClause).toBe('p.30');
    const re = await t.request('ACCOUNTANT', 'POST', `/api/payments/returns/${returns[0]!.id}/reissue`, { correctedIban: makeValidIban('601', '0000000000042') });
    expect(re.status).toBe(200);
    const rec = (await body(await t.request('HEAD', 'GET', '/api/payments/reconciliation'))).reconciliation;
    expect(rec.totals.decidedTiyn).toBe(rec.totals.paidTiyn + rec.totals.differenceTiyn);
    expect(rec.differences.length).toBe(returns.length - 1);
    expect((await t.request('RURAL_AKIM', 'GET', '/api/payments/reconciliation?ruralDistrictId=zzz')).status).toBe(403);
    const own = (await body(await t.request('RURAL_AKIM', 'GET', '/api/payments/reconciliation'))).reconciliation;
    expect(new Set(own.rows.map((r: { ruralDistrictId: string }) => r.ruralDistrictId)).size).toBe(1);
    const xlsx = await t.request('AUDITOR', 'GET', '/api/payments/reconciliation.xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('rejects a malformed statement with the line at fault', async () => {
    const res = await t.request('STATE_CORP', 'POST', '/api/payments/statements', { fileName: 'x.csv', content: 'reference;status\nA;B\n' });
    expect(res.status).toBe(422);
    expect((await body(res)).error.code).toBe('PAYMENT_FILE_INVALID');
  });
});
