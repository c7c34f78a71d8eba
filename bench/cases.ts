/**
 * Case workflow benchmark (npm run bench:cases), against PostgreSQL at 127.0.0.1 (DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/postgres): creates its own database, serves the real HTTP app on a
 * loopback port, and lets N concurrent clients drive full applications through the API — intake with
 * registration (p.12), routing to the precinct commission, survey, income computation, special commission
 * conclusion, decision (grant, with the payments module's budget commitment and the notice outbox).
 * Then, in the same run and at the same concurrency, plain one-row INSERT transactions from Node as the
 * baseline; then a search by IIN and by name prefix over 1,000,000 persons. Drops the database at the end.
 * Prints:
 *   BENCH cases.transitions_per_s                HTTP transitions (each one transaction with its audit entry) per second
 *   BENCH cases.p50_ms / cases.p99_ms            latency of one transition request
 *   BENCH cases.baseline_single_row_tx_per_s     BEGIN; INSERT one row; COMMIT per second, same concurrency
 *   BENCH cases.search_p99_ms                    p99 of person search (half by IIN, half by name prefix) over 1 M persons
 * and, as comments, the Node CPU and the PostgreSQL round trips per transition (figures the machine's load
 * does not move much) and each route's p50/p99.
 * Environment: BENCH_CLIENTS (default 32), BENCH_SECONDS (default 10), BENCH_PERSONS (default 1000000),
 * BENCH_DECIDE=0 (stop before the decision).
 */
import { serve } from '@hono/node-server';
import pino from 'pino';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
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
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'bench-password-1';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function main(): Promise<void> {
  const name = `komek_bench_cases_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ url: SERVER, poolSize: 1 });
  await admin.exec(`create database ${name}`);
  let database: Database | null = null;
  let server: ReturnType<typeof serve> | null = null;
  try {
    database = await openDatabase({ url: withDb(SERVER, name), poolSize: CLIENTS + 4 });
    await migrate(database);
    const clock = fixedClock('2025-03-04T05:00:00Z');
    await seedRuralDistricts(database, KOKSU_RURAL_DISTRICTS);
    const [district] = await database.query<{ id: string }>('select id from rural_district order by id limit 1');
    const roles: Role[] = ['SPECIALIST', 'PRECINCT_COMMISSION', 'SPECIAL_COMMISSION', 'HEAD'];
    for (const role of roles) await addUser({ database, clock, actor: null }, { username: `bench.${role.toLowerCase()}`, fullName: `Bench ${role}`, role, password: PASSWORD, ruralDistrictId: null });
    await database.query(`insert into budget_allocation (year, programme, allocated_tiyn, updated_at) values (2025, '451-007', 9000000000000000, now())`);

    // Applicants known to the in-memory gateway: low income, category 7.9 (ground 6.4, survey path).
    const applicants: TestPerson[] = [];
    for (let i = 0; i < 4000; i++) applicants.push(person(`Бенч${i}`, 'Өтініш', `19${50 + (i % 49)}-0${1 + (i % 9)}-1${i % 9}`, { monthlyWagesTiyn: 1_000_000 }));
    const config = loadConfig({ KOMEK_LOG_LEVEL: 'silent', KOMEK_SESSION_HOURS: '720', KOMEK_BODY_LIMIT_KB: '1024' });
    // Round trips to PostgreSQL sent by the app (BEGIN and COMMIT counted): a figure the machine's load does not move.
    let roundTrips = 0;
    const base0 = database;
    const counted: Database = {
      ...base0,
      query: (text, params) => (roundTrips++, base0.query(text, params)),
      transaction: (fn) => base0.transaction(({ sql, tx }) => ((roundTrips += 2), fn({ tx, sql: { query: (text, params) => (roundTrips++, sql.query(text, params)) } }))),
    };
    const { app } = createApp({ database: counted, clock, config, log: pino({ level: 'silent' }), ports: { egov: inMemoryGateway(applicants), eds: testEds } });
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const cookies = new Map<Role, string>();
    for (const role of roles) {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `bench.${role.toLowerCase()}`, password: PASSWORD }) });
      cookies.set(role, (res.headers.get('set-cookie') ?? '').split(';')[0]!);
    }
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    const port = new URL(base).port;
    // A lean keep-alive HTTP client (fetch costs several times more CPU per request in the same process).
    const httpPost = (path: string, cookie: string, payload: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), cookie } }, (res) => {
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
    const post = async (role: Role, path: string, body: unknown): Promise<Record<string, unknown>> => {
      const t0 = performance.now();
      const res = await httpPost(path, cookies.get(role)!, JSON.stringify(body));
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
    let next = 0;
    const deadline = performance.now() + SECONDS * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const p = applicants[next++ % applicants.length]!;
        const r = await post('SPECIALIST', '/api/applications', form1(p, '7.9', district!.id));
        const id = (r.application as { id: string }).id;
        await post('SPECIALIST', `/api/applications/${id}/route-to-precinct-commission`, {});
        await post('PRECINCT_COMMISSION', `/api/applications/${id}/survey`, { actNumber: `A-${id.slice(0, 8)}`, actDate: '2025-03-04', commission: 'Bench precinct', needs: true });
        await post('SPECIALIST', `/api/applications/${id}/income`, {});
        await post('SPECIAL_COMMISSION', `/api/applications/${id}/special-conclusion`, { needs: true });
        if (DECIDE) await post('HEAD', `/api/applications/${id}/decision`, { outcome: 'grant' });
      }
    };
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    roundTrips = 0;
    await Promise.all(Array.from({ length: CLIENTS }, worker));
    const elapsed = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    console.log(`# Node CPU per transition (server and clients in one process): ${((cpu.user + cpu.system) / 1000 / Math.max(1, transitions)).toFixed(2)} ms (user ${(cpu.user / 1000 / Math.max(1, transitions)).toFixed(2)}, system ${(cpu.system / 1000 / Math.max(1, transitions)).toFixed(2)})`);
    console.log(`# PostgreSQL round trips per transition: ${(roundTrips / Math.max(1, transitions)).toFixed(2)} (BEGIN and COMMIT included)`);
    const perS = transitions / elapsed;
    console.log(`# ${CLIENTS} clients, ${elapsed.toFixed(1)} s, ${transitions} transitions (${Math.floor(transitions / (DECIDE ? 6 : 5))} applications), ${failures} failures`);
    for (const [k, v] of byPath) console.log(`# ${k}: p50 ${pct(v, 50).toFixed(1)} ms, p99 ${pct(v, 99).toFixed(1)} ms`);
    console.log(`BENCH cases.transitions_per_s ${perS.toFixed(0)}`);
    console.log(`BENCH cases.p50_ms ${pct(latencies, 50).toFixed(2)}`);
    console.log(`BENCH cases.p99_ms ${pct(latencies, 99).toFixed(2)}`);

    // Baseline: one-row INSERT transactions at the same concurrency.
    await database.exec('create table bench_baseline (id bigserial primary key, v text not null)');
    let baseline = 0;
    const bEnd = performance.now() + Math.min(SECONDS, 5) * 1000;
    const b0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < bEnd) {
          await database!.transaction(async ({ sql }) => {
            await sql.query('insert into bench_baseline (v) values ($1)', ['x']);
          });
          baseline++;
        }
      }),
    );
    const basePerS = baseline / ((performance.now() - b0) / 1000);
    console.log(`BENCH cases.baseline_single_row_tx_per_s ${basePerS.toFixed(0)}`);
    console.log(`# transitions / baseline = ${((100 * perS) / basePerS).toFixed(1)} %`);

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

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
