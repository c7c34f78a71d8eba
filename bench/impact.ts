/**
 * Speed of the what-if impact preview (issue 6 item 4) at district scale and beyond: a database with
 * ~1,000,000 synthetic households from src/demo (seedPopulation; kept, so a second run skips the seeding),
 * then one impact run judging every household under the version in force and under a draft that raises
 * the income threshold — timed with the loading included. The registry is read from the quarterly
 * per-household, per-income-type aggregates (migration 0041) by binary COPY in household-id ranges
 * (src/admin/read-registry-columns.ts), two ranges at once on PostgreSQL, straight into the batch path's
 * typed-array columns.
 *
 *   npm run bench:impact                         (PostgreSQL: DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 *                                                 database komek_bench_impact_<households>)
 *   IMPACT_HOUSEHOLDS=100000 npm run bench:impact
 *   IMPACT_PGLITE_DIR=/tmp/impact-pglite npm run bench:impact     (embedded PGlite in that directory instead)
 *
 * Prints `BENCH impact.households_per_s <n>`, `BENCH impact.total_s <s>` and, when it seeded,
 * `BENCH impact.seed_s <s>` (seeding, including the aggregates, is not part of the impact time).
 */
import { Temporal } from 'temporal-polyfill';
import { openDatabase, type Database } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { seedPopulation } from '../src/demo/seed';
import { seedRuralDistricts, KOKSU_RURAL_DISTRICTS } from '../src/admin/seed-demo';
import { computeImpact } from '../src/admin/compute-impact';
import { draftConfigOf } from '../src/admin/create-rules-draft';
import { applyRulesEdit, RulesEditSchema } from '../src/admin/edit-rules-draft';
import { getRulesVersion, getRulesVersionRow, parseConfigOrFail } from '../src/admin/rules-store';
import { selectRulesVersion } from '../src/rules/district/config';

const households = Number(process.env.IMPACT_HOUSEHOLDS ?? 1_000_000);
// Mean household size of the generator (SIZE_WEIGHTS of src/demo/population.ts) ≈ 3.725 persons.
const persons = Math.round(households * 3.725);
const pgliteDir = process.env.IMPACT_PGLITE_DIR;

async function openBenchDatabase(): Promise<Database> {
  if (pgliteDir) return openDatabase({ dataDir: `${pgliteDir}/${households}` });
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `komek_bench_impact_${households}`;
  const url = new URL(server);
  const admin = await openDatabase({ url: server, poolSize: 1 });
  const [exists] = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!exists) await admin.exec(`create database ${name}`);
  await admin.close();
  url.pathname = `/${name}`;
  return openDatabase({ url: url.toString(), poolSize: 4 });
}

const database = await openBenchDatabase();
await migrate(database);
await seedRuralDistricts(database, KOKSU_RURAL_DISTRICTS);

const today = Temporal.PlainDate.from('2026-11-25');
const t0 = performance.now();
const seeded = await seedPopulation(database, {
  persons,
  seed: 2026,
  asOf: today,
  batchPersons: 20_000,
  onProgress: (p) => {
    if (p % 200_000 < 20_000) process.stderr.write(`seeding: ${p} persons\n`);
  },
});
if (seeded.seeded) console.log(`BENCH impact.seed_s ${((performance.now() - t0) / 1000).toFixed(1)}`);
console.error(`registry: ${seeded.households} households, ${seeded.persons} persons (${database.kind})`);
if (seeded.seeded) await database.exec('analyze');

// The draft: the version in force with the threshold multiple raised to 1.5 from 1 Jan 2027.
const asOf = Temporal.PlainDate.from('2027-01-01');
const { rowId, version: current } = await getRulesVersion(database, asOf);
const base = (await getRulesVersionRow(database, rowId, today)).config;
const legal = { act: 'Bench decision', number: 'B-1', date: '2026-12-01', clause: 'p.1' };
let draftData = draftConfigOf(base, { code: 'B-1', effectiveFrom: asOf.toString(), legal });
draftData = applyRulesEdit(draftData, RulesEditSchema.parse({ kind: 'set-parameter', seriesId: base.parameters.thresholdMultiple, from: asOf.toString(), value: 1500 }), legal, today.toString());
const draft = selectRulesVersion(parseConfigOrFail(draftData, 'bench draft'), asOf);

const r = await computeImpact(database, { current, draft, asOf, incomeDate: today });
console.error(JSON.stringify({ households: r.households, current: r.current.eligibleHouseholds, draft: r.draft.eligibleHouseholds, gained: r.gained, lost: r.lost, seconds: r.seconds }));
console.log(`BENCH impact.households_per_s ${Math.round(r.households / r.seconds.total)}`);
console.log(`BENCH impact.total_s ${r.seconds.total.toFixed(2)}`);
await database.close();
