/**
 * Seeds a test database with the Koksu rural districts and a small synthetic population, and gives the
 * same households straight from the generator so tests can compare what the fakes serve with what was
 * generated.
 */
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../src/db/connect';
import koksu from '../src/rules/districts/koksu.json';
import { generatePopulation, type SyntheticHousehold } from '../src/demo/population';
import { seedPopulation } from '../src/demo/seed';

export const TEST_REGISTRY = { persons: 2_000, seed: 'test-registry', asOf: Temporal.PlainDate.from('2026-11-25') } as const;

/** Inserts the Koksu rural districts (idempotent). */
export async function seedTestRuralDistricts(database: Database): Promise<void> {
  for (const d of koksu.ruralDistricts) {
    await database.query('insert into rural_district (id, name_kk, name_ru, example) values ($1, $2, $3, $4) on conflict (id) do nothing', [d.code, d.name_kk, d.name_ru, d.example]);
  }
}

/** Seeds the test population into `database` and returns the generated households. */
export async function seedTestRegistry(database: Database, persons: number = TEST_REGISTRY.persons): Promise<SyntheticHousehold[]> {
  await seedTestRuralDistricts(database);
  await seedPopulation(database, { persons, seed: TEST_REGISTRY.seed, asOf: TEST_REGISTRY.asOf, ruralDistricts: koksu.ruralDistricts });
  return [...generatePopulation({ persons, seed: TEST_REGISTRY.seed, asOf: TEST_REGISTRY.asOf, ruralDistricts: koksu.ruralDistricts })];
}
