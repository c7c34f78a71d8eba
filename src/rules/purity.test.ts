/**
 * Keeps src/rules/ pure (design.md, "Rules take the date and touch nothing else"): every .ts file under it
 * may import only other files of src/rules/ (JSON data included), the npm packages `temporal-polyfill`
 * and `zod`, and `node:` modules as type-only imports. Test files may also import `vitest` and
 * `fast-check`. No file may read the clock, the environment, randomness or the network. This test file
 * itself is the one exception: it reads the source files it checks.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RULES_DIR = dirname(fileURLToPath(import.meta.url));
const SELF = fileURLToPath(import.meta.url);

const ALLOWED_PACKAGES = new Set(['temporal-polyfill', 'zod']);
const ALLOWED_IN_TESTS = new Set(['vitest', 'fast-check']);
const FORBIDDEN_CALLS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\bprocess\./, what: 'process.' },
  { pattern: /\bDate\.now\b/, what: 'Date.now' },
  { pattern: /\bnew\s+Date\s*\(/, what: 'new Date(' },
  { pattern: /\bMath\.random\b/, what: 'Math.random' },
  { pattern: /\bfetch\s*\(/, what: 'fetch(' },
  { pattern: /\brequire\s*\(/, what: 'require(' },
  { pattern: /\bTemporal\.Now\b/, what: 'Temporal.Now' },
];

function listTsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return listTsFiles(p);
    return e.isFile() && e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Removes comments so that prose like "the process environment" is not mistaken for code. */
function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

interface ImportRef {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

function importsOf(code: string): ImportRef[] {
  const refs: ImportRef[] = [];
  const fromRe = /\b(import|export)\s+(type\s+)?[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/g;
  const bareRe = /\bimport\s*['"]([^'"]+)['"]/g;
  const dynamicRe = /\bimport\s*\(\s*['"`]?([^'"`)]*)['"`]?\s*\)/g;
  for (const m of code.matchAll(fromRe)) refs.push({ specifier: m[3] ?? '', typeOnly: Boolean(m[2]) });
  for (const m of code.matchAll(bareRe)) refs.push({ specifier: m[1] ?? '', typeOnly: false });
  for (const m of code.matchAll(dynamicRe)) refs.push({ specifier: `dynamic import(${m[1] ?? ''})`, typeOnly: false });
  return refs;
}

/** Every purity violation of one file, as readable lines (empty when pure). */
export function purityViolations(file: string, source: string, rulesDir: string = RULES_DIR): string[] {
  const rel = relative(rulesDir, file);
  const isTest = file.endsWith('.test.ts');
  const code = stripComments(source);
  const problems: string[] = [];
  for (const { specifier, typeOnly } of importsOf(code)) {
    if (specifier.startsWith('dynamic import(')) {
      problems.push(`${rel}: ${specifier} is not allowed in src/rules`);
    } else if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      if (target !== rulesDir && !target.startsWith(rulesDir + sep)) problems.push(`${rel}: imports "${specifier}" from outside src/rules`);
    } else if (specifier.startsWith('node:')) {
      if (!typeOnly) problems.push(`${rel}: runtime import of "${specifier}" (only \`import type\` from node: is allowed)`);
    } else {
      const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);
      if (!ALLOWED_PACKAGES.has(pkg) && !(isTest && ALLOWED_IN_TESTS.has(pkg))) problems.push(`${rel}: imports package "${specifier}" (allowed: temporal-polyfill, zod)`);
    }
  }
  for (const { pattern, what } of FORBIDDEN_CALLS) if (pattern.test(code)) problems.push(`${rel}: uses ${what} (rules take the date and touch nothing else)`);
  return problems;
}

describe('src/rules is pure', () => {
  it('imports nothing from outside src/rules but temporal-polyfill and zod, and never reads the clock, env, randomness or network', () => {
    const files = listTsFiles(RULES_DIR).filter((f) => f !== SELF);
    expect(files.length).toBeGreaterThan(3);
    const problems = files.flatMap((f) => purityViolations(f, readFileSync(f, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('would catch each kind of violation (the checker itself can fail)', () => {
    const fake = join(RULES_DIR, 'calendar', 'fake.ts');
    const bad = [
      "import { db } from '../../db/connect';",
      "import { readFileSync } from 'node:fs';",
      "import pino from 'pino';",
      'export const now = () => Date.now();',
      'export const d = new Date(2024, 1, 1);',
      'export const r = Math.random();',
      'export const e = process.env.X;',
      "export const f = () => fetch('https://example.org');",
      "export const m = () => import('./x');",
    ];
    for (const line of bad) expect(purityViolations(fake, line), line).not.toEqual([]);
    const good = ["import type { Stats } from 'node:fs';", "import { z } from 'zod';", "import data from './kz-calendar.json';", '/** the process environment is never read */ export const x = 1;'];
    for (const line of good) expect(purityViolations(fake, line), line).toEqual([]);
  });
});
