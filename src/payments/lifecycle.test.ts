import { expect, it, beforeAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../test/db';
import { fixedClock, type Ctx } from '../context';
import { AppError } from '../errors';
import { makeValidIban } from '../rules/identifiers';
import { createFakeBank } from '../adapters/bank/fake';
import { commitBudgetAndSchedule } from './commit-decision';
import { setAllocation } from './set-allocation';
import { listBudget } from './list-budget';
import { formDemands } from './form-demands';
import { recordDemandApplication } from './record-demand-application';
import { recordTransfer } from './record-transfer';
import { issuePaymentOrders } from './issue-payment-orders';
import { submitPaymentOrders } from './submit-payment-orders';
import { importBankStatement } from './import-bank-statement';
import { reissuePayment } from './reissue-payment';
import { recordOverCredit } from './record-over-credit';
import { exportPaymentOrdersText } from './export-payment-orders';
import { reconcilePayments } from './reconcile';
import { exportReconciliation } from './export-reconciliation';
import ExcelJS from 'exceljs';

const CLOSED = makeValidIban('KSP', '0000000009999');
const GOOD = (n: number) => makeValidIban('HSB', String(n).padStart(13, '0'));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describeDb('the payment lifecycle through the State Corporation (p.26–p.32)', (getDb) => {
  let ctx: Ctx;
  const clock = fixedClock('2025-03-03T05:00:00Z');
  const bank = createFakeBank({ returnEvery: 4, feePerOrderTiyn: 25_00 });
  let demandId = 0;
  beforeAll(async () => {
    ctx = { database: getDb(), actor: null, clock };
    await setAllocation(ctx, { year: 2025, allocatedTiyn: 10_000_000_00 });
    // Five one-time decisions on Monday 3 March 2025: one to a closed account.
    for (let i = 0; i < 5; i++) {
      await getDb().transaction(({ sql }) =>
        commitBudgetAndSchedule(sql, {
          decisionId: randomUUID(), applicationId: randomUUID(), recipientIin: `85010130012${i}`, iban: i === 2 ? CLOSED : GOOD(i), categoryCode: '7.1', ground: '6.6',
          ruralDistrictId: 'balpyk', periodicity: 'one-time', amountTiyn: 50_000_00, firstPaymentDate: '2025-03-03', periods: 1, at: clock.now(), recipientName: `Recipient ${i}`,
        }),
      );
    }
  });

  it('forms one daily demand for the one-time payments, with the p.28 application due the next working day', async () => {
    const demands = await formDemands(ctx, { on: '2025-03-03' });
    expect(demands).toHaveLength(1);
    expect(demands[0]).toMatchObject({ kind: 'one-time', payments: 5, amountTiyn: 250_000_00, applicationDueOn: '2025-03-04' });
    demandId = demands[0]!.id;
    expect(await formDemands(ctx, { on: '2025-03-03' })).toHaveLength(0);
  });

  it('dates the transfer (2 WD) and the payment orders (2 WD after the transfer) from the rules core', async () => {
    const applied = await recordDemandApplication(ctx, { demandId, receivedOn: '2025-03-04' });
    expect(applied.transferDueOn).toBe('2025-03-06');
    // 7 March 2025 is a Friday and 8 March (Women's Day) falls on Saturday: carried to Monday 10 March.
    const transferred = await recordTransfer(ctx, { demandId, transferredOn: '2025-03-06' });
    expect(transferred.ordersDueOn).toBe('2025-03-11');
    expect(transferred.deadlines.map((d) => d.clause)).toEqual(['p.27', 'p.28', 'p.28', 'p.29']);
  });

  it('refuses to skip a step of the chain', async () => {
    expect(await codeOf(recordTransfer(ctx, { demandId, transferredOn: '2025-03-06' }))).toBe('PAYMENT_STATE');
  });

  it('issues one order per payment, credits good accounts, fails the closed one and records the p.30 return with its deadline', async () => {
    clock.set('2025-03-07T05:00:00Z');
    const issued = await issuePaymentOrders(ctx, { demandId });
    expect(issued.orders).toBe(5);
    const csv = await exportPaymentOrdersText(getDb(), { demandId, format: 'csv' });
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('reference;recipient_iin;recipient_name;iban;amount_tiyn;issued_on;demand_id;category;rural_district');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^KMK-\d{12}-1;85010130012\d;Recipient \d;KZ\d{2}[A-Z0-9]{16};5000000;2025-03-07;/);
    const xml = await exportPaymentOrdersText(getDb(), { demandId, format: 'xml' });
    expect(xml).toContain('count="5" totalTiyn="25000000"');
    expect(xml.match(/<Order /g)).toHaveLength(5);
    expect((await submitPaymentOrders(getDb(), bank, { demandId, pageSize: 2 })).submitted).toBe(5);
    const file = (await bank.statementFile(String(demandId)))!;
    const r = await importBankStatement(ctx, file);
    expect(r).toMatchObject({ lines: 5, credited: 3, failed: 1, returned: 1 });
    const returns = await getDb().query<{ reason: string; update_due_on: string }>('select reason, update_due_on from payment_return order by id');
    expect(returns.map((x) => x.reason).sort()).toEqual(['account-blocked', 'account-closed']);
    expect(returns[0]!.update_due_on).toBe('2025-03-13');
    const [b] = await listBudget(getDb(), { year: 2025 });
    expect(b!.paidTiyn).toBe(3 * 50_000_00);
    expect(b!.feesTiyn).toBe(4 * 25_00);
  });

  it('changes nothing when the same statement is imported twice', async () => {
    const file = (await bank.statementFile(String(demandId)))!;
    const again = await importBankStatement(ctx, file);
    expect(again.duplicateFile).toBe(true);
    expect((await listBudget(getDb(), { year: 2025 }))[0]!.paidTiyn).toBe(3 * 50_000_00);
  });

  it('re-issues a returned payment to a corrected account as a new order of the same payment, and pays it once', async () => {
    const [open] = await getDb().query<{ id: string; payment_id: string }>("select id, payment_id from payment_return where reason = 'account-closed'");
    const re = await reissuePayment(ctx, bank, { returnId: Number(open!.id), correctedIban: GOOD(77) });
    expect(re.orderReference).toMatch(/-2$/);
    expect(await codeOf(reissuePayment(ctx, bank, { returnId: Number(open!.id), correctedIban: GOOD(78) }))).toBe('PAYMENT_STATE');
    const r = await importBankStatement(ctx, (await bank.statementFile(re.batchId))!);
    expect(r.credited).toBe(1);
    const payments = await getDb().query<{ status: string }>('select status from payment where id = $1', [open!.payment_id]);
    expect(payments[0]!.status).toBe('paid');
    expect(await getDb().query('select 1 from payment where id = $1', [open!.payment_id])).toHaveLength(1);
  });

  it('rejects a malformed statement whole, naming the line and the reason, and changes nothing', async () => {
    const before = await getDb().query('select status from payment_order order by id');
    const bad = 'reference;status;amount_tiyn;date;reason;fee_tiyn\nKMK-000000000001-1;credited;5000000;2025-03-07;;0\nKMK-000000000002-1;credited;50;2025-02-30;;0\n';
    let caught: AppError | undefined;
    try {
      await importBankStatement(ctx, { fileName: 'bad.csv', content: bad });
    } catch (e) {
      caught = e as AppError;
    }
    expect(caught?.code).toBe('PAYMENT_FILE_INVALID');
    expect(caught?.details).toMatchObject({ line: 3 });
    expect(await getDb().query('select status from payment_order order by id')).toEqual(before);
    const unknown = 'reference;status;amount_tiyn;date;reason;fee_tiyn\nKMK-999999999999-1;credited;100;2025-03-07;;0\n';
    expect(await codeOf(importBankStatement(ctx, { fileName: 'unknown.csv', content: unknown }))).toBe('PAYMENT_FILE_INVALID');
  });

  it('dates an over-credited sum for return by the last working day of the month (p.31)', async () => {
    const oc = await recordOverCredit(ctx, { amountTiyn: 1_000_00, arrivedOn: '2025-05-05' });
    // 31 May 2025 is a Saturday: the last working day is Friday 30 May.
    expect(oc.returnDueOn).toBe('2025-05-30');
  });

  it('reconciles decided, demanded, transferred, paid and returned sums and lists what is still open', async () => {
    const r = await reconcilePayments(getDb());
    expect(r.totals).toMatchObject({ payments: 5, decidedTiyn: 250_000_00, demandedTiyn: 250_000_00, transferredTiyn: 250_000_00, paidTiyn: 200_000_00, differenceTiyn: 50_000_00 });
    expect(r.totals.returnedTiyn).toBe(100_000_00);
    expect(r.differences).toHaveLength(1);
    expect(r.differences[0]).toMatchObject({ status: 'returned', waitingFor: 'reissue' });
    expect(r.budget.find((b) => b.year === 2025)?.consistent).toBe(true);
    expect((await reconcilePayments(getDb(), { ruralDistrictId: 'mukyry' })).rows).toHaveLength(0);
  });

  it('exports the reconciliation to Excel with Kazakh and Russian headers', async () => {
    const buf = await exportReconciliation(getDb());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toBe('Кезең / Период');
    expect(String(sheet.getRow(1).getCell(8).value)).toBe('Төленді, ₸ / Выплачено, ₸');
    expect(sheet.getRow(2).getCell(8).value).toBe(200_000);
    expect(wb.worksheets[1]!.rowCount).toBe(2);
  });
});
