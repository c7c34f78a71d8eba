import { expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import { describeDb } from '../../../test/db';
import { fixedClock, type Ctx } from '../../context';
import { checkIban, makeValidIban } from '../../rules/identifiers';
import { seedRuralDistricts, KOKSU_RURAL_DISTRICTS } from '../../admin/seed-demo';
import { seedSyntheticRecipients } from '../../payments/synthetic-recipients';
import { setAllocation } from '../../payments/set-allocation';
import { driveHolidayRun, startHolidayRun } from '../../payments/run-holiday';
import { FakeMinistrySystem } from '../ministry/fake';
import { registryForm7Stager } from './fake';

describeDb('the bulk form 7 path stages exactly what paging through the ministry port gives (contract)', (getDb) => {
  let ctx: Ctx;
  beforeAll(async () => {
    ctx = { database: getDb(), actor: null, clock: fixedClock('2025-09-01T05:00:00Z') };
    await seedRuralDistricts(getDb(), KOKSU_RURAL_DISTRICTS);
    await seedSyntheticRecipients(getDb(), { count: 3_000, category: 'age-pensioner', secondCategory: 'age-pensioner' });
    // A row whose IBAN has the right shape but a wrong check: excluded by both paths.
    await getDb().query(`update reg_benefit set iban = 'KZ00125' || substr(iban, 8) where id = 5`);
    await setAllocation(ctx, { year: 2025, allocatedTiyn: 1_000_000_000_00 });
  });

  it('gives the same recipients, amounts, categories and accounts', async () => {
    const paged = await startHolidayRun(ctx, { date: '2025-10-01' });
    const a = await driveHolidayRun(ctx, new FakeMinistrySystem({ database: getDb() }), paged.runId, { pageSize: 700 });
    await getDb().query(
      `insert into payment_run (id, kind, run_key, holiday_date, holiday_code, categories, programme, status, started_at, updated_at)
       values ('00000000-0000-0000-0000-00000000000b', 'holiday', 'contract-bulk', '2025-10-01', '10-01', '["single-pensioners"]', '451-007', 'fetching', now(), now())`,
    );
    const b = await driveHolidayRun(ctx, new FakeMinistrySystem({ database: getDb() }), '00000000-0000-0000-0000-00000000000b', { pageSize: 700, stager: registryForm7Stager });
    expect(b.recipients).toBe(a.recipients);
    expect(b.excludedDead).toBe(a.excludedDead);
    expect(b.excludedNoAccount).toBe(a.excludedNoAccount);
    expect(a.excludedNoAccount).toBeGreaterThan(0);
    const q = `select iin, category, iban, amount_tiyn::text from holiday_candidate where run_id = $1 order by iin`;
    expect(await getDb().query(q, [b.runId])).toEqual(await getDb().query(q, [a.runId]));
    // The second run finds every recipient already paid under the same holiday basis.
    expect(b.payments).toBe(0);
    expect(b.alreadyPaid).toBe(a.payments);
  });

  it('checks IBANs in SQL exactly as the rules core does (property)', async () => {
    const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
    const valid = fc.tuple(fc.array(alnum, { minLength: 3, maxLength: 3 }), fc.array(alnum, { minLength: 13, maxLength: 13 })).map(([b, a]) => makeValidIban(b.join(''), a.join('')));
    const mutated = valid.chain((v) => fc.tuple(fc.nat(19), alnum).map(([i, c]) => v.slice(0, i) + c + v.slice(i + 1)));
    // The usual all-digit IBANs take the bigint path of migration 0033; the others the general path.
    const digit = fc.constantFrom(...'0123456789'.split(''));
    const digits = fc.tuple(fc.array(digit, { minLength: 3, maxLength: 3 }), fc.array(digit, { minLength: 13, maxLength: 13 })).map(([b, a]) => makeValidIban(b.join(''), a.join('')));
    const digitsMutated = fc.tuple(digits, fc.nat(19), digit).map(([v, i, c]) => v.slice(0, i) + c + v.slice(i + 1));
    const samples = [
      ...fc.sample(fc.oneof(valid, mutated, digits, digitsMutated, fc.string({ minLength: 18, maxLength: 22 }).map((s) => s.toUpperCase())), 1000),
      'KZ00000000000000000000', 'KZ99999999999999999999', 'kz86125KZT5004100100', 'KZ8612500000000000001', 'KZ86125000000000000',
    ];
    const rows = await getDb().query<{ ok: boolean }>('select komek_iban_ok(x) as ok from unnest($1::text[]) with ordinality as t(x, i) order by i', [samples]);
    expect(rows.map((r) => r.ok === true)).toEqual(samples.map((s) => checkIban(s).valid && s === checkIban(s).iban));
  });
});
