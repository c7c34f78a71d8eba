import { expect, it, beforeAll } from 'vitest';
import { describeDb } from '../../test/db';
import { fixedClock, type Ctx } from '../context';
import { seedRuralDistricts, KOKSU_RURAL_DISTRICTS } from '../admin/seed-demo';
import { FakeMinistrySystem } from '../adapters/ministry/fake';
import { registryForm7Stager } from '../adapters/ministry-bulk/fake';
import { seedSyntheticRecipients } from './synthetic-recipients';
import { setAllocation } from './set-allocation';
import { driveHolidayRun, startHolidayRun, type HolidayRun } from './run-holiday';

/**
 * The staging of a holiday run is UNLOGGED (migration 0034): a crash of the database server empties it. A run
 * that finds its staging gone stages form 7 again and still pays every recipient exactly once, and the
 * budget (p.21) holds exactly what was paid — whichever step the staging was lost in.
 */
describeDb('a holiday run whose staging the database lost (unlogged, p.10, p.21, p.25)', (getDb) => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = { database: getDb(), actor: null, clock: fixedClock('2025-09-01T05:00:00Z') };
    await seedRuralDistricts(getDb(), KOKSU_RURAL_DISTRICTS);
    await seedSyntheticRecipients(getDb(), { count: 600, category: 'age-pensioner', secondCategory: 'age-pensioner' });
  });

  /** Who must be paid, straight from the registry: alive, benefit in force on the day, with an account. */
  async function expectedRecipients(date: string): Promise<number> {
    const [r] = await getDb().query<{ n: string }>(
      `select count(distinct p.iin) n from reg_person p join reg_benefit b on b.person_id = p.id
        where b.category = 'age-pensioner' and (p.death_date is null or p.death_date > $1::date) and b.date_from <= $1::date
          and (b.date_to is null or b.date_to >= $1::date) and b.iban is not null`,
      [date],
    );
    return Number(r!.n);
  }

  /** Drives the run until `when` holds after a step, empties its staging as a server crash would, and drives it to the end. */
  async function loseStagingWhen(year: number, when: (run: HolidayRun) => boolean): Promise<HolidayRun> {
    await setAllocation(ctx, { year, allocatedTiyn: 1_000_000_000_00 });
    const started = await startHolidayRun(ctx, { date: `${year}-10-01` });
    const stop = new AbortController();
    const options = { pageSize: 100, batchSize: 50, stager: registryForm7Stager };
    const stopped = await driveHolidayRun(ctx, new FakeMinistrySystem({ database: getDb() }), started.runId, { ...options, signal: stop.signal, onProgress: (r) => void (when(r) && stop.abort()) });
    expect(stopped.status).not.toBe('done');
    await getDb().query('delete from holiday_candidate where run_id = $1', [started.runId]);
    return driveHolidayRun(ctx, new FakeMinistrySystem({ database: getDb() }), started.runId, options);
  }

  async function expectPaidOnce(run: HolidayRun, year: number): Promise<void> {
    const expected = await expectedRecipients(`${year}-10-01`);
    expect(run.status).toBe('done');
    expect(run.recipients).toBe(expected);
    expect(run.payments).toBe(expected);
    expect(run.alreadyPaid).toBe(0);
    const [paid] = await getDb().query<{ n: string; iins: string; s: string }>('select count(*) n, count(distinct recipient_iin) iins, sum(amount_tiyn)::text s from payment where run_id = $1', [run.runId]);
    expect(Number(paid!.n)).toBe(expected);
    expect(Number(paid!.iins)).toBe(expected);
    expect(Number(paid!.s)).toBe(run.totalTiyn);
    expect(run.committedTiyn).toBe(run.totalTiyn);
    const [budget] = await getDb().query<{ committed: string }>('select committed_tiyn::text as committed from budget_allocation where year = $1', [year]);
    expect(Number(budget!.committed)).toBe(run.totalTiyn);
    const [audit] = await getDb().query<{ n: string }>(`select count(*) n from audit_entry where target_id = $1 and payload like '%stagingLost%'`, [run.runId]);
    expect(Number(audit!.n)).toBe(1);
  }

  it('is an unlogged table', async () => {
    const [t] = await getDb().query<{ p: string }>(`select relpersistence as p from pg_class where relname = 'holiday_candidate'`);
    expect(t!.p).toBe('u');
  });

  it('lost while creating payments: stages again, releases the unpaid commitment and pays the rest once', async () => {
    await expectPaidOnce(await loseStagingWhen(2025, (r) => r.status === 'creating' && r.payments > 0), 2025);
  });

  it('lost while staging: stages again from the first range', async () => {
    await expectPaidOnce(await loseStagingWhen(2026, (r) => r.status === 'fetching' && r.fetchedRows > 200), 2026);
  });

  it('lost before the budget step: stages again before committing anything', async () => {
    await expectPaidOnce(await loseStagingWhen(2027, (r) => r.status === 'budget'), 2027);
  });
});
