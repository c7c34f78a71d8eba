import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'komek-rules-evaluate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function komek(...args: string[]) {
  const r = spawnSync(join(root, 'bin/komek'), args, { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function caseFile(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('komek rules evaluate', () => {
  it('grants on ground 6.4 with the amount, the deadlines of p.12 and p.18, and the clauses applied', () => {
    const r = komek('rules', 'evaluate', '--file', 'docs/examples/grant-6.4.json', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.outcome).toBe('grant');
    expect(j.amountTiyn).toBe(5898000);
    expect(j.rulesVersion.id).toBe('35-140');
    expect(j.deadlines.map((d: { clause: string; date: string }) => `${d.clause} ${d.date}`)).toEqual(['p.12 2025-01-16', 'p.18 2025-01-27']);
    expect(j.clauses.map((c: { clause: string }) => c.clause)).toEqual(expect.arrayContaining(['p.6.4', 'p.20.3', 'p.7.9', 'SC art.127']));
  });

  it('reports a refusal under p.20.3 as a successful evaluation (exit 0) with the hearing notice deadline', () => {
    const r = komek('rules', 'evaluate', '--file', 'docs/examples/refusal-p20.3.json', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.outcome).toBe('refuse');
    expect(j.refusalGrounds).toEqual(['p.20.3']);
    expect(j.hearingRequired).toBe(true);
    expect(j.deadlines).toHaveLength(3);
  });

  it('computes 7.11 as 70 % of the 2025 guaranteed sum: 213,762.30 tenge', () => {
    const r = komek('rules', 'evaluate', '--file', 'docs/examples/sanatorium-7.11.json');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/outcome: grant, 213762\.30 KZT \(one-time\)/);
    expect(r.out).toMatch(/\[p\.7\.11\]/);
  });

  it('exits 2 naming the path of a bad field in the application', () => {
    const f = caseFile('bad.json', { application: { applicationDate: '2025-01-15', category: '7.9', family: { members: [{ incomes: [{ type: 'wages', amountTiyn: 12.5 }] }] } } });
    const r = komek('rules', 'evaluate', '--file', f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/application\.family\.members\[0\]\.incomes\[0\]\.amountTiyn/);
  });

  it('exits 2 for a file that is not JSON, a missing --file and an unknown category', () => {
    expect(komek('rules', 'evaluate', '--file', caseFile('x.json', '{ nope')).code).toBe(2);
    expect(komek('rules', 'evaluate').code).toBe(2);
    const r = komek('rules', 'evaluate', '--file', caseFile('c.json', { application: { applicationDate: '2025-01-15', category: '7.42', family: { members: [{}] } } }));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/UNKNOWN_CATEGORY/);
  });
});
