import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const KOMEK = fileURLToPath(new URL('../../../bin/komek', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../rules/districts/sample-fictional.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'komek-rules-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `./bin/komek` on the embedded database in a temporary directory (never DATABASE_URL). */
function komek(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(KOMEK, [...args, '--data-dir', join(dir, 'data')], { timeout: 120_000, env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('komek rules export | import | impact', () => {
  it('exports the configuration in force, which imports again as a draft; the fictional sample imports too', async () => {
    const out = join(dir, 'export.json');
    const exported = await komek('rules', 'export', '--out', out, '--date', '2025-06-01');
    expect(exported.code).toBe(0);
    const config = JSON.parse(readFileSync(out, 'utf8')) as { code: string; rulesVersions: { id: string }[] };
    expect(config.code).toBe('koksu');
    expect(config.rulesVersions.map((v) => v.id)).toContain('35-140');
    const again = await komek('rules', 'import', '--file', out);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/as draft koksu:35-140/);
    const sample = await komek('rules', 'import', '--file', SAMPLE);
    expect(sample.code).toBe(0);
    expect(sample.stdout).toMatch(/sample-fictional\.json as draft/);
  }, 240_000);

  it('refuses a malformed file with exit 2 naming the file, the path and the problem', async () => {
    const bad = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { rulesVersions: { effectiveFrom: string }[] };
    bad.rulesVersions[0]!.effectiveFrom = '2025-02-30';
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = await komek('rules', 'import', '--file', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.json: rulesVersions\[0\]\.effectiveFrom: not a calendar date/);
  }, 120_000);

  it('impact --json gives the totals under the version in force and under the draft', async () => {
    const draft = JSON.parse(readFileSync(join(dir, 'export.json'), 'utf8'));
    const r = await komek('rules', 'impact', '--draft', join(dir, 'export.json'), '--as-of', '2025-06-01', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['current', 'draft', 'gained', 'lost']));
    expect(j.current).toMatchObject({ eligibleHouseholds: expect.any(Number), yearlyCostTiyn: expect.any(Number) });
    // The same configuration as the one in force changes nobody's assistance.
    expect([j.gained, j.lost]).toEqual([0, 0]);
    expect(draft.code).toBe('koksu');
  }, 120_000);
});
