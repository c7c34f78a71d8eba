/**
 * A holiday run resumes on its own after the server is killed (issue 5 gap 2): a specialist starts the
 * 1 October run through the API, the server is SIGKILLed while the run is part-way, a new server starts
 * on the same data and finishes it without anyone asking — every recipient an uninterrupted staging of
 * form 7 gives is paid exactly once, and the budget holds exactly what was paid.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { startServerProcess, type ServerProcess } from './server-process';
import { openDatabase } from '../src/db/connect';
import { registryForm7Stager } from '../src/adapters/ministry-bulk/fake';
import { FORM7_CATEGORIES } from '../src/payments/holiday-list';

const ENV = { KOMEK_DEMO_REGISTRY: 'true', KOMEK_DEMO_PERSONS: '8000', KOMEK_HOLIDAY_RUN_STEP_ROWS: '25' };

interface Run {
  runId: string;
  status: string;
  fetchedRows: number;
  recipients: number;
  payments: number;
  alreadyPaid: number;
  totalTiyn: number;
}

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'komek-demo' }) });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function call<T>(server: ServerProcess, cookie: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', cookie }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as T };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a holiday run after the server is killed', () => {
  it('is resumed by the next server on its own and pays every recipient exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'komek-run-kill-'));
    const year = 2026;
    try {
      const first = await startServerProcess(dir, ENV);
      let killedAt: Run | undefined;
      try {
        const accountant = await signIn(first.url, 'accountant');
        expect((await call(first, accountant, 'PUT', `/api/budget/${year}`, { allocatedTiyn: 1_000_000_000_00 })).status).toBe(200);
        const specialist = await signIn(first.url, 'specialist');
        const started = await call<{ run: Run }>(first, specialist, 'POST', '/api/payments/holiday-runs', { date: `${year}-10-01` });
        expect(started.status).toBe(202);
        // Kill it part-way through writing payments (or, on a slow machine, while fetching).
        for (let i = 0; i < 2000 && !killedAt; i++) {
          const { body } = await call<{ run: Run }>(first, specialist, 'GET', `/api/payments/holiday-runs/${started.body.run.runId}`);
          expect(body.run.status).not.toBe('done');
          if ((body.run.status === 'creating' && body.run.payments > 0) || (i >= 200 && body.run.fetchedRows > 0)) killedAt = body.run;
          else await sleep(20);
        }
        expect(killedAt).toBeDefined();
      } finally {
        await first.kill('SIGKILL');
      }

      const second = await startServerProcess(dir, ENV);
      let done: Run | undefined;
      try {
        const head = await signIn(second.url, 'head');
        for (let i = 0; i < 600 && !done; i++) {
          const { body } = await call<{ runs: Run[] }>(second, head, 'GET', '/api/payments/holiday-runs');
          expect(body.runs).toHaveLength(1);
          if (body.runs[0]!.status === 'done') done = body.runs[0];
          else await sleep(200);
        }
      } finally {
        await second.kill();
      }
      expect(done).toBeDefined();
      expect(done!.runId).toBe(killedAt!.runId);
      expect(done!.payments).toBe(done!.recipients);
      expect(done!.alreadyPaid).toBe(0);

      const database = await openDatabase({ dataDir: dir });
      try {
        const [paid] = await database.query<{ n: number; iins: number; s: string }>('select count(*)::int n, count(distinct recipient_iin)::int iins, sum(amount_tiyn)::text s from payment where run_id = $1', [done!.runId]);
        expect(paid!.n).toBe(done!.recipients);
        expect(paid!.iins).toBe(paid!.n);
        expect(Number(paid!.s)).toBe(done!.totalTiyn);
        const [budget] = await database.query<{ committed: string }>('select committed_tiyn::text as committed from budget_allocation where year = $1', [year]);
        expect(Number(budget!.committed)).toBe(done!.totalTiyn);
        // Every recipient an uninterrupted staging gives (in a transaction rolled back) has been paid.
        const missing = await uninterruptedMinusPaid(database, done!.runId, year);
        expect(missing).toEqual({ expected: done!.recipients, missing: 0 });
      } finally {
        await database.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});

class Rollback extends Error {}

async function uninterruptedMinusPaid(database: Awaited<ReturnType<typeof openDatabase>>, runId: string, year: number): Promise<{ expected: number; missing: number }> {
  let out = { expected: -1, missing: -1 };
  await database
    .transaction(async ({ sql }) => {
      const scratch = randomUUID();
      const categories = FORM7_CATEGORIES['single-pensioners']!.map((form7) => ({ form7, holidayCategory: 'single-pensioners', amountTiyn: 1 }));
      let afterId = 0;
      for (;;) {
        const r = await registryForm7Stager.stageActiveRecipients(sql, { runId: scratch, asOf: Temporal.PlainDate.from(`${year}-10-01`), categories, afterId, limit: 200_000 });
        if (r.nextAfterId === null) break;
        afterId = r.nextAfterId;
      }
      const [n] = await sql.query<{ expected: number; missing: number }>(
        `select (select count(*)::int from holiday_candidate where run_id = $1) as expected,
                (select count(*)::int from holiday_candidate c where c.run_id = $1 and not exists (select 1 from payment p where p.run_id = $2 and p.recipient_iin = c.iin)) as missing`,
        [scratch, runId],
      );
      out = n!;
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return out;
}
