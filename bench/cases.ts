/**
 * Case workflow benchmark (npm run bench:cases), against PostgreSQL at 127.0.0.1 (DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/postgres): creates its own database, serves the real HTTP app on a
 * loopback port (this thread, with the server's default pool of 10 connections), and lets N concurrent
 * clients — in a worker thread, as clients are not the server — drive full applications through the API: intake with
 * registration (p.12), routing to the precinct commission, survey, income computation, special commission
 * conclusion, decision (grant, with the payments module's budget commitment and the notice outbox).
 * Then, in the same run and at the same concurrency, plain one-row INSERT transactions from Node as the
 * baseline; then a search by IIN and by name prefix over 1,000,000 persons. Drops the database at the end.
 * Prints:
 *   BENCH cases.transitions_per_s                HTTP transitions (each one transaction with its audit entry) per second
 *   BENCH cases.p50_ms / cases.p99_ms            latency of one transition request
 *   BENCH cases.baseline_single_row_tx_per_s     BEGIN; INSERT one row; COMMIT per second, same concurrency
 *   BENCH cases.search_p99_ms                    p99 of person search (half by IIN, half by name prefix) over 1 M persons
 * and, as comments, the CPU per transition of the server's thread, of the whole Node process and of the
 * PostgreSQL server (all its processes on this machine), and the PostgreSQL round trips per transition (figures the machine's load does not
 * move much), and each route's p50/p99.
 * Environment: BENCH_CLIENTS (default 32), BENCH_SECONDS (default 10), BENCH_PERSONS (default 1000000),
 * BENCH_DECIDE=0 (stop before the decision), BENCH_POOL (the server's pool, default 10),
 * BENCH_SWEEP=4,8,16 (also measure transitions and the baseline at these client counts, as comments).
 */
import { serve } from '@hono/node-server';
import pino from 'pino';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { openDatabase, type Database } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { createApp } from '../src/http/app';
import { loadConfig } from '../src/config';
import { fixedClock } from '../src/context';
import { addUser } from '../src/admin/add-user';
import { KOKSU_RURAL_DISTRICTS, seedRuralDistricts } from '../src/admin/seed-demo';
import type { Role } from '../src/auth/roles';
import { searchPersons } from '../src/cases/list-applications';
import { form1, inMemoryGateway, person, testEds, type TestPerson } from '../src/cases/test-fixtures';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
/** BENCH_DECIDE=0 stops each application before the decision (to see the workflow without the p.21 budget row). */
const DECIDE = process.env.BENCH_DECIDE !== '0';
/** The server's pool: the size `komek serve` opens (openDatabase's default), not one connection per client. */
const POOL = Number(process.env.BENCH_POOL ?? 10);
const SWEEP = (process.env.BENCH_SWEEP ?? '').split(',').filter(Boolean).map(Number);
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'bench-password-1';

const pct = (xs: ArrayLike<number>, p: number) => {
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** What the main thread gives the client worker. */
interface ClientJob {
  readonly port: number;
  readonly clients: number;
  readonly seconds: number;
  readonly decide: boolean;
  readonly cookies: Record<string, string>;
  /** Form 1 bodies (JSON), one per applicant, taken in turn from `first` (each run its own applicants: a second application of the same person on the same ground is refused, p.20). */
  readonly forms: string[];
  readonly first: number;
}
interface ClientResult {
  readonly transitions: number;
  readonly failures: number;
  readonly elapsedS: number;
  readonly latencies: number[];
  readonly byPath: [string, number[]][];
  readonly firstError: string | null;
  readonly applications: number;
}

/** The clients (worker thread): N loops, each driving one application after another through the API. */
async function runClients(job: ClientJob): Promise<ClientResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
  // A lean keep-alive HTTP client (fetch costs several times more CPU per request).
  const httpPost = (path: string, cookie: string, payload: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: job.port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), cookie } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  const latencies: number[] = [];
  const byPath = new Map<string, number[]>();
  let transitions = 0;
  let failures = 0;
  let firstError: string | null = null;
  const post = async (role: Role, path: string, body: string): Promise<Record<string, unknown>> => {
    const t0 = performance.now();
    const res = await httpPost(path, job.cookies[role]!, body);
    const json = JSON.parse(res.body) as Record<string, unknown>;
    const ms = performance.now() - t0;
    latencies.push(ms);
    const key = path.replace(/[0-9a-f-]{36}/, ':id');
    const list = byPath.get(key);
    if (list) list.push(ms);
    else byPath.set(key, [ms]);
    if (res.status >= 300) {
      failures++;
      throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    }
    transitions++;
    return json;
  };
  let next = job.first;
  const deadline = performance.now() + job.seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const r = await post('SPECIALIST', '/api/applications', job.forms[next++ % job.forms.length]!);
      const id = (r.application as { id: string }).id;
      await post('SPECIALIST', `/api/applications/${id}/route-to-precinct-commission`, '{}');
      await post('PRECINCT_COMMISSION', `/api/applications/${id}/survey`, JSON.stringify({ actNumber: `A-${id.slice(0, 8)}`, actDate: '2025-03-04', commission: 'Bench precinct', needs: true }));
      await post('SPECIALIST', `/api/applications/${id}/income`, '{}');
      await post('SPECIAL_COMMISSION', `/api/applications/${id}/special-conclusion`, '{"needs":true}');
      if (job.decide) await post('HEAD', `/api/applications/${id}/decision`, '{"outcome":"grant"}');
    }
  };
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: job.clients }, () =>
      loop().catch((e: unknown) => {
        firstError ??= String(e);
      }),
    ),
  );
  agent.destroy();
  return { transitions, failures, elapsedS: (performance.now() - t0) / 1000, latencies, byPath: [...byPath], firstError, applications: next - job.first };
}

if (!isMainThread) {
  // Loaded: say so, then run the job the main thread sends (so loading is not measured).
  parentPort!.once('message', (job: ClientJob) => void runClients(job).then((r) => parentPort!.postMessage(r)));
  parentPort!.postMessage('ready');
}

/** CPU seconds (user + system) in the text of a /proc/<pid>/stat file (Linux), with the process's name. */
function parseStat(text: string): { name: string; cpuSeconds: number } {
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  return { name: text.slice(text.indexOf('(') + 1, close), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 };
}

/** CPU seconds (user + system) of one thread or process, NaN when it is gone. */
function cpuSecondsOf(statPath: string): number {
  try {
    return parseStat(readFileSync(statPath, 'utf8')).cpuSeconds;
  } catch {
    return NaN;
  }
}

/** CPU seconds of every PostgreSQL process on this machine (the server's backends and its background processes), by pid. */
function postgresCpu(): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: { name: string; cpuSeconds: number };
    try {
      stat = parseStat(readFileSync(`/proc/${entry}/stat`, 'utf8'));
    } catch {
      continue; // ended meanwhile
    }
    if (stat.name === 'postgres') cpu.set(Number(entry), stat.cpuSeconds);
  }
  return cpu;
}
/** PostgreSQL CPU seconds used since `before`, backends started meanwhile included (one that ended meanwhile is missed). */
function postgresCpuSince(before: Map<number, number>): number {
  let sum = 0;
  for (const [pid, s] of postgresCpu()) if (Number.isFinite(s)) sum += s - (before.get(pid) ?? 0);
  return sum;
}

/** Runs the clients in a worker thread; measures the server thread's, the process's and PostgreSQL's CPU meanwhile. */
async function measure(database: Database, job: ClientJob, counter: { roundTrips: number }) {
  // The worker loads this TypeScript file through tsx's API (Node 20 does not pass tsx's loader to workers).
  const worker = new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`, { eval: true });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  await next<'ready'>();
  // Open the server's pool connections again (node-postgres closes those idle for 10 s) before measuring.
  await Promise.all(Array.from({ length: POOL }, () => database.query('select pg_sleep(0.01)')));
  const pg0 = postgresCpu();
  const thread0 = cpuSecondsOf(`/proc/self/task/${process.pid}/stat`);
  const process0 = process.cpuUsage();
  counter.roundTrips = 0;
  worker.postMessage(job);
  const result = await next<ClientResult>();
  await worker.terminate();
  const perT = (x: number) => (x / Math.max(1, result.transitions)).toFixed(2);
  const proc = process.cpuUsage(process0);
  return {
    result,
    roundTrips: counter.roundTrips / Math.max(1, result.transitions),
    serverThreadMs: perT((cpuSecondsOf(`/proc/self/task/${process.pid}/stat`) - thread0) * 1000),
    processMs: perT((proc.user + proc.system) / 1000),
    postgresMs: perT(postgresCpuSince(pg0) * 1000),
  };
}

/** BEGIN; INSERT one row; COMMIT from Node, at `clients` concurrency (its own pool of that many connections), per second. */
async function baseline(url: string, clients: number, seconds: number): Promise<number> {
  const db = await openDatabase({ url, poolSize: clients });
  try {
    await db.exec('create table if not exists bench_baseline (id bigserial primary key, v text not null)');
    let n = 0;
    const end = performance.now() + seconds * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < end) {
          await db.transaction(async ({ sql }) => {
            await sql.query('insert into bench_baseline (v) values ($1)', ['x']);
          });
          n++;
        }
      }),
    );
    return n / ((performance.now() - t0) / 1000);
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const name = `komek_bench_cases_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ url: SERVER, poolSize: 1 });
  await admin.exec(`create database ${name}`);
  let database: Database | null = null;
  let server: ReturnType<typeof serve> | null = null;
  try {
    const url = withDb(SERVER, name);
    database = await openDatabase({ url, poolSize: POOL });
    await migrate(database);
    const clock = fixedClock('2025-03-04T05:00:00Z');
    await seedRuralDistricts(database, KOKSU_RURAL_DISTRICTS);
    const [district] = await database.query<{ id: string }>('select id from rural_district order by id limit 1');
    const roles: Role[] = ['SPECIALIST', 'PRECINCT_COMMISSION', 'SPECIAL_COMMISSION', 'HEAD'];
    for (const role of roles) await addUser({ database, clock, actor: null }, { username: `bench.${role.toLowerCase()}`, fullName: `Bench ${role}`, role, password: PASSWORD, ruralDistrictId: null });
    await database.query(`insert into budget_allocation (year, programme, allocated_tiyn, updated_at) values (2025, '451-007', 9000000000000000, now())`);

    // Applicants known to the in-memory gateway: low income, category 7.9 (ground 6.4, survey path).
    const applicants: TestPerson[] = [];
    for (let i = 0; i < 16_000; i++) applicants.push(person(`Бенч${i}`, 'Өтініш', `19${50 + (i % 49)}-0${1 + (i % 9)}-1${i % 9}`, { monthlyWagesTiyn: 1_000_000 }));
    const config = loadConfig({ KOMEK_LOG_LEVEL: 'silent', KOMEK_SESSION_HOURS: '720', KOMEK_BODY_LIMIT_KB: '1024' });
    // Round trips to PostgreSQL sent by the app (BEGIN and COMMIT counted): a figure the machine's load does not move.
    const counter = { roundTrips: 0 };
    const base0 = database;
    const counted: Database = {
      ...base0,
      query: (text, params) => (counter.roundTrips++, base0.query(text, params)),
      transaction: (fn) => base0.transaction(({ sql, tx }) => ((counter.roundTrips += 2), fn({ tx, sql: { query: (text, params) => (counter.roundTrips++, sql.query(text, params)) } }))),
    };
    const { app } = createApp({ database: counted, clock, config, log: pino({ level: 'silent' }), ports: { egov: inMemoryGateway(applicants), eds: testEds } });
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const cookies: Record<string, string> = {};
    for (const role of roles) {
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `bench.${role.toLowerCase()}`, password: PASSWORD }) });
      cookies[role] = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    }
    const forms = applicants.map((p) => JSON.stringify(form1(p, '7.9', district!.id)));
    let used = 0;
    const job = (clients: number, seconds: number): ClientJob => ({ port, clients, seconds, decide: DECIDE, cookies, forms, first: used });
    const measured = async (clients: number) => {
      const m = await measure(database!, job(clients, SECONDS), counter);
      used += m.result.applications;
      if (used > forms.length) console.log(`# more applications than applicants (${used} > ${forms.length}): later runs reuse applicants`);
      return m;
    };

    const m = await measured(CLIENTS);
    const { result } = m;
    if (result.firstError) console.log(`# first failure: ${result.firstError}`);
    console.log(`# CPU per transition: server thread ${m.serverThreadMs} ms, whole Node process ${m.processMs} ms (server, client worker, GC threads), PostgreSQL ${m.postgresMs} ms`);
    console.log(`# PostgreSQL round trips per transition: ${m.roundTrips.toFixed(2)} (BEGIN and COMMIT included)`);
    const perS = result.transitions / result.elapsedS;
    console.log(`# ${CLIENTS} clients, server pool ${POOL}, ${result.elapsedS.toFixed(1)} s, ${result.transitions} transitions (${Math.floor(result.transitions / (DECIDE ? 6 : 5))} applications), ${result.failures} failures`);
    for (const [k, v] of result.byPath) console.log(`# ${k}: p50 ${pct(v, 50).toFixed(1)} ms, p99 ${pct(v, 99).toFixed(1)} ms`);
    console.log(`BENCH cases.transitions_per_s ${perS.toFixed(0)}`);
    console.log(`BENCH cases.p50_ms ${pct(result.latencies, 50).toFixed(2)}`);
    console.log(`BENCH cases.p99_ms ${pct(result.latencies, 99).toFixed(2)}`);

    // Baseline: one-row INSERT transactions at the same concurrency.
    const basePerS = await baseline(url, CLIENTS, Math.min(SECONDS, 5));
    console.log(`BENCH cases.baseline_single_row_tx_per_s ${basePerS.toFixed(0)}`);
    console.log(`# transitions / baseline = ${((100 * perS) / basePerS).toFixed(1)} %`);

    for (const n of SWEEP) {
      const s = await measured(n);
      const tps = s.result.transitions / s.result.elapsedS;
      const b = await baseline(url, n, Math.min(SECONDS, 5));
      console.log(`# sweep ${String(n).padStart(3)} clients: ${tps.toFixed(0)} transitions/s, p50 ${pct(s.result.latencies, 50).toFixed(1)} ms, p99 ${pct(s.result.latencies, 99).toFixed(1)} ms; baseline ${b.toFixed(0)} tx/s; ratio ${((100 * tps) / b).toFixed(1)} %; CPU/transition server thread ${s.serverThreadMs} ms, PostgreSQL ${s.postgresMs} ms; ${s.result.failures} failures${s.result.firstError ? ` (first: ${s.result.firstError})` : ''}`);
    }

    // Search over 1 M persons: synthetic names and IINs generated in SQL.
    await database.exec(`insert into person (iin, last_name, first_name, patronymic, birth_date, search_name, updated_at)
      select lpad((100000000000 + g)::text, 12, '0'), 'Фамилия' || (g % 50000), 'Аты' || (g % 997), null, date '1950-01-01' + (g % 20000),
             lower('Фамилия' || (g % 50000) || ' ' || 'Аты' || (g % 997)), now()
        from generate_series(1, ${PERSONS}) g on conflict do nothing`);
    await database.exec('analyze person');
    const ctx = { database, clock, actor: null };
    const searchTimes: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const q = i % 2 === 0 ? String(100000000000 + ((i * 7919) % PERSONS) + 1).padStart(12, '0') : `фамилия${(i * 31) % 50000} аты`;
      const s0 = performance.now();
      await searchPersons(ctx, { q, limit: 20 });
      searchTimes.push(performance.now() - s0);
    }
    console.log(`# search over ${PERSONS} persons: p50 ${pct(searchTimes, 50).toFixed(2)} ms`);
    console.log(`BENCH cases.search_p99_ms ${pct(searchTimes, 99).toFixed(2)}`);
  } finally {
    if (server) await new Promise<void>((r) => server!.close(() => r()));
    if (database) await database.close();
    await admin.exec(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
}

if (isMainThread) main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
