import { expect, it, beforeAll } from 'vitest';
import { describeDb } from '../../test/db';
import { fixedClock, type Ctx } from '../context';
import { seedRuralDistricts, KOKSU_RURAL_DISTRICTS } from '../admin/seed-demo';
import { createFakeSmsGateway } from '../adapters/sms/fake';
import { registryPhones } from '../adapters/mobile-citizens/registry-phones';
import { registryForm7Stager } from '../adapters/ministry-bulk/fake';
import { FakeMinistrySystem } from '../adapters/ministry/fake';
import { seedSyntheticRecipients } from './synthetic-recipients';
import { setAllocation } from './set-allocation';
import { driveHolidayRun, startHolidayRun } from './run-holiday';
import { notifyHolidayPayments } from './notify-holiday-payments';

describeDb('notices of holiday payments made without applications (p.10)', (getDb) => {
  let ctx: Ctx;
  let runId = '';
  beforeAll(async () => {
    ctx = { database: getDb(), actor: null, clock: fixedClock('2025-09-20T05:00:00Z') };
    await seedRuralDistricts(getDb(), KOKSU_RURAL_DISTRICTS);
    await seedSyntheticRecipients(getDb(), { count: 600, category: 'age-pensioner' });
    await setAllocation(ctx, { year: 2025, allocatedTiyn: 1_000_000_000_00 });
    const run = await driveHolidayRun(ctx, new FakeMinistrySystem({ database: getDb() }), (await startHolidayRun(ctx, { date: '2025-10-01' })).runId, { stager: registryForm7Stager });
    runId = run.runId;
  });

  it('texts every paid recipient with a registered number once, in Kazakh and Russian, and marks the rest', async () => {
    const sms = createFakeSmsGateway();
    const deps = { database: getDb(), clock: ctx.clock, sms, phones: registryPhones(getDb()) };
    const r = await notifyHolidayPayments(deps, { runId, pageSize: 100 });
    const [expected] = await getDb().query<{ n: string }>(`select count(*) n from payment x join reg_person p on p.iin = x.recipient_iin where x.run_id = $1 and p.phone_registered`, [runId]);
    expect(r.sent).toBe(Number(expected!.n));
    expect(r.sent).toBeGreaterThan(0);
    expect(sms.sent).toHaveLength(r.sent);
    expect(sms.sent[0]!.text).toContain('Қарттар күні');
    expect(sms.sent[0]!.text).toContain('Вам назначена');
    const again = await notifyHolidayPayments(deps, { runId });
    expect(again).toEqual({ sent: 0, withoutPhone: 0, retryLater: 0 });
    const [left] = await getDb().query<{ n: string }>(`select count(*) n from payment where run_id = $1 and notice = 'queued'`, [runId]);
    expect(Number(left!.n)).toBe(0);
  });
});
