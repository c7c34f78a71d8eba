/**
 * Browser-test harness: starts a real Komek server on a free port with a fresh data directory (migrated
 * and seeded with the synthetic demo users), drives Debian's Chromium through playwright-core with a
 * fresh profile, and stops everything afterwards.
 *
 *   import { describeBrowser, useBrowserApp } from './harness';
 *   describeBrowser('cases screen', () => {
 *     const app = useBrowserApp();
 *     it('…', async () => {
 *       const page = await app().newPage();
 *       await app().signIn(page, 'specialist');
 *       await app().screenshot(page, 'cases-list');
 *     });
 *   });
 *
 * Without /usr/bin/chromium the suites are skipped with a loud message (CI installs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { startServerProcess, type ServerProcess } from '../server-process';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
export const DEMO_PASSWORD = 'komek-demo';
export const DEMO_USERS = ['specialist', 'head', 'akim', 'statecorp', 'precinct', 'special', 'accountant', 'auditor', 'admin'] as const;
export type DemoUser = (typeof DEMO_USERS)[number];

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = join(ROOT, 'artifacts', 'screenshots');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** `describe`, or a loud skip when Chromium is not installed. */
export function describeBrowser(name: string, fn: () => void): void {
  if (chromiumAvailable) {
    describe(name, fn);
    return;
  }
  console.error(
    `\n!!! BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} not found — "${name}" did not run.\n!!! Install Debian's chromium (apt-get install chromium) to run test/e2e.\n`,
  );
  describe.skip(name, fn);
}

export interface BrowserAppOptions {
  /** Extra environment for the server, e.g. `{ KOMEK_LOGIN_MAX_FAILURES: '3' }`. */
  readonly env?: Readonly<Record<string, string>>;
  /** Browser viewport; a common office laptop size by default. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

export interface BrowserApp {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly dataDir: string;
  /** The browser context (one fresh profile for the suite). */
  readonly context: BrowserContext;
  /** A new tab; with `fresh`, cookies and the app's localStorage are cleared first. */
  newPage(options?: { fresh?: boolean }): Promise<Page>;
  /** Waits until no page or table is still loading (the app's loading indicators are gone). */
  settle(page: Page): Promise<void>;
  /** Opens `path` of the app and waits until the app has rendered. */
  open(page: Page, path?: string): Promise<void>;
  /** Signs `user` in through the sign-in form and waits for the shell's navigation. */
  signIn(page: Page, user: DemoUser | string, password?: string): Promise<void>;
  /** Signs out through the header button and waits for the sign-in form. */
  signOut(page: Page): Promise<void>;
  /**
   * Uncaught page errors and console errors of `page` since it opened (CSP violations, React errors…);
   * the browser's own "Failed to load resource" lines for expected HTTP errors (401, 403) are left out.
   */
  problems(page: Page): string[];
  /** Saves a full-page PNG to artifacts/screenshots/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** The server's output so far (printed automatically when startup fails). */
  serverLog(): string;
  stop(): Promise<void>;
}

/**
 * Builds the web app if its sources changed (the server serves dist/web as it finds it at start). Test
 * files run in parallel workers, so one build at a time: a lock directory, taken atomically by mkdir.
 */
export async function buildWeb(): Promise<void> {
  const lock = join(ROOT, 'dist', '.web-build.lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // another worker is building; a lock older than 3 minutes is left over from a killed run
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for ${lock}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  try {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-web.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('building the web app failed (scripts/build-web.mjs)');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Starts a server and a browser; call `stop()` when done (or use `useBrowserApp`). */
export async function startBrowserApp(options: BrowserAppOptions = {}): Promise<BrowserApp> {
  await buildWeb();
  const dataDir = mkdtempSync(join(tmpdir(), 'komek-e2e-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'komek-e2e-profile-'));
  const cleanup = () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  };

  let server: ServerProcess;
  try {
    server = await startServerProcess(dataDir, { KOMEK_LOG_LEVEL: 'info', KOMEK_DEMO_PERSONS: '3000', ...options.env }, 150_000);
  } catch (e) {
    cleanup();
    throw e;
  }
  const baseUrl = server.url;

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: options.viewport ?? { width: 1366, height: 800 },
      baseURL: baseUrl,
    });
  } catch (e) {
    await server.kill();
    cleanup();
    throw e;
  }
  // The persistent context opens one blank tab; tests open their own.
  for (const p of context.pages()) await p.close();

  const problems = new WeakMap<Page, string[]>();
  const watch = (page: Page) => {
    const list: string[] = [];
    problems.set(page, list);
    page.on('pageerror', (e) => list.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) list.push(`console: ${m.text()}`);
    });
    return page;
  };

  const app: BrowserApp = {
    baseUrl,
    dataDir,
    context,
    async newPage({ fresh = false } = {}) {
      if (fresh) {
        await context.clearCookies();
        const p = await context.newPage();
        await p.goto(`${baseUrl}/health`);
        await p.evaluate(() => window.localStorage.clear());
        await p.close();
      }
      return watch(await context.newPage());
    },
    async settle(page) {
      await page.waitForFunction(() => !document.querySelector('[data-testid=page-loading], [data-testid=table-loading]'), undefined, { timeout: 30_000 });
    },
    async open(page, path = '/') {
      await page.goto(baseUrl + path);
      await page.locator('[data-testid=main-nav], [data-testid=signin-submit]').first().waitFor();
      await app.settle(page);
    },
    async signIn(page, user, password = DEMO_PASSWORD) {
      if (!(await page.getByTestId('signin-submit').isVisible().catch(() => false))) await app.open(page);
      await page.getByTestId('signin-username').fill(user);
      await page.getByTestId('signin-password').fill(password);
      await page.getByTestId('signin-submit').click();
      await page.getByTestId('main-nav').waitFor();
      await app.settle(page);
    },
    async signOut(page) {
      await page.getByTestId('sign-out').click();
      await page.getByTestId('signin-submit').waitFor();
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await app.settle(page);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    problems: (page) => [...(problems.get(page) ?? [])],
    serverLog: () => server.output(),
    async stop() {
      await context.close().catch(() => undefined);
      await server.kill();
      cleanup();
    },
  };
  return app;
}

/** Starts one server + browser for the enclosing suite (beforeAll) and stops it after (afterAll). */
export function useBrowserApp(options: BrowserAppOptions = {}): () => BrowserApp {
  let app: BrowserApp | undefined;
  beforeAll(async () => {
    app = await startBrowserApp(options);
  }, 300_000);
  // When a test fails, show what the server said meanwhile: most browser failures start there.
  beforeEach(({ onTestFailed }) => {
    const from = app?.serverLog().length ?? 0;
    onTestFailed(() => {
      if (!app) return;
      const tail = app.serverLog().slice(from).slice(-8000);
      console.error(`--- komek serve output during the failed test (${app.baseUrl}) ---\n${tail || '(none)'}`);
    });
  });
  afterAll(async () => {
    await app?.stop();
  });
  return () => {
    if (!app) throw new Error('the browser app has not started (see the beforeAll error above)');
    return app;
  };
}

export interface ClockedBrowserOptions {
  /** Names the temporary data directory (komek-e2e-<name>-…). */
  readonly name: string;
  /** The server's environment, KOMEK_CLOCK_START aside. */
  readonly env: Readonly<Record<string, string>>;
  /** The server clock's start at the first start, e.g. `2026-12-07T10:00:00+05:00`. */
  readonly clockStart: string;
  readonly viewport: { readonly width: number; readonly height: number };
}

/** A suite's server on one data directory, restartable with its clock moved, and its browser (see useClockedBrowser). */
export interface ClockedBrowser {
  /** The server's data directory (kept across restarts). */
  readonly dataDir: string;
  /** Uncaught page errors and console errors of every page opened through `newPage`. */
  readonly problems: string[];
  context(): BrowserContext;
  /** The running server's `http://127.0.0.1:<port>`. */
  url(): string;
  /** Stops the server and starts it again on the same data with its clock at `clockStart`; returns its new URL. */
  restartAt(clockStart: string): Promise<string>;
  /** A new tab whose problems are collected in `problems`. */
  newPage(): Promise<Page>;
  /** Clears the cookies and signs `user` in through the sign-in form at `base`. */
  signIn(page: Page, base: string, user: string): Promise<void>;
}

/**
 * For stories that span days: a server on one data directory with its clock set (KOMEK_CLOCK_START) that
 * a test stops and starts again with its clock moved, and one browser profile — started in beforeAll,
 * stopped and removed in afterAll.
 */
export function useClockedBrowser(options: ClockedBrowserOptions): ClockedBrowser {
  const dataDir = mkdtempSync(join(tmpdir(), `komek-e2e-${options.name}-`));
  const profileDir = mkdtempSync(join(tmpdir(), 'komek-e2e-profile-'));
  let server: ServerProcess | undefined;
  let context: BrowserContext | undefined;
  const problems: string[] = [];
  const start = async (clockStart: string) => {
    server = await startServerProcess(dataDir, { ...options.env, KOMEK_CLOCK_START: clockStart }, 240_000);
    return server.url;
  };

  beforeAll(async () => {
    await buildWeb();
    await start(options.clockStart);
    context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS], viewport: options.viewport });
    for (const p of context.pages()) await p.close();
  }, 400_000);
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  });

  return {
    dataDir,
    problems,
    context: () => context!,
    url: () => server!.url,
    async restartAt(clockStart) {
      await server!.kill();
      return start(clockStart);
    },
    async newPage() {
      const page = await context!.newPage();
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
      });
      page.setDefaultTimeout(60_000);
      return page;
    },
    async signIn(page, base, user) {
      await context!.clearCookies();
      await page.goto(`${base}/`);
      await page.getByTestId('signin-submit').waitFor();
      await page.getByTestId('signin-username').fill(user);
      await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
      await page.getByTestId('signin-submit').click();
      await page.getByTestId('main-nav').waitFor();
      await settlePage(page);
    },
  };
}

/** Waits (up to a minute) until no page or table is still loading. */
export const settlePage = (page: Page) => page.waitForFunction(() => !document.querySelector('[data-testid=page-loading], [data-testid=table-loading]'), undefined, { timeout: 60_000 });

/** Saves a full-page PNG of the settled page to artifacts/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await settlePage(page);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Opens a case step's form, fills it, submits it; throws with the form's alerts when the server refused it (after `onRefused`). */
export async function submitStep(page: Page, name: string, fill?: () => Promise<void>, onRefused?: () => Promise<unknown>): Promise<void> {
  await page.getByTestId(`step-open-${name}`).click();
  await page.getByTestId(`step-form-${name}`).waitFor();
  if (fill) await fill();
  await page.getByTestId(`step-submit-${name}`).click();
  const form = page.getByTestId(`step-form-${name}`);
  await Promise.race([form.waitFor({ state: 'detached' }), form.getByRole('alert').first().waitFor()]);
  if (await form.isVisible()) {
    if (onRefused) await onRefused();
    throw new Error(`step ${name} failed: ${(await form.getByRole('alert').allInnerTexts()).join(' | ')}`);
  }
}

/** Picks `option` (its exact name) in the select with test id `testId`. */
export async function pickOption(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}
