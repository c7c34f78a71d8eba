import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connect';
import { migrate } from '../../db/migrate';
import { seedRuralDistricts, KOKSU_RURAL_DISTRICTS } from '../../admin/seed-demo';
import { seedSyntheticRecipients } from '../../payments/synthetic-recipients';
import { setAllocation } from '../../payments/set-allocation';
import { fixedClock } from '../../context';

const KOMEK = fileURLToPath(new URL('../../../bin/komek', import.meta.url));
const RECIPIENTS = 40_000;

interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `./bin/komek` on the embedded database only (DATABASE_URL removed); `killWhen` sends SIGKILL when stderr matches. */
function komek(args: string[], killWhen?: RegExp): Promise<Spawned> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    const child = spawn(KOMEK, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (killWhen && killWhen.test(stderr) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('komek payments holiday-run survives SIGKILL at any point (durable work)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'komek-holiday-'));
    const database = await openDatabase({ dataDir: dir });
    await migrate(database);
    await seedRuralDistricts(database, KOKSU_RURAL_DISTRICTS);
    await seedSyntheticRecipients(database, { count: RECIPIENTS, category: 'age-pensioner', secondCategory: 'age-pensioner' });
    await setAllocation({ database, actor: null, clock: fixedClock('2025-09-01T05:00:00Z') }, { year: 2025, allocatedTiyn: 100_000_000_000_00 });
    await database.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('killed while fetching and again while creating payments, the re-run pays every eligible recipient exactly once', async () => {
    const args = ['payments', 'holiday-run', '--date', '2025-10-01', '--data-dir', dir, '--json', '--page-size', '1000', '--batch-size', '2000'];
    const first = await komek(args, /progress fetching fetched=[1-9]\d{3,}/);
    expect(first.signal).toBe('SIGKILL');
    const second = await komek(args, /progress creating .*payments=[1-9]\d{3,}/);
    expect(second.signal).toBe('SIGKILL');
    const third = await komek(args);
    expect(third.code).toBe(0);
    const out = JSON.parse(third.stdout) as { runId: string; recipients: number; payments: number; totalTiyn: number; status: string };
    expect(out.status).toBe('done');

    const database = await openDatabase({ dataDir: dir });
    try {
      // Who should be paid, straight from the registry: alive, benefit in force on the day, with an account.
      const [expected] = await database.query<{ n: string }>(
        `select count(distinct p.iin) n from reg_person p join reg_benefit b on b.person_id = p.id
          where b.category = 'age-pensioner' and (p.death_date is null or p.death_date > '2025-10-01') and b.date_from <= '2025-10-01'
            and (b.date_to is null or b.date_to >= '2025-10-01') and b.iban is not null`,
      );
      const [paid] = await database.query<{ n: string; iins: string; s: string }>(`select count(*) n, count(distinct recipient_iin) iins, sum(amount_tiyn)::text s from payment where basis = 'holiday:10-01'`);
      expect(Number(paid!.n)).toBe(Number(expected!.n));
      expect(Number(paid!.iins)).toBe(Number(paid!.n));
      expect(out.recipients).toBe(Number(expected!.n));
      expect(out.payments).toBe(Number(expected!.n));
      expect(out.totalTiyn).toBe(Number(paid!.s));
      const [dead] = await database.query<{ n: string }>(`select count(*) n from payment x join reg_person p on p.iin = x.recipient_iin where p.death_date is not null`);
      expect(Number(dead!.n)).toBe(0);
      const [budget] = await database.query<{ committed_tiyn: string }>('select committed_tiyn from budget_allocation where year = 2025');
      expect(Number(budget!.committed_tiyn)).toBe(Number(paid!.s));
    } finally {
      await database.close();
    }

    const again = await komek(args);
    expect(JSON.parse(again.stdout)).toEqual(out);
  }, 300_000);
});
