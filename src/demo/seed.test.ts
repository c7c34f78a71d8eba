import { it, expect, beforeAll } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../test/db';
import { seedTestRegistry, seedTestRuralDistricts, TEST_REGISTRY } from '../../test/registry';
import type { SyntheticHousehold } from './population';
import { loadedPopulation, PopulationMismatchError, seedPopulation } from './seed';

const count = async (db: { query<T>(t: string): Promise<T[]> }, table: string): Promise<number> => Number((await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n);

describeDb('seedPopulation', (getDb) => {
  let households: SyntheticHousehold[] = [];
  beforeAll(async () => {
    households = await seedTestRegistry(getDb());
  });

  it('loads exactly the generated households, persons, incomes, benefits, property and assistance', async () => {
    const db = getDb();
    expect(await count(db, 'reg_household')).toBe(households.length);
    expect(await count(db, 'reg_person')).toBe(TEST_REGISTRY.persons);
    expect(await count(db, 'reg_income')).toBe(households.reduce((s, h) => s + h.incomes.length, 0));
    expect(await count(db, 'reg_benefit')).toBe(households.reduce((s, h) => s + h.benefits.length, 0));
    expect(await count(db, 'reg_property')).toBe(households.reduce((s, h) => s + h.property.length, 0));
    expect(await count(db, 'reg_assistance')).toBe(households.reduce((s, h) => s + h.assistance.length, 0));
    expect(await count(db, 'reg_person where not synthetic')).toBe(0);
  });

  it('writes the impact preview\'s quarterly aggregates exactly as reg_rebuild_quarters() computes them from the rows', async () => {
    const db = getDb();
    const snapshot = async () => ({
      size: await db.query(`select household_id::text, alive_until::text, rural_district_id, members from reg_household_size order by 1, 2`),
      income: await db.query(`select quarter::text, household_id::text, type, alive_until::text, amount_tiyn::text from reg_income_quarter order by 1, 2, 3, 4`),
    });
    const seeded = await snapshot();
    expect(seeded.size.length).toBeGreaterThanOrEqual(households.length);
    expect(seeded.income.length).toBeGreaterThan(households.length);
    expect(seeded.size.some((r) => (r as { alive_until: string }).alive_until !== 'infinity')).toBe(true);
    await db.query('select reg_rebuild_quarters()');
    expect(await snapshot()).toEqual(seeded);
  });

  it('stores a person field for field as generated', async () => {
    const h = households[7] as SyntheticHousehold;
    const p = h.persons[h.persons.length - 1];
    if (!p) throw new Error('empty household');
    const [row] = await getDb().query<Record<string, unknown>>(
      `select iin, last_name, first_name, patronymic, birth_date, sex, relation, household_id::int as household_id, rural_district_id, phone, phone_registered, iban, death_date,
              disability_group, child_disability, disease_code, probation, probation_since from reg_person where iin = $1`,
      [p.iin],
    );
    expect(row).toEqual({
      iin: p.iin, last_name: p.lastName, first_name: p.firstName, patronymic: p.patronymic, birth_date: p.birthDate, sex: p.sex, relation: p.relation,
      household_id: h.id, rural_district_id: h.ruralDistrictId, phone: p.phone, phone_registered: p.phoneRegistered, iban: p.iban, death_date: p.deathDate,
      disability_group: p.disabilityGroup, child_disability: p.childDisability, disease_code: p.diseaseCode, probation: p.probation, probation_since: p.probationSince,
    });
  });

  it('finds persons by a prefix of "last first" name in any letter case, through the name index', async () => {
    const db = getDb();
    const p = households[3]?.persons[0];
    if (!p) throw new Error('empty household');
    const prefix = `${p.lastName} ${p.firstName.slice(0, 2)}`.toUpperCase();
    const query = "select iin from reg_person where lower(last_name || ' ' || first_name) like lower($1) || '%'";
    const rows = await db.query<{ iin: string }>(query, [prefix]);
    expect(rows.map((r) => r.iin)).toContain(p.iin);
    const expected = households.flatMap((h) => h.persons).filter((q) => `${q.lastName} ${q.firstName}`.toLowerCase().startsWith(prefix.toLowerCase()));
    expect(rows).toHaveLength(expected.length);
    await db.query('set enable_seqscan = off');
    const plan = await db.query<Record<string, string>>(`explain ${query.replace('$1', `'${prefix}'`)}`);
    await db.query('reset enable_seqscan');
    expect(JSON.stringify(plan)).toContain('reg_person_name_idx');
  });

  it('records what it loaded and does nothing when asked for the same population again', async () => {
    const db = getDb();
    expect(await loadedPopulation(db)).toEqual({ seed: TEST_REGISTRY.seed, persons: TEST_REGISTRY.persons, households: households.length, asOf: TEST_REGISTRY.asOf.toString() });
    const again = await seedPopulation(db, { persons: TEST_REGISTRY.persons, seed: TEST_REGISTRY.seed, asOf: TEST_REGISTRY.asOf.add({ days: 30 }) });
    expect(again.seeded).toBe(false);
    expect(await count(db, 'reg_person')).toBe(TEST_REGISTRY.persons);
  });

  it('refuses to load another population over it unless asked to replace', async () => {
    const db = getDb();
    await expect(seedPopulation(db, { persons: 500, seed: 'other', asOf: TEST_REGISTRY.asOf })).rejects.toBeInstanceOf(PopulationMismatchError);
    expect(await count(db, 'reg_person')).toBe(TEST_REGISTRY.persons);
  });

  it('moves the identity sequences past the generated ids so later rows get fresh ids', async () => {
    const db = getDb();
    const [row] = await db.query<{ id: number }>(
      `insert into reg_household (rural_district_id, village, street, house, synthetic) values ('balpyk', 'Балпық би ауылы', 'Абай көшесі', '1', true) returning id::int as id`,
    );
    expect(row?.id).toBe(households.length + 1);
    await db.query('delete from reg_household where id = $1', [row?.id]);
  });

  it('replaces the population when asked, atomically', async () => {
    const db = getDb();
    const r = await seedPopulation(db, { persons: 300, seed: 'other', asOf: Temporal.PlainDate.from('2026-01-15'), replace: true });
    expect(r).toMatchObject({ seeded: true, persons: 300, seed: 'other', asOf: '2026-01-15' });
    expect(await count(db, 'reg_person')).toBe(300);
    // put the shared population back for the other tests of this file
    await seedPopulation(db, { persons: TEST_REGISTRY.persons, seed: TEST_REGISTRY.seed, asOf: TEST_REGISTRY.asOf, replace: true });
    expect(await count(db, 'reg_person')).toBe(TEST_REGISTRY.persons);
  });
});

describeDb('seedPopulation without rural districts', (getDb) => {
  it('explains that the rural districts must be seeded first, and writes nothing', async () => {
    const db = getDb();
    await expect(seedPopulation(db, { persons: 10, seed: 1, asOf: TEST_REGISTRY.asOf })).rejects.toThrow(/rural_district/);
    expect(await count(db, 'reg_person')).toBe(0);
    await seedTestRuralDistricts(db);
    const r = await seedPopulation(db, { persons: 10, seed: 1, asOf: TEST_REGISTRY.asOf });
    expect(r.persons).toBe(10);
  });
});

describeDb('seedPopulation called twice at once', (getDb) => {
  it('loads the population once: one call seeds, the other finds it loaded', async () => {
    const db = getDb();
    await seedTestRuralDistricts(db);
    const results = await Promise.all([1, 2].map(() => seedPopulation(db, { persons: 300, seed: 'race', asOf: TEST_REGISTRY.asOf })));
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    expect(await count(db, 'reg_person')).toBe(300);
  });
});
