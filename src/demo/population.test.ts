import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import koksu from '../rules/districts/koksu.json';
import { checkIban, checkIin } from '../rules/identifiers';
import { BENEFIT_CATEGORIES, BENEFIT_TYPES } from '../adapters/ministry/port';
import { INCOME_TYPES, RELATIONS } from '../adapters/egov/port';
import { civilFromDays, daysFromCivil, generatePopulation, type SyntheticHousehold } from './population';
import { Random } from './random';
import { NATIONAL, NATIONAL_PARAMETERS } from '../rules/params/national';
import { requireParameter } from '../rules/params/series';

const AS_OF = Temporal.PlainDate.from('2026-11-25');
const DISTRICTS = koksu.ruralDistricts;

function generate(persons: number, seed: number | string = 7, asOf = AS_OF): SyntheticHousehold[] {
  return [...generatePopulation({ persons, seed, asOf, ruralDistricts: DISTRICTS })];
}

const population = generate(20_000);
const persons = population.flatMap((h) => h.persons);
const ageOf = (birthDate: string): number => Temporal.PlainDate.from(birthDate).until(AS_OF, { largestUnit: 'years' }).years;

describe('the synthetic population generator', () => {
  it('produces exactly the number of persons asked for, in households of 1 to 9', () => {
    expect(persons).toHaveLength(20_000);
    for (const h of population) {
      expect(h.persons.length).toBeGreaterThanOrEqual(1);
      expect(h.persons.length).toBeLessThanOrEqual(9);
    }
    expect(generate(0)).toEqual([]);
    expect(generate(1).flatMap((h) => h.persons)).toHaveLength(1);
  });

  it('gives the same data for the same seed and different data for another seed', () => {
    expect(generate(2_000, 99)).toEqual(generate(2_000, 99));
    expect(generate(2_000, 100).map((h) => h.persons[0]?.iin)).not.toEqual(generate(2_000, 99).map((h) => h.persons[0]?.iin));
  });

  it('makes a smaller population the prefix of a larger one (except the household cut to fit)', () => {
    const small = generate(3_000);
    const large = population;
    expect(small.slice(0, -1)).toEqual(large.slice(0, small.length - 1));
  });

  it('labels every household as synthetic and puts exactly one head first', () => {
    for (const h of population) {
      expect(h.synthetic).toBe(true);
      expect(h.persons[0]?.relation).toBe('head');
      expect(h.persons.filter((p) => p.relation === 'head')).toHaveLength(1);
      for (const p of h.persons) expect(RELATIONS).toContain(p.relation);
    }
  });

  it('gives every person a unique valid IIN consistent with the birth date and sex', () => {
    const seen = new Set<string>();
    for (const p of persons) {
      const check = checkIin(p.iin);
      expect(check.valid, p.iin).toBe(true);
      expect(check.birthDate?.toString()).toBe(p.birthDate);
      expect(check.sex).toBe(p.sex);
      seen.add(p.iin);
    }
    expect(seen.size).toBe(persons.length);
  });

  it('gives most adults a unique valid Kazakh IBAN and children none of their own', () => {
    const adults = persons.filter((p) => ageOf(p.birthDate) >= 18);
    const withIban = adults.filter((p) => p.iban !== null);
    expect(withIban.length / adults.length).toBeGreaterThan(0.8);
    const ibans = persons.flatMap((p) => (p.iban ? [p.iban] : []));
    for (const iban of ibans) expect(checkIban(iban).valid, iban).toBe(true);
    expect(new Set(ibans).size).toBe(ibans.length);
    expect(persons.filter((p) => ageOf(p.birthDate) < 18 && p.iban !== null)).toEqual([]);
  });

  it('gives adults unique mobile numbers, most but not all registered in the mobile-citizens database', () => {
    const phones = persons.flatMap((p) => (p.phone ? [p.phone] : []));
    for (const phone of phones) expect(phone).toMatch(/^\+77\d{9}$/);
    expect(new Set(phones).size).toBe(phones.length);
    const registered = persons.filter((p) => p.phone && p.phoneRegistered).length / phones.length;
    expect(registered).toBeGreaterThan(0.7);
    expect(registered).toBeLessThan(0.95);
    expect(persons.some((p) => !p.phone && p.phoneRegistered)).toBe(false);
    expect(persons.filter((p) => ageOf(p.birthDate) < 16).every((p) => p.phone === null)).toBe(true);
  });

  it('makes children at least 15 years younger than the head of a young household', () => {
    for (const h of population) {
      const head = h.persons[0];
      if (!head || ageOf(head.birthDate) >= 60) continue;
      for (const c of h.persons.filter((p) => p.relation === 'child')) {
        expect(Temporal.PlainDate.compare(Temporal.PlainDate.from(head.birthDate).add({ years: 15 }), Temporal.PlainDate.from(c.birthDate))).toBeLessThanOrEqual(0);
      }
    }
  });

  it('places households in the district configuration\'s rural districts, in all of them', () => {
    const codes = new Set(DISTRICTS.map((d) => d.code));
    const used = new Set(population.map((h) => h.ruralDistrictId));
    for (const c of used) expect(codes.has(c)).toBe(true);
    expect(used.size).toBe(codes.size);
  });

  it('reports incomes only for the twelve full months before asOf, in whole positive tiyn, of known types', () => {
    const months = new Set(population.flatMap((h) => h.incomes.map((i) => i.month)));
    expect([...months].sort()).toEqual(Array.from({ length: 12 }, (_, i) => AS_OF.toPlainYearMonth().subtract({ months: 12 - i }).toString()));
    const types = new Set<string>(INCOME_TYPES);
    const bad = population.flatMap((h) => {
      const ids = new Set(h.persons.map((p) => p.id));
      return h.incomes.filter((i) => !(Number.isSafeInteger(i.amountTiyn) && i.amountTiyn > 0 && types.has(i.type) && ids.has(i.personId)));
    });
    expect(bad).toEqual([]);
    const keys = population.flatMap((h) => h.incomes.map((i) => `${i.personId}|${i.month}|${i.type}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has a realistic share of families whose per-capita income of the last quarter is below the subsistence minimum', () => {
    const lastQuarter = new Set(['2026-07', '2026-08', '2026-09']);
    const series = NATIONAL_PARAMETERS.get(NATIONAL.subsistenceMinimum);
    if (!series) throw new Error('no subsistence minimum series');
    const subsistenceMinimumTiyn = Number(requireParameter(series, AS_OF).value);
    const below = population.filter((h) => {
      const total = h.incomes.filter((i) => lastQuarter.has(i.month)).reduce((s, i) => s + i.amountTiyn, 0);
      return total / h.persons.length / 3 < subsistenceMinimumTiyn;
    }).length;
    const share = below / population.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.35);
  });

  it('gives pensions and allowances of known types and categories, with from ≤ to and valid IBANs', () => {
    const benefits = population.flatMap((h) => h.benefits);
    const categories = new Set<string>(benefits.map((b) => b.category));
    for (const b of benefits) {
      expect(BENEFIT_TYPES[b.type].kind).toBe(b.kind);
      expect(Object.keys(BENEFIT_CATEGORIES)).toContain(b.category);
      if (b.to !== null) expect(b.from <= b.to).toBe(true);
      expect(b.iban !== null && checkIban(b.iban).valid).toBe(true);
    }
    for (const c of ['age-pensioner', 'disability-1', 'disability-2', 'disability-3', 'child-disability', 'large-family', 'child-care', 'survivor']) expect(categories.has(c)).toBe(true);
  });

  it('pays age pensions only from retirement age (63 for men, 61 for women)', () => {
    const byId = new Map(persons.map((p) => [p.id, p]));
    for (const b of population.flatMap((h) => h.benefits).filter((b) => b.type === 'age')) {
      const p = byId.get(b.personId);
      if (!p) throw new Error('benefit without person');
      const age = Temporal.PlainDate.from(p.birthDate).until(Temporal.PlainDate.from(b.from), { largestUnit: 'years' }).years;
      expect(age).toBe(p.sex === 'male' ? 63 : 61);
    }
  });

  it('includes the circumstances the Rules look at: deaths, disability, disease, probation, property, assistance', () => {
    expect(persons.filter((p) => p.deathDate !== null).length).toBeGreaterThan(20);
    for (const p of persons.filter((q) => q.deathDate !== null)) expect(p.deathDate! >= p.birthDate && p.deathDate! < AS_OF.toString()).toBe(true);
    expect(persons.filter((p) => p.disabilityGroup === 1).length).toBeGreaterThan(10);
    expect(persons.filter((p) => p.childDisability).length).toBeGreaterThan(10);
    expect(persons.filter((p) => p.diseaseCode !== null).length).toBeGreaterThan(50);
    expect(persons.filter((p) => p.probation === 'probation').length).toBeGreaterThan(5);
    expect(persons.filter((p) => p.probation === 'released').length).toBeGreaterThan(5);
    const property = population.flatMap((h) => h.property);
    for (const kind of ['livestock', 'land', 'car', 'real-estate']) expect(property.some((p) => p.kind === kind)).toBe(true);
    expect(property.every((p) => Number.isSafeInteger(p.quantity) && p.quantity > 0)).toBe(true);
    const assistance = population.flatMap((h) => h.assistance);
    expect(new Set(assistance.map((a) => a.ground))).toEqual(new Set(['6.3', '6.4', '6.7']));
    expect(assistance.some((a) => a.status === 'applied')).toBe(true);
  });

  it('keeps ids unique and increasing across the stream', () => {
    const ids = persons.map((p) => p.id);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    const benefitIds = population.flatMap((h) => h.benefits.map((b) => b.id));
    expect(new Set(benefitIds).size).toBe(benefitIds.length);
  });

  it('rejects a negative or fractional size and an empty district list', () => {
    expect(() => generate(-1)).toThrow(RangeError);
    expect(() => generate(1.5)).toThrow(RangeError);
    expect(() => [...generatePopulation({ persons: 1, seed: 1, asOf: AS_OF, ruralDistricts: [] })]).toThrow(RangeError);
  });
});

describe('civil day numbers', () => {
  it('agree with Temporal both ways over 1800–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1800, 1, 1), max: daysFromCivil(2100, 12, 31) }), (days) => {
        const date = Temporal.PlainDate.from('1970-01-01').add({ days });
        expect(civilFromDays(days)).toEqual([date.year, date.month, date.day]);
        expect(daysFromCivil(date.year, date.month, date.day)).toBe(days);
      }),
    );
  });
});

describe('Random', () => {
  it('repeats the same stream for the same seed and stays within bounds', () => {
    const a = new Random(12345);
    const b = new Random(12345);
    const xs = Array.from({ length: 1000 }, () => a.int(3, 9));
    expect(Array.from({ length: 1000 }, () => b.int(3, 9))).toEqual(xs);
    expect(Math.min(...xs)).toBe(3);
    expect(Math.max(...xs)).toBe(9);
    expect(Random.derive(1, 'household', 5).nextUint32()).toBe(Random.derive(1, 'household', 5).nextUint32());
    expect(Random.derive(1, 'household', 5).nextUint32()).not.toBe(Random.derive(1, 'household', 6).nextUint32());
  });
});
