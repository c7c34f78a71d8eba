/**
 * `komek notifications dispatch` and `komek documents sample`, run as a user would: a decided case with
 * an unregistered mobile number is in the outbox of a PGlite data directory; the dispatcher finds the
 * number is not in the mobile-citizens database and queues the notice for print. The sample command
 * writes a demo form 4 that extracts as Kazakh text.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { openDatabase } from '../../db/connect';
import { migrate } from '../../db/migrate';
import { seedRuralDistricts, KOKSU_RURAL_DISTRICTS } from '../../admin/seed-demo';
import { insertDecidedCase } from '../../../test/decided-case';
import { enqueueDecisionNotice } from '../../notifications/enqueue-decision-notice';

const KOMEK = fileURLToPath(new URL('../../../bin/komek', import.meta.url));
function komek(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(KOMEK, args, { timeout: 120_000, env: { ...process.env, DATABASE_URL: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'komek-cli-notices-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('komek notifications dispatch', () => {
  it('queues for print a notice whose number is not in the mobile-citizens database, and is idempotent', async () => {
    const dataDir = join(dir, 'data');
    const database = await openDatabase({ dataDir });
    let applicationId = '';
    try {
      await migrate(database);
      await seedRuralDistricts(database, KOKSU_RURAL_DISTRICTS);
      await database.transaction(async ({ sql }) => {
        const c = await insertDecidedCase(sql, { outcome: 'refuse', mobile: '+77001112233' });
        applicationId = c.applicationId;
        await enqueueDecisionNotice(sql, { applicationId: c.applicationId, decisionId: c.decisionId, outcome: 'refuse', phone: '+77001112233', portal: false, at: Temporal.Instant.from('2025-03-14T06:00:00Z') });
      });
    } finally {
      await database.close();
    }
    const first = await komek('notifications', 'dispatch', '--data-dir', dataDir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Handled 1: sent 0, delivered 0, failed 1, retried later 0, queued for print 1.');
    const again = await komek('notifications', 'dispatch', '--data-dir', dataDir);
    expect(again.stdout).toContain('Handled 0:');
    const check = await openDatabase({ dataDir });
    try {
      const rows = await check.query<{ channel: string; status: string }>('select channel, status from notification where application_id = $1 order by id', [applicationId]);
      expect(rows).toEqual([{ channel: 'sms', status: 'failed' }, { channel: 'print', status: 'queued' }]);
    } finally {
      await check.close();
    }
    expect((await komek('notifications', 'dispatch', '--limit', '0', '--data-dir', dataDir)).code).toBe(2);
  }, 240_000);
});

describe('komek documents sample', () => {
  it('writes a demo form 4 in Kazakh and refuses an unknown form', async () => {
    const out = join(dir, 'f4.pdf');
    const r = await komek('documents', 'sample', '--form', '4', '--lang', 'kk', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    if (spawnSync('pdftotext', ['-v']).status === 0) {
      const text = spawnSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('ТУРАЛЫ ШЕШІМ');
      expect(text).toContain('СИНТЕТИКАЛЫҚ ДЕРЕКТЕР');
    } else console.warn('SKIPPED: pdftotext not installed; text of the sample not checked');
    expect((await komek('documents', 'sample', '--form', '9', '--lang', 'kk', '--out', out)).code).toBe(2);
  }, 120_000);
});
