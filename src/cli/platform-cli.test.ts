/** The platform commands, run as a user would run them: `./bin/komek …` in a child process. */
import { describe, expect, it, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/connect';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'komek-cli-'));
const env = { ...process.env, DATABASE_URL: '', KOMEK_LOG_LEVEL: 'silent' };
function komek(args: string[], extra: Record<string, string> = {}, input?: string) {
  return spawnSync(join(ROOT, 'bin/komek'), args, { cwd: ROOT, env: { ...env, ...extra }, encoding: 'utf8', input });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the komek command', () => {
  it('lists its commands and explains each with --help', () => {
    const all = komek(['--help']);
    expect(all.status).toBe(0);
    for (const c of ['serve', 'migrate', 'seed demo', 'user add', 'audit verify']) expect(all.stdout).toContain(`komek ${c}`);
    const help = komek(['user', 'add', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--role');
  });

  it('exits 2 on an unknown command or option', () => {
    expect(komek(['fly']).status).toBe(2);
    expect(komek(['migrate', '--colour']).status).toBe(2);
  });

  it('migrates, seeds, adds a user and verifies the audit chain; then detects tampering', async () => {
    expect(komek(['migrate', '--data-dir', dir]).stdout).toContain('Applied: 0001_platform');
    expect(komek(['migrate', '--data-dir', dir]).stdout).toContain('up to date');
    expect(komek(['seed', 'demo', '--persons', '0', '--data-dir', dir]).status).toBe(0);
    const add = komek(['user', 'add', '--username', 'aigerim', '--full-name', 'Айгерім Сапарова', '--role', 'SPECIALIST', '--data-dir', dir], {}, 'a-long-password\n');
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    const dup = komek(['user', 'add', '--username', 'aigerim', '--full-name', 'X', '--role', 'HEAD', '--data-dir', dir], { KOMEK_NEW_PASSWORD: 'a-long-password' });
    expect(dup.status).toBe(2);
    expect(dup.stderr).toContain('USERNAME_TAKEN');
    const ok = komek(['audit', 'verify', '--json', '--data-dir', dir]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true });

    const db = await openDatabase({ dataDir: dir });
    await db.exec('alter table audit_entry disable trigger audit_entry_no_update');
    await db.exec("update audit_entry set payload = replace(payload, 'aigerim', 'hacker') where action = 'user.add' and payload like '%aigerim%'");
    await db.close();
    const broken = komek(['audit', 'verify', '--data-dir', dir]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN at entry \d+ .*hash does not match the payload/);
  }, 120_000);
});
