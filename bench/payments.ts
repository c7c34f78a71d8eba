/**
 * Holiday-run benchmark (npm run bench:payments): a holiday run (p.10, p.25) over BENCH_RECIPIENTS
 * (default 1,000,000) form 7 recipients on PostgreSQL (DATABASE_URL or postgres://postgres@127.0.0.1:5432/
 * postgres; own database, dropped after) and on PGlite (in memory), through the real path: the ministry
 * port's keyset pages, exclusions and IIN de-duplication, the budget commitment, set-based payment creation
 * — each step a transaction with its audit entry. In the same run, the raw bulk-load baseline: COPY of the
 * same number of payment-shaped rows into a table with the same unique key (pg-copy-streams on PostgreSQL,
 * COPY FROM /dev/blob on PGlite). Memory is sampled during the run (peak RSS growth). On PostgreSQL each timed
 * part starts after a CHECKPOINT, so neither pays for flushing what came before it (the seeding's ~1 GB of
 * WAL, then the run's pages); the time of every step of the run (each a transaction with its audit entry) is
 * printed per phase on stderr.
 * Prints per engine (PostgreSQL lines unsuffixed, PGlite lines with .pglite):
 *   BENCH payments.holiday_run_s <s>                   whole run (fetch + budget + create)
 *   BENCH payments.rows_per_s <n>                      recipients paid per second
 *   BENCH payments.baseline_copy_rows_per_s <n>        raw COPY rows per second
 *   BENCH payments.run_vs_copy_ratio <x>               run time ÷ COPY time (target ≤ 3)
 *   BENCH payments.peak_rss_growth_mb <mb>             memory bounded: peak RSS growth during the run
 * Environment: BENCH_RECIPIENTS, BENCH_ENGINES (default "postgres,pglite").
 * Measured (docs/holiday-run.md, 2 shared cores): PostgreSQL run 13.9–15.8 s vs COPY 6.3–7.4 s, ratio
 * 1.88–2.50 at load 7.7–11, 2.17 at load 2–4 (before: 3.43 without checkpoints, 3.09 with them); PGlite ratio 0.53.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { fixedClock, type Ctx } from '../src/context';
import { KOKSU_RURAL_DISTRICTS, seedRuralDistricts } from '../src/admin/seed-demo';
import { seedSyntheticRecipients } from '../src/payments/synthetic-recipients';
import { setAllocation } from '../src/payments/set-allocation';
import { driveHolidayRun, startHolidayRun } from '../src/payments/run-holiday';
import { FakeMinistrySystem } from '../src/adapters/ministry/fake';
import { registryForm7Stager } from '../src/adapters/ministry-bulk/fake';

const N = Number(process.env.BENCH_RECIPIENTS ?? 1_000_000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',');
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const bench = (metric: string, value: number | string) => console.log(`BENCH ${metric} ${value}`);
const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

const COPY_TABLE = `create table bench_copy (
  id bigserial primary key, basis text not null, period text not null, recipient_iin text not null, recipient_name text,
  rural_district_id text, category_code text not null, periodicity text not null, iban text not null, amount_tiyn bigint not null,
  financial_year int not null, programme text not null, pay_on date not null, demand_due_on date not null, status text not null default 'scheduled',
  created_at timestamptz not null, unique (basis, period, recipient_iin))`;
const COPY_COLUMNS = 'basis, period, recipient_iin, recipient_name, rural_district_id, category_code, periodicity, iban, amount_tiyn, financial_year, programme, pay_on, demand_due_on, created_at';

/** Payment-shaped CSV lines, generated in chunks (the generation is not timed: it is prepared first). */
function copyChunks(n: number): string[] {
  const chunks: string[] = [];
  let buf: string[] = [];
  for (let i = 1; i <= n; i++) {
    const iin = String(400000000000 + i);
    buf.push(`holiday:10-01,2025,${iin},Тестов Адам ${i},balpyk,single-pensioners,one-time,KZ00125${String(i).padStart(13, '0')},1179600,2025,451-007,2025-10-01,2025-09-01,2025-09-01T05:00:00Z`);
    if (buf.length === 50_000) {
      chunks.push(buf.join('\n') + '\n');
      buf = [];
    }
  }
  if (buf.length) chunks.push(buf.join('\n') + '\n');
  return chunks;
}

async function copyBaselinePostgres(url: string, chunks: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(COPY_TABLE);
  const t0 = process.hrtime.bigint();
  await pipeline(Readable.from(chunks), client.query(copyFrom(`copy bench_copy (${COPY_COLUMNS}) from stdin with (format csv)`)));
  const s = seconds(t0);
  const { rows } = await client.query<{ n: string }>('select count(*) n from bench_copy');
  if (Number(rows[0]!.n) !== N) throw new Error(`COPY loaded ${rows[0]!.n} rows, expected ${N}`);
  await client.end();
  return s;
}

async function copyBaselinePglite(chunks: string[]): Promise<number> {
  const db = await PGlite.create();
  await db.exec(COPY_TABLE);
  const blob = new Blob(chunks);
  const t0 = process.hrtime.bigint();
  await db.query(`copy bench_copy (${COPY_COLUMNS}) from '/dev/blob' with (format csv)`, [], { blob });
  const s = seconds(t0);
  const { rows } = await db.query<{ n: number }>('select count(*)::int n from bench_copy');
  if (rows[0]!.n !== N) throw new Error(`COPY loaded ${rows[0]!.n} rows, expected ${N}`);
  await db.close();
  return s;
}

async function prepare(database: Database): Promise<Ctx> {
  await migrate(database);
  await seedRuralDistricts(database, KOKSU_RURAL_DISTRICTS);
  const t0 = process.hrtime.bigint();
  const seeded = await seedSyntheticRecipients(database, { count: N, category: 'age-pensioner', secondCategory: 'age-pensioner' });
  console.error(`seeded ${seeded.persons} persons, ${seeded.benefits} benefits in ${seconds(t0).toFixed(1)} s`);
  const ctx: Ctx = { database, actor: null, clock: fixedClock('2025-09-01T05:00:00Z') };
  await setAllocation(ctx, { year: 2025, allocatedTiyn: 100_000_000_000_00 });
  return ctx;
}

async function runHoliday(ctx: Ctx): Promise<{ s: number; payments: number; peakMb: number }> {
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = process.hrtime.bigint();
  const phases = new Map<string, number[]>();
  let last = t0;
  let lastStatus = 'fetching';
  const started = await startHolidayRun(ctx, { date: '2025-10-01' });
  const run = await driveHolidayRun(ctx, new FakeMinistrySystem({ database: ctx.database }), started.runId, {
    pageSize: 100_000,
    batchSize: 100_000,
    stager: registryForm7Stager,
    onProgress: (r) => {
      const now = process.hrtime.bigint();
      phases.set(lastStatus, [...(phases.get(lastStatus) ?? []), Number(now - last) / 1e9]);
      last = now;
      lastStatus = r.status;
    },
  });
  const s = seconds(t0);
  // Per step (each a transaction with its audit entry): where the run's time goes.
  const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
  console.error(`phases (s): ${[...phases].map(([k, v]) => `${k} ${sum(v).toFixed(1)} (${v.length} steps, ${v.map((x) => x.toFixed(2)).join(' ')})`).join('; ')}`);
  clearInterval(timer);
  if (run.status !== 'done') throw new Error(`run ended ${run.status} ${run.errorCode}`);
  const [c] = await ctx.database.query<{ n: string; d: string }>("select count(*) n, count(distinct recipient_iin) d from payment where basis = 'holiday:10-01'");
  if (Number(c!.n) !== run.payments || Number(c!.d) !== run.payments) throw new Error(`payments ${c!.n} (distinct ${c!.d}) ≠ run's ${run.payments}`);
  console.error(`run: fetched ${run.fetchedRows} rows, excluded ${run.excludedDead} dead, ${run.excludedTerminated} terminated, ${run.excludedNoAccount} without account; ${run.recipients} recipients, ${run.payments} payments, ${run.totalTiyn} tiyn`);
  return { s, payments: run.payments, peakMb: (peak - rss0) / 1024 / 1024 };
}

function report(suffix: string, run: { s: number; payments: number; peakMb: number }, copyS: number): void {
  bench(`payments.holiday_run_s${suffix}`, run.s.toFixed(2));
  bench(`payments.rows_per_s${suffix}`, Math.round(run.payments / run.s));
  bench(`payments.baseline_copy_rows_per_s${suffix}`, Math.round(N / copyS));
  bench(`payments.run_vs_copy_ratio${suffix}`, (run.s / copyS).toFixed(2));
  bench(`payments.peak_rss_growth_mb${suffix}`, Math.round(run.peakMb));
}

async function main(): Promise<void> {
  console.error(`holiday-run benchmark: ${N} recipients, engines ${ENGINES.join(', ')}`);
  const chunks = copyChunks(N);
  if (ENGINES.includes('postgres')) {
    const name = `komek_bench_pay_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(SERVER);
    u.pathname = `/${name}`;
    const database = await openDatabase({ url: u.toString(), poolSize: 4 });
    try {
      const ctx = await prepare(database);
      // Both timed parts start from a quiescent server: the seeding's (and then the run's) dirty pages are
      // written by a checkpoint first, not by the next part's writes.
      await database.query('vacuum analyze');
      await database.query('checkpoint');
      const run = await runHoliday(ctx);
      await database.query('checkpoint');
      const copyS = await copyBaselinePostgres(u.toString(), chunks);
      report('', run, copyS);
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  if (ENGINES.includes('pglite')) {
    const database = await openDatabase({ memory: true });
    try {
      const ctx = await prepare(database);
      const run = await runHoliday(ctx);
      await database.close();
      const copyS = await copyBaselinePglite(chunks);
      report('.pglite', run, copyS);
    } catch (e) {
      await database.close().catch(() => undefined);
      throw e;
    }
  }
}

await main();
