/**
 * `komek payments reconcile` prints the reconciliation of the payment lifecycle (p.21, p.26–p.31) for a
 * range of payment dates or months — as text for a person, as JSON equal to the use case's result — and
 * refuses a malformed date with the usage exit code.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connect';
import { migrate } from '../../db/migrate';
import { fixedClock, type Ctx } from '../../context';
import { KOKSU_RURAL_DISTRICTS, seedRuralDistricts } from '../../admin/seed-demo';
import { seedSyntheticRecipients } from '../../payments/synthetic-recipients';
import { setAllocation } from '../../payments/set-allocation';
import { driveHolidayRun, startHolidayRun } from '../../payments/run-holiday';
import { FakeMinistrySystem } from '../../adapters/ministry/fake';
import { reconcilePayments } from '../../payments/reconcile';

const KOMEK = fileURLToPath(new URL('../../../bin/komek', import.meta.url));

/** `./bin/komek` on the embedded database only (DATABASE_URL removed). */
function komek(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(KOMEK, args, { env, timeout: 120_000 }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }));
  });
}

describe('komek payments reconcile', () => {
  let dir: string;
  let expected: Awaited<ReturnType<typeof reconcilePayments>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'komek-recon-'));
    const database = await openDatabase({ dataDir: dir });
    try {
      await migrate(database);
      await seedRuralDistricts(database, KOKSU_RURAL_DISTRICTS);
      await seedSyntheticRecipients(database, { count: 300, category: 'age-pensioner' });
      const ctx: Ctx = { database, actor: null, clock: fixedClock('2025-09-01T05:00:00Z') };
      await setAllocation(ctx, { year: 2025, allocatedTiyn: 1_000_000_000_00 });
      const run = await startHolidayRun(ctx, { date: '2025-10-01' });
      await driveHolidayRun(ctx, new FakeMinistrySystem({ database }), run.runId);
      expected = await reconcilePayments(database, { fromDate: '2025-10-01', toDate: '2025-10-01' }, { differencesLimit: 5 });
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the reconciliation of a holiday run as JSON, the same as the use case gives', async () => {
    const r = await komek('payments', 'reconcile', '--from', '2025-10-01', '--to', '2025-10-01', '--differences', '5', '--data-dir', dir, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as typeof expected;
    expect(out).toEqual(expected);
    expect(out.totals.payments).toBeGreaterThan(250);
    expect(out.totals.decidedTiyn).toBe(out.budget[0]!.committedTiyn);
    expect(out.differencesTotal).toBe(out.totals.payments);
    expect(out.differences).toHaveLength(5);
    expect(out.differences[0]!.waitingFor).toBe('demand');
  }, 120_000);

  it('prints it as text, selects nothing outside the dates, and refuses a malformed date', async () => {
    const text = await komek('payments', 'reconcile', '--from', '2025-10', '--to', '2025-10', '--data-dir', dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Payments ${expected.totals.payments}: decided ${(expected.totals.decidedTiyn / 100).toFixed(2)} KZT`);
    expect(text.stdout).toMatch(/Budget 2025 451-007: .*consistent\./);
    const before = JSON.parse((await komek('payments', 'reconcile', '--to', '2025-09-30', '--data-dir', dir, '--json')).stdout) as typeof expected;
    expect(before.totals.payments).toBe(0);
    const bad = await komek('payments', 'reconcile', '--from', '1 Oct', '--data-dir', dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from must be YYYY-MM or YYYY-MM-DD');
  }, 120_000);
});
