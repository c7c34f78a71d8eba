/**
 * Loads the synthetic population (src/demo/population.ts) into the registry tables reg_* that the fake
 * state systems serve: streamed household by household, written in batches with COPY (indexes and keys
 * built once at the end, see withIndexesDeferred), all in one transaction (a crash leaves nothing half-seeded). Idempotent: when the same seed and size are already
 * loaded it does nothing; another population is only loaded over it with `replace: true`. The quarterly
 * aggregates of the impact preview (reg_household_size, reg_income_quarter, migrations 0041/0042) are
 * computed from the generated rows and written with them, their per-statement triggers being off for the
 * seeding transaction.
 */
import { Temporal } from 'temporal-polyfill';
import type { Database, Sql } from '../db/connect';
import { withBulkSession, withIndexesDeferred, type BulkColumn, type BulkSession } from '../db/bulk';
import { generatePopulation, type RuralDistrictRef, type SyntheticHousehold } from './population';

export interface SeedPopulationOptions {
  readonly persons: number;
  readonly seed: number | string;
  /** The day the registers describe; today in Asia/Almaty when absent. */
  readonly asOf?: Temporal.PlainDate;
  /** Rural districts to place households in; by default every row of the rural_district table. */
  readonly ruralDistricts?: readonly RuralDistrictRef[];
  /** Replace a different population already loaded (otherwise that is an error). */
  readonly replace?: boolean;
  /** Persons per write batch; 10,000 by default. */
  readonly batchPersons?: number;
  /** Called after each batch with the persons written so far. */
  readonly onProgress?: (persons: number) => void;
}

export interface SeedPopulationResult {
  /** False when the same population was already there and nothing was written. */
  readonly seeded: boolean;
  readonly seed: string;
  readonly persons: number;
  readonly households: number;
  readonly asOf: string;
}

/** Thrown when another synthetic population is loaded and `replace` was not asked for. */
export class PopulationMismatchError extends Error {
  constructor(readonly loaded: { seed: string; persons: number }) {
    super(`another synthetic population is loaded (seed ${loaded.seed}, ${loaded.persons} persons); pass replace to load a new one`);
    this.name = 'PopulationMismatchError';
  }
}

const REGISTRY_TABLES = ['reg_income', 'reg_benefit', 'reg_property', 'reg_assistance', 'reg_person', 'reg_household', 'reg_seed'] as const;
/** The impact preview's aggregates (migrations 0041/0042): emptied by the truncate triggers of the tables above. */
const QUARTER_TABLES = ['reg_household_size', 'reg_income_quarter'] as const;
const LOADED_TABLES = ['reg_household', 'reg_person', 'reg_income', 'reg_benefit', 'reg_property', 'reg_assistance', 'reg_household_size', 'reg_income_quarter'] as const;
const SEED_LOCK = 4_242_010;

const col = (name: string, type: BulkColumn['type']): BulkColumn => ({ name, type });
const HOUSEHOLD_COLUMNS = [col('id', 'int8'), col('rural_district_id', 'text'), col('village', 'text'), col('street', 'text'), col('house', 'text'), col('synthetic', 'bool')];
const PERSON_COLUMNS = [
  col('id', 'int8'), col('iin', 'text'), col('last_name', 'text'), col('first_name', 'text'), col('patronymic', 'text'), col('birth_date', 'date'),
  col('sex', 'text'), col('household_id', 'int8'), col('relation', 'text'), col('rural_district_id', 'text'), col('address', 'text'), col('phone', 'text'),
  col('phone_registered', 'bool'), col('iban', 'text'), col('death_date', 'date'), col('disability_group', 'int2'), col('child_disability', 'bool'),
  col('disease_code', 'text'), col('probation', 'text'), col('probation_since', 'date'), col('synthetic', 'bool'),
];
const INCOME_COLUMNS = [col('person_id', 'int8'), col('month', 'date'), col('type', 'text'), col('amount_tiyn', 'int8')];
const BENEFIT_COLUMNS = [col('id', 'int8'), col('person_id', 'int8'), col('kind', 'text'), col('type', 'text'), col('category', 'text'), col('amount_tiyn', 'int8'), col('date_from', 'date'), col('date_to', 'date'), col('iban', 'text')];
const PROPERTY_COLUMNS = [col('id', 'int8'), col('person_id', 'int8'), col('kind', 'text'), col('subtype', 'text'), col('quantity', 'int8'), col('unit', 'text')];
const SIZE_COLUMNS = [col('household_id', 'int8'), col('alive_until', 'date'), col('rural_district_id', 'text'), col('members', 'int4')];
const QUARTER_COLUMNS = [col('quarter', 'date'), col('household_id', 'int8'), col('type', 'text'), col('alive_until', 'date'), col('amount_tiyn', 'int8')];
const ASSISTANCE_COLUMNS = [col('id', 'int8'), col('person_id', 'int8'), col('ground', 'text'), col('category', 'text'), col('status', 'text'), col('periodicity', 'text'), col('amount_tiyn', 'int8'), col('date_from', 'date'), col('date_to', 'date')];

interface Buffers {
  households: unknown[][];
  sizes: unknown[][];
  quarters: unknown[][];
  persons: unknown[][];
  incomes: unknown[][];
  benefits: unknown[][];
  property: unknown[][];
  assistance: unknown[][];
}

function emptyBuffers(): Buffers {
  return { households: [], sizes: [], quarters: [], persons: [], incomes: [], benefits: [], property: [], assistance: [] };
}

function addHousehold(b: Buffers, h: SyntheticHousehold): void {
  b.households.push([h.id, h.ruralDistrictId, h.village, h.street, h.house, h.synthetic]);
  const address = `${h.village}, ${h.street}, ${h.house}`;
  for (const p of h.persons) {
    b.persons.push([
      p.id, p.iin, p.lastName, p.firstName, p.patronymic, p.birthDate, p.sex, h.id, p.relation, h.ruralDistrictId, address, p.phone,
      p.phoneRegistered, p.iban, p.deathDate, p.disabilityGroup, p.childDisability, p.diseaseCode, p.probation, p.probationSince, h.synthetic,
    ]);
  }
  for (const i of h.incomes) b.incomes.push([i.personId, `${i.month}-01`, i.type, i.amountTiyn]);
  addQuarterAggregates(b, h);
  for (const x of h.benefits) b.benefits.push([x.id, x.personId, x.kind, x.type, x.category, x.amountTiyn, x.from, x.to, x.iban]);
  for (const x of h.property) b.property.push([x.id, x.personId, x.kind, x.subtype, x.quantity, x.unit]);
  for (const x of h.assistance) b.assistance.push([x.id, x.personId, x.ground, x.category, x.status, x.periodicity, x.amountTiyn, x.from, x.to]);
}

/** The first day of the quarter of a 'YYYY-MM' month. */
function quarterOf(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
}

/**
 * The household's rows of the impact preview's aggregates, as reg_rebuild_quarters() (migrations
 * 0041/0042) would compute them from the rows just generated — here, because summing ~33 M income rows in
 * SQL after a million households took longer than generating them. A test keeps the two equal.
 */
function addQuarterAggregates(b: Buffers, h: SyntheticHousehold): void {
  const aliveUntil = new Map<number, string>();
  const members = new Map<string, number>();
  for (const p of h.persons) {
    const until = p.deathDate ?? 'infinity';
    aliveUntil.set(p.id, until);
    members.set(until, (members.get(until) ?? 0) + 1);
  }
  if (!members.has('infinity')) members.set('infinity', 0);
  for (const [until, n] of members) b.sizes.push([h.id, until, h.ruralDistrictId, n]);
  const sums = new Map<string, [string, string, string, number]>();
  for (const i of h.incomes) {
    const quarter = quarterOf(i.month);
    const until = aliveUntil.get(i.personId)!;
    const key = `${quarter}\u0000${i.type}\u0000${until}`;
    const row = sums.get(key);
    if (row) row[3] += i.amountTiyn;
    else sums.set(key, [quarter, i.type, until, i.amountTiyn]);
  }
  for (const [quarter, type, until, amount] of sums.values()) b.quarters.push([quarter, h.id, type, until, amount]);
}

/** Writes one batch of every table, parents first, with COPY. */
async function writeBuffers(session: BulkSession, b: Buffers): Promise<void> {
  await session.copyRows('reg_household', HOUSEHOLD_COLUMNS, b.households);
  await session.copyRows('reg_person', PERSON_COLUMNS, b.persons);
  await session.copyRows('reg_income', INCOME_COLUMNS, b.incomes);
  await session.copyRows('reg_benefit', BENEFIT_COLUMNS, b.benefits);
  await session.copyRows('reg_property', PROPERTY_COLUMNS, b.property);
  await session.copyRows('reg_assistance', ASSISTANCE_COLUMNS, b.assistance);
  await session.copyRows('reg_household_size', SIZE_COLUMNS, b.sizes);
  await session.copyRows('reg_income_quarter', QUARTER_COLUMNS, b.quarters);
}

/** Which synthetic population is loaded, or null. */
export async function loadedPopulation(sql: Sql): Promise<{ seed: string; persons: number; households: number; asOf: string } | null> {
  const [row] = await sql.query<{ seed: string; persons: number; households: number; as_of: string }>('select seed, persons, households, as_of::text as as_of from reg_seed where id = 1');
  return row ? { seed: row.seed, persons: Number(row.persons), households: Number(row.households), asOf: row.as_of } : null;
}

/**
 * Seeds the registry with `persons` synthetic persons from `seed` (issue 2 item 9). Safe to call on every
 * start: a no-op when that population is already loaded.
 */
export async function seedPopulation(database: Database, options: SeedPopulationOptions): Promise<SeedPopulationResult> {
  const seed = String(options.seed);
  const asOf = options.asOf ?? Temporal.Now.plainDateISO('Asia/Almaty');
  return withBulkSession(database, async (sql) => {
    await sql.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const loaded = await loadedPopulation(sql);
    if (loaded && loaded.seed === seed && loaded.persons === options.persons) {
      return { seeded: false, seed, persons: loaded.persons, households: loaded.households, asOf: loaded.asOf };
    }
    if (loaded && !options.replace) throw new PopulationMismatchError(loaded);
    const [anyRow] = await sql.query<{ n: number }>('select count(*)::int as n from (select 1 from reg_person limit 1) x');
    if (loaded || Number(anyRow?.n ?? 0) > 0) {
      if (!options.replace) throw new PopulationMismatchError({ seed: '(unrecorded)', persons: -1 });
      await sql.query(`truncate ${REGISTRY_TABLES.join(', ')}`);
    }
    const ruralDistricts =
      options.ruralDistricts ?? (await sql.query<{ code: string; name_kk: string }>('select id as code, name_kk from rural_district order by id'));
    if (ruralDistricts.length === 0) throw new Error('seedPopulation: no rural districts; seed the rural_district table first');

    // The quarterly aggregates (migrations 0041/0042) are written with the rows, not by the triggers.
    await sql.query("select set_config('komek.registry_bulk', 'on', true)");
    const batchPersons = options.batchPersons ?? 10_000;
    let households = 0;
    let persons = 0;
    await withIndexesDeferred(sql, LOADED_TABLES, async () => {
      // One batch is written while the next is generated; generation yields now and then so the
      // PostgreSQL socket keeps draining (PGlite runs in this thread and gains nothing, loses nothing).
      let writing: Promise<void> = Promise.resolve();
      let buffers = emptyBuffers();
      const send = async (b: Buffers, done: number): Promise<void> => {
        await writing;
        writing = writeBuffers(sql, b).then(() => options.onProgress?.(done));
        writing.catch(() => undefined);
      };
      for (const h of generatePopulation({ persons: options.persons, seed: options.seed, asOf, ruralDistricts })) {
        addHousehold(buffers, h);
        households++;
        persons += h.persons.length;
        if (households % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
        if (buffers.persons.length >= batchPersons) {
          await send(buffers, persons);
          buffers = emptyBuffers();
        }
      }
      await send(buffers, persons);
      await writing;
    });
    for (const table of ['reg_household', 'reg_person', 'reg_benefit', 'reg_property', 'reg_assistance']) {
      await sql.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 0) + 1 from ${table}), false)`);
    }
    await sql.query("select set_config('komek.registry_bulk', 'off', true)");
    await sql.query('insert into reg_seed (id, seed, persons, households, as_of) values (1, $1, $2, $3, $4)', [seed, persons, households, asOf.toString()]);
    for (const table of [...REGISTRY_TABLES, ...QUARTER_TABLES]) await sql.query(`analyze ${table}`);
    return { seeded: true, seed, persons, households, asOf: asOf.toString() };
  });
}
