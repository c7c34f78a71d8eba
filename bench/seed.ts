/**
 * Seeding benchmark (npm run bench:seed): the synthetic population generator alone, then seedPopulation
 * into a fresh migrated database — PGlite in memory (the first `npm start`, demo size) and PostgreSQL (own
 * database on DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres, dropped after; bench size).
 * Prints per engine (PostgreSQL lines unsuffixed, PGlite lines with .pglite):
 *   BENCH seed.generate_persons_per_s <n>   generator only, no database
 *   BENCH seed.persons_per_s <n>            persons seeded per second (whole seedPopulation)
 *   BENCH seed.rows_per_s <n>               rows of all reg_* tables per second
 *   BENCH seed.seconds <s>                  whole seedPopulation
 *   BENCH seed.vs_generate_ratio <x>        seeding time ÷ generating time (steadier on a shared machine)
 *   BENCH seed.noop_ms <ms>                 the second call (already seeded: nothing written)
 * Environment: SEED_PERSONS_PG (default 1,000,000), SEED_PERSONS_PGLITE (default 40,000),
 * BENCH_ENGINES (default "pglite,postgres").
 */
import { randomBytes } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { openDatabase, type Database } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { generatePopulation } from '../src/demo/population';
import { seedPopulation } from '../src/demo/seed';
import koksu from '../src/rules/districts/koksu.json';

const PG_PERSONS = Number(process.env.SEED_PERSONS_PG ?? 1_000_000);
const PGLITE_PERSONS = Number(process.env.SEED_PERSONS_PGLITE ?? 40_000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim());
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const AS_OF = Temporal.PlainDate.from('2026-11-25');
const SEED = 'bench';

function bench(metric: string, value: number, suffix: string): void {
  console.log(`BENCH ${metric}${suffix} ${Number.isInteger(value) ? value : value.toFixed(2)}`);
}

async function seedRuralDistricts(database: Database): Promise<void> {
  for (const d of koksu.ruralDistricts) {
    await database.query('insert into rural_district (id, name_kk, name_ru, example) values ($1, $2, $3, $4) on conflict (id) do nothing', [d.code, d.name_kk, d.name_ru, d.example]);
  }
}

async function run(database: Database, persons: number, suffix: string): Promise<void> {
  let t = performance.now();
  let generated = 0;
  for (const h of generatePopulation({ persons, seed: SEED, asOf: AS_OF, ruralDistricts: koksu.ruralDistricts })) generated += h.persons.length;
  const generateSeconds = (performance.now() - t) / 1000;
  bench('seed.generate_persons_per_s', Math.round(generated / generateSeconds), suffix);

  await migrate(database);
  await seedRuralDistricts(database);
  t = performance.now();
  const result = await seedPopulation(database, { persons, seed: SEED, asOf: AS_OF });
  const seconds = (performance.now() - t) / 1000;
  const [rows] = await database.query<{ n: string }>(
    `select ((select count(*) from reg_household) + (select count(*) from reg_person) + (select count(*) from reg_income)
      + (select count(*) from reg_benefit) + (select count(*) from reg_property) + (select count(*) from reg_assistance))::text as n`,
  );
  bench('seed.persons_per_s', Math.round(result.persons / seconds), suffix);
  bench('seed.rows_per_s', Math.round(Number(rows?.n ?? 0) / seconds), suffix);
  bench('seed.seconds', seconds, suffix);
  bench('seed.vs_generate_ratio', seconds / generateSeconds, suffix);
  t = performance.now();
  const again = await seedPopulation(database, { persons, seed: SEED, asOf: AS_OF });
  if (again.seeded) throw new Error('the second seedPopulation wrote again');
  bench('seed.noop_ms', Math.round(performance.now() - t), suffix);
  console.error(`# ${suffix || 'postgres'}: ${result.persons} persons, ${result.households} households, ${rows?.n} rows in ${seconds.toFixed(1)} s`);
}

if (ENGINES.includes('pglite')) {
  const database = await openDatabase({ memory: true });
  try {
    await run(database, PGLITE_PERSONS, '.pglite');
  } finally {
    await database.close();
  }
}

if (ENGINES.includes('postgres')) {
  const name = `komek_bench_seed_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ url: SERVER, poolSize: 1 });
  await admin.exec(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 2 });
  try {
    await run(database, PG_PERSONS, '');
  } finally {
    await database.close();
    await admin.exec(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
}
