#!/usr/bin/env node
// Builds the web app into dist/web when its sources are newer than the last build (run on install and
// by `npm start`), so no separate dev server is needed to use Komek.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const config = join(root, 'src/web/vite.config.ts');
const out = join(root, 'dist/web/index.html');
if (!existsSync(config)) process.exit(0);
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const sources = Math.max(newest(join(root, 'src/web')), statSync(join(root, 'src/auth/roles.ts')).mtimeMs);
if (existsSync(out) && statSync(out).mtimeMs >= sources && !process.argv.includes('--force')) process.exit(0);
console.error('komek: building the web app…');
const r = spawnSync('npx', ['vite', 'build', '--config', config, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
