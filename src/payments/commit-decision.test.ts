import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { describeDb, createTestDatabase, postgresUrl } from '../../test/db';
import { fixedClock, type Ctx } from '../context';
import { AppError } from '../errors';
import { makeValidIban } from '../rules/identifiers';
import type { Database } from '../db/connect';
import { commitBudgetAndSchedule, type CommitDecisionInput } from './commit-decision';
import { setAllocation } from './set-allocation';
import { listBudget } from './list-budget';

const IBAN = makeValidIban('KSP', '0000000000123');
const at = Temporal.Instant.from('2025-03-04T05:00:00Z');

function decision(over: Partial<CommitDecisionInput> = {}): CommitDecisionInput {
  return {
    decisionId: randomUUID(),
    applicationId: randomUUID(),
    recipientIin: '850101300123',
    iban: IBAN,
    categoryCode: '7.1',
    ground: '6.6',
    ruralDistrictId: 'balpyk',
    periodicity: 'one-time',
    amountTiyn: 100_000_00,
    firstPaymentDate: '2025-03-04',
    periods: 1,
    at,
    ...over,
  };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describeDb('committing a decision to the budget and the payment schedule (p.21, p.26, p.27)', (getDb) => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = { database: getDb(), actor: null, clock: fixedClock(at.toString()) };
    await setAllocation(ctx, { year: 2025, allocatedTiyn: 1_000_000_00 });
  });

  it('writes one payment for a one-time decision with its p.27 demand date and commits its amount', async () => {
    const d = decision();
    const r = await getDb().transaction(({ sql }) => commitBudgetAndSchedule(sql, d));
    expect(r.paymentsCreated).toBe(1);
    expect(r.schedule[0]).toMatchObject({ period: 'once', demandDueOn: '2025-03-04', clause: 'p.27' });
    const [b] = await listBudget(getDb(), { year: 2025 });
    expect(b!.committedTiyn).toBe(100_000_00);
  });

  it('does not pay or commit twice when the same decision is committed again', async () => {
    const d = decision();
    await getDb().transaction(({ sql }) => commitBudgetAndSchedule(sql, d));
    const before = (await listBudget(getDb(), { year: 2025 }))[0]!.committedTiyn;
    const again = await getDb().transaction(({ sql }) => commitBudgetAndSchedule(sql, d));
    expect(again.paymentsCreated).toBe(0);
    expect((await listBudget(getDb(), { year: 2025 }))[0]!.committedTiyn).toBe(before);
    const rows = await getDb().query('select 1 from payment where decision_id = $1', [d.decisionId]);
    expect(rows).toHaveLength(1);
  });

  it('schedules monthly payments with demands by the 29th of the month before each payment month', async () => {
    const d = decision({ periodicity: 'monthly', periods: 3, amountTiyn: 10_000_00, firstPaymentDate: '2025-04-10' });
    const r = await getDb().transaction(({ sql }) => commitBudgetAndSchedule(sql, d));
    expect(r.schedule.map((s) => s.period)).toEqual(['2025-04', '2025-05', '2025-06']);
    // 29 March 2025 is a Saturday: the demand moves back to Friday 28 March.
    expect(r.schedule[0]!.demandDueOn).toBe('2025-03-28');
    expect(r.schedule[1]!.demandDueOn).toBe('2025-04-29');
  });

  it('labels quarterly payments by quarter', async () => {
    const d = decision({ periodicity: 'quarterly', periods: 2, amountTiyn: 1_000_00, firstPaymentDate: '2025-04-01' });
    const r = await getDb().transaction(({ sql }) => commitBudgetAndSchedule(sql, d));
    expect(r.schedule.map((s) => s.period)).toEqual(['2025-Q2', '2025-Q3']);
  });

  it('refuses a decision that would exceed the allocation with BUDGET_EXCEEDED and writes nothing', async () => {
    const d = decision({ amountTiyn: 2_000_000_00 });
    expect(await codeOf(getDb().transaction(({ sql }) => commitBudgetAndSchedule(sql, d)))).toBe('BUDGET_EXCEEDED');
    expect(await getDb().query('select 1 from payment where decision_id = $1', [d.decisionId])).toHaveLength(0);
  });

  it('refuses payments falling in a financial year without an allocation', async () => {
    const d = decision({ periodicity: 'monthly', periods: 2, amountTiyn: 1_00, firstPaymentDate: '2025-12-01' });
    expect(await codeOf(getDb().transaction(({ sql }) => commitBudgetAndSchedule(sql, d)))).toBe('BUDGET_EXCEEDED');
  });

  it('rejects an invalid IBAN', async () => {
    expect(await codeOf(getDb().transaction(({ sql }) => commitBudgetAndSchedule(sql, decision({ iban: 'KZ00KSP0000000000123' }))))).toBe('VALIDATION');
  });

  it('will not set an allocation below what is already committed', async () => {
    expect(await codeOf(setAllocation(ctx, { year: 2025, allocatedTiyn: 1_00 }))).toBe('BUDGET_EXCEEDED');
  });
});

describe.runIf(postgresUrl())('the budget under concurrent decisions on PostgreSQL (p.21)', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  beforeAll(async () => {
    handle = await createTestDatabase('postgres', { poolSize: 60 });
    database = handle.database;
  });
  afterAll(async () => handle.drop());

  it('never exceeds a nearly exhausted allocation when 60 decisions race for it', async () => {
    const ctx: Ctx = { database, actor: null, clock: fixedClock(at.toString()) };
    // Room for exactly 7 payments of 10,000 tenge, plus a little.
    await setAllocation(ctx, { year: 2025, allocatedTiyn: 7 * 10_000_00 + 5_000_00 });
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        codeOf(database.transaction(({ sql }) => commitBudgetAndSchedule(sql, decision({ amountTiyn: 10_000_00, recipientIin: String(900000000000 + i) })))),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(7);
    expect(outcomes.filter((o) => o === 'BUDGET_EXCEEDED')).toHaveLength(53);
    const [b] = await listBudget(database, { year: 2025 });
    expect(b!.committedTiyn).toBe(7 * 10_000_00);
    expect(b!.committedTiyn).toBeLessThanOrEqual(b!.allocatedTiyn);
    const [{ n, s }] = (await database.query<{ n: string; s: string }>('select count(*) n, sum(amount_tiyn) s from payment')) as [{ n: string; s: string }];
    expect(Number(n)).toBe(7);
    expect(Number(s)).toBe(b!.committedTiyn);
  });
});
