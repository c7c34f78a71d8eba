/**
 * The compiler cannot see these boundaries, so this test holds them (design.md, house style 10 and 14):
 * only src/config.ts interprets the environment; the web app imports no server code; use cases take
 * the time from the injected clock, never from the machine.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

const SRC = join(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const files = sourceFiles(SRC).map((p) => ({ path: relative(SRC, p), text: readFileSync(p, 'utf8') }));

describe('the architecture', () => {
  it('reads the environment only in src/config.ts', () => {
    const offenders = files.filter((f) => f.path !== 'config.ts' && /process\.env\b/.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('keeps the web app off server code (it may share only files that import nothing: roles, statuses, explanation types)', () => {
    const allowed = new Set(['auth/roles.ts', 'rules/explain.ts', 'cases/statuses.ts']);
    const offenders: string[] = [];
    for (const f of files.filter((x) => x.path.startsWith('web/'))) {
      for (const m of f.text.matchAll(/^\s*import[^'"]*['"](\.[^'"]+)['"]/gm)) {
        const target = relative(SRC, resolve(dirname(join(SRC, f.path)), m[1]!));
        if (!target.startsWith('web/') && !allowed.has(target) && !allowed.has(`${target}.ts`)) offenders.push(`${f.path} → ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('takes the time in use cases from the injected clock', () => {
    const layers = ['cases/', 'payments/', 'admin/', 'notifications/', 'http/'];
    const offenders = files
      .filter((f) => layers.some((l) => f.path.startsWith(l)))
      .filter((f) => /Date\.now\(\)|new Date\(\)|Temporal\.Now\./.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});
