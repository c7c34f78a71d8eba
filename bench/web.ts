/**
 * Web app figures: production build time, bundle size (raw and gzip), and — when Chromium is installed —
 * the browser harness's start-up (server on a fresh data dir + browser) and time to a signed-in shell.
 * Prints `BENCH <metric> <value>` lines. Run: npx tsx bench/web.ts
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromiumAvailable, startBrowserApp } from '../test/e2e/harness';

const root = fileURLToPath(new URL('..', import.meta.url));
const bench = (metric: string, value: number) => console.log(`BENCH ${metric} ${Math.round(value * 10) / 10}`);

let t = performance.now();
const build = spawnSync('npx', ['vite', 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
bench('web_build_ms', performance.now() - t);

const assets = join(root, 'dist/web/assets');
let js = 0;
let jsGzip = 0;
let css = 0;
let cssGzip = 0;
for (const name of readdirSync(assets)) {
  const path = join(assets, name);
  if (name.endsWith('.js')) {
    js += statSync(path).size;
    jsGzip += gzipSync(readFileSync(path)).length;
  } else if (name.endsWith('.css')) {
    css += statSync(path).size;
    cssGzip += gzipSync(readFileSync(path)).length;
  }
}
bench('web_js_kb', js / 1024);
bench('web_js_gzip_kb', jsGzip / 1024);
bench('web_css_kb', css / 1024);
bench('web_css_gzip_kb', cssGzip / 1024);

if (!chromiumAvailable) {
  console.error('bench/web.ts: /usr/bin/chromium not found; browser figures skipped');
  process.exit(0);
}
t = performance.now();
const app = await startBrowserApp();
bench('e2e_start_ms', performance.now() - t);
try {
  const page = await app.newPage();
  t = performance.now();
  await app.open(page);
  bench('signin_page_ready_ms', performance.now() - t);
  t = performance.now();
  await app.signIn(page, 'admin');
  bench('signin_to_shell_ms', performance.now() - t);
  t = performance.now();
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
  bench('audit_page_first_rows_ms', performance.now() - t);
} finally {
  await app.stop();
}
