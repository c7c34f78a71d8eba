/**
 * The web app stays off server code (design.md §14): its files import only each other, packages, and
 * the few shared files that import nothing themselves (src/auth/roles.ts). The server is reached only over
 * HTTP through api-client.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const srcDir = resolve(webDir, '..');
/**
 * Files outside src/web the web app may import: contracts shared with the server that import no other
 * project file (roles; the explanation vocabulary rules use to cite clauses, for showing traces).
 */
const SHARED = ['auth/roles', 'rules/explain', 'cases/statuses'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('the web app import boundary', () => {
  it('imports nothing from server code', () => {
    const outside: string[] = [];
    for (const file of sources(webDir)) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = (m[1] ?? m[2]) as string;
        if (!spec.startsWith('.')) continue;
        const target = resolve(file, '..', spec);
        if (target.startsWith(webDir)) continue;
        const rel = relative(srcDir, target).replace(/\.tsx?$/, '');
        if (!SHARED.includes(rel)) outside.push(`${relative(srcDir, file)} → ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('keeps the shared files free of project imports, so they cannot pull server code in', () => {
    for (const shared of SHARED) {
      const code = readFileSync(join(srcDir, `${shared}.ts`), 'utf8');
      expect(code, shared).not.toMatch(/^\s*import\s[^;]*from\s+['"]\./m);
    }
  });
});
