import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import koksuJson from './districts/koksu.json';
import { EXACT_COUNTED_LIMIT, batchConstantsOf, evaluateBatch, toColumns, type BatchHousehold } from './batch';
import { evaluateHouseholdBatch, toHouseholdBatch, type HouseholdBatch } from './batch-totals';
import { d, koksu, sample, traced, withCosts } from './batch-fixtures';
import { parseDistrictConfig, selectRulesVersion, type DistrictConfig } from './district/config';
import { parseApplicationInput } from './evaluate';
import { RulesError } from './rules-error';
import { generateHouseholds } from './synthetic-households';

/** Judges the households through the one-pass batch, the columns path and the traced path; every household must agree. */
function expectSameAsTraced(config: DistrictConfig, asOfText: string, category: string, households: readonly BatchHousehold[], withMonths = false) {
  const asOf = d(asOfText);
  const batch = toHouseholdBatch(households, withMonths ? { applicationDate: asOf } : {});
  const result = evaluateHouseholdBatch(batch, { asOf, version: selectRulesVersion(config, asOf), category });
  let eligible = 0;
  let total = 0;
  traced(config, asOfText, category, households).forEach((r, i) => {
    expect(result.eligible[i], `household ${i} eligibility`).toBe(r.outcome === 'grant' ? 1 : 0);
    expect(result.amountTiyn[i], `household ${i} amount`).toBe(r.amountTiyn ?? 0);
    if (r.perCapitaIncomeTiyn !== null) expect(result.perCapitaTiyn[i], `household ${i} per-capita income`).toBe(r.perCapitaIncomeTiyn);
    if (r.outcome === 'grant') eligible++;
    total += r.amountTiyn ?? 0;
  });
  expect(result.eligibleCount).toBe(eligible);
  expect(result.totalAmountTiyn).toBe(total);
  // The columns path (toColumns + evaluateBatch) on the same households gives the same arrays.
  const viaColumns = evaluateBatch(toColumns(households, withMonths ? { applicationDate: asOf } : {}), { asOf, version: selectRulesVersion(config, asOf), category });
  expect([...viaColumns.eligible]).toEqual([...result.eligible]);
  expect([...viaColumns.amountTiyn]).toEqual([...result.amountTiyn]);
  expect([...viaColumns.perCapitaTiyn]).toEqual([...result.perCapitaTiyn]);
  return result;
}

describe('one-pass batch from household totals', () => {
  it("gives the traced path's outcome, per-capita income and amount for 5,000 random Koksu households (ground 6.4, 7.9)", () => {
    const r = expectSameAsTraced(koksu, '2025-05-15', '7.9', generateHouseholds(5000, 21));
    // Both outcomes must occur, or the comparison proves little.
    expect(r.eligibleCount).toBeGreaterThan(500);
    expect(r.eligibleCount).toBeLessThan(4500);
  });

  it('counts only the income quarter when incomes carry months (application on 1 January: Q4 of the year before)', () => {
    expectSameAsTraced(koksu, '2025-01-01', '7.9', generateHouseholds(2000, 22, { months: ['2024-09', '2024-10', '2024-11', '2024-12', '2025-01'] }), true);
  });

  it('agrees in the fictional district (livestock and land excluded, own threshold multiple, whole-tenge rounding)', () => {
    expectSameAsTraced(sample, '2025-08-20', '7.1', generateHouseholds(2000, 23));
    expectSameAsTraced(sample, '2025-08-20', '7.3', generateHouseholds(1000, 24));
  });

  it('pays the actual cost up to the cap on a category without income test, and on one with it', () => {
    expectSameAsTraced(koksu, '2025-05-15', '7.8', withCosts(generateHouseholds(800, 25)));
    expectSameAsTraced(sample, '2025-08-20', '7.2', withCosts(generateHouseholds(800, 26)));
  });

  it('agrees on the edges: no income, exactly at the threshold and one tiyn above, half-tiyn per-capita rounding, incomes beyond exact doubles', () => {
    const asOf = d('2025-05-15');
    const k = batchConstantsOf(selectRulesVersion(koksu, asOf), asOf, '7.9');
    const family = (members: number, wages: number, pension = 0): BatchHousehold => ({
      id: `${members}/${wages}`,
      members: Array.from({ length: members }, (_, m) => ({ incomes: m === 0 ? [{ type: 'wages', amountTiyn: wages }, { type: 'pension', amountTiyn: pension }] : [] })),
    });
    const households: BatchHousehold[] = [];
    const atThreshold: number[] = [];
    for (let m = 1; m <= 8; m++) {
      // counted × 1000 = multiple × SM × 3 × members exactly: not above the threshold (p.20.3 refuses only "above").
      const exact = (k.multipleThousandths * k.subsistenceMinimumTiyn * 3 * m) / 1000;
      const at = Math.floor(exact);
      if (at === exact) atThreshold.push(households.length + 1); // the second household pushed below
      households.push(family(m, 0), family(m, at), family(m, at + 1), family(m, at - 1, 1), family(m, 3 * m * 1000 + Math.floor((3 * m) / 2)), family(m, 3 * m * 1000 + Math.ceil((3 * m) / 2)));
      households.push(family(m, EXACT_COUNTED_LIMIT, 1), family(m, EXACT_COUNTED_LIMIT * 3, 7), family(m, Number.MAX_SAFE_INTEGER - 10, 3));
    }
    const r = expectSameAsTraced(koksu, '2025-05-15', '7.9', households);
    expect(atThreshold.length).toBeGreaterThan(0);
    for (const i of atThreshold) {
      expect(r.eligible[i], `household ${i} exactly at the threshold`).toBe(1);
      expect(r.eligible[i + 1], `household ${i + 1} one tiyn above`).toBe(0);
    }
  });

  it('agrees with the traced path on arbitrary families (property: any catalogue or unknown type, any size, any amount)', () => {
    const types = [...koksu.incomeCatalogue.types.map((t) => t.code), 'found-treasure'];
    const amount = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 2 ** 48 }));
    const member = fc.record({ incomes: fc.array(fc.record({ type: fc.constantFrom(...types), amountTiyn: amount }), { maxLength: 4 }) });
    const household = fc.record({ id: fc.nat(), members: fc.array(member, { minLength: 1, maxLength: 9 }) });
    fc.assert(
      fc.property(fc.array(household, { minLength: 1, maxLength: 40 }), fc.constantFrom('2025-02-10', '2025-05-15', '2025-12-31'), (hs, date) => {
        expectSameAsTraced(koksu, date, '7.9', hs);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same results as the columns path, and reads short rows as zeros', () => {
    const asOf = d('2025-05-15');
    const version = selectRulesVersion(koksu, asOf);
    const hs = generateHouseholds(3000, 27);
    const full = evaluateHouseholdBatch(toHouseholdBatch(hs), { asOf, version });
    const viaColumns = evaluateBatch(toColumns(hs), { asOf, version });
    expect([...full.eligible]).toEqual([...viaColumns.eligible]);
    expect([...full.amountTiyn]).toEqual([...viaColumns.amountTiyn]);
    expect([...full.perCapitaTiyn]).toEqual([...viaColumns.perCapitaTiyn]);
    const batch = toHouseholdBatch(hs);
    const trimmed: HouseholdBatch = {
      incomeTypes: batch.incomeTypes,
      households: batch.households.map((h) => {
        let len = h.incomeTiyn.length;
        while (len > 0 && h.incomeTiyn[len - 1] === 0) len--;
        return { ...h, incomeTiyn: h.incomeTiyn.slice(0, len) };
      }),
    };
    expect(trimmed.households.some((h) => h.incomeTiyn.length < batch.incomeTypes.length)).toBe(true);
    expect([...evaluateHouseholdBatch(trimmed, { asOf, version }).eligible]).toEqual([...full.eligible]);
  });

  it('reuses the buffers of an earlier result and overwrites every entry', () => {
    const asOf = d('2025-05-15');
    const version = selectRulesVersion(koksu, asOf);
    const a = toHouseholdBatch(generateHouseholds(1000, 28));
    const b = toHouseholdBatch(generateHouseholds(1000, 29));
    const first = evaluateHouseholdBatch(a, { asOf, version });
    const fresh = evaluateHouseholdBatch(b, { asOf, version });
    const reused = evaluateHouseholdBatch(b, { asOf, version, reuse: first });
    expect(reused.eligible).toBe(first.eligible);
    expect([...reused.eligible]).toEqual([...fresh.eligible]);
    expect([...reused.amountTiyn]).toEqual([...fresh.amountTiyn]);
    expect([...reused.perCapitaTiyn]).toEqual([...fresh.perCapitaTiyn]);
  });

  it('runs a draft version on the same batch (what-if): a higher threshold makes more households eligible', () => {
    const asOf = d('2025-05-15');
    const batch = toHouseholdBatch(generateHouseholds(2000, 30));
    const json = structuredClone(koksuJson);
    json.series[0]!.entries[0]!.value = 1500;
    const draft = selectRulesVersion(parseDistrictConfig(json, 'draft.json'), asOf);
    const a = evaluateHouseholdBatch(batch, { asOf, version: selectRulesVersion(koksu, asOf) });
    const b = evaluateHouseholdBatch(batch, { asOf, version: draft });
    expect(a.category).toBe('7.9');
    expect(b.eligibleCount).toBeGreaterThan(a.eligibleCount);
  });

  it('refuses what the traced path refuses: no members, negative or fractional amounts, rows longer than the types, a missing actual cost', () => {
    const asOf = d('2025-05-15');
    const version = selectRulesVersion(koksu, asOf);
    const err = (households: HouseholdBatch['households'], category?: string) => {
      try {
        evaluateHouseholdBatch({ incomeTypes: ['wages', 'pension'], households }, { asOf, version, ...(category ? { category } : {}) });
      } catch (e) {
        return `${(e as RulesError).code} ${(e as RulesError).path}`;
      }
      return 'accepted';
    };
    const ok = { id: 1, members: 2, incomeTiyn: [100, 200] };
    expect(err([ok])).toBe('accepted');
    expect(err([ok, { id: 2, members: 0, incomeTiyn: [] }])).toBe('INVALID_INPUT households[1].members');
    expect(err([{ id: 2, members: 1.5, incomeTiyn: [] }])).toBe('INVALID_INPUT households[0].members');
    expect(err([ok, { id: 2, members: 1, incomeTiyn: [5, -1] }])).toBe('INVALID_INPUT households[1].incomeTiyn[1]');
    expect(err([{ id: 2, members: 1, incomeTiyn: [0.5] }])).toBe('INVALID_INPUT households[0].incomeTiyn[0]');
    expect(err([{ id: 2, members: 1, incomeTiyn: [2 ** 40 + 0.5] }])).toBe('INVALID_INPUT households[0].incomeTiyn[0]');
    expect(err([{ id: 2, members: 1, incomeTiyn: [1, 2, 3] }])).toBe('INVALID_INPUT households[0].incomeTiyn');
    expect(err([{ id: 2, members: 1 } as never])).toBe('INVALID_INPUT households[0].incomeTiyn');
    // Also in a type the catalogue does not count: an application with such an amount is refused as well.
    const excluded = { incomeTypes: ['targeted-social-assistance'], households: [{ id: 2, members: 1, incomeTiyn: [2 ** 60] }] };
    expect(() => evaluateHouseholdBatch(excluded, { asOf, version })).toThrow(/incomeTiyn\[0\]/);
    expect(() => evaluateHouseholdBatch({ ...excluded, households: [{ id: 2, members: 1, incomeTiyn: [Number.POSITIVE_INFINITY] }] }, { asOf, version })).toThrow(/incomeTiyn\[0\]/);
    expect(() => parseApplicationInput({ applicationDate: '2025-05-15', category: '7.9', family: { members: [{ incomes: [{ type: 'targeted-social-assistance', amountTiyn: 2 ** 60 }] }] } })).toThrow(RulesError);
    expect(err([ok], '7.8')).toBe('INVALID_INPUT households[0].actualCostTiyn');
    expect(err([{ ...ok, actualCostTiyn: 5000 }], '7.8')).toBe('accepted');
    expect(err([{ ...ok, actualCostTiyn: 5000 }, { ...ok, actualCostTiyn: -1 }], '7.8')).toBe('INVALID_INPUT households[1].actualCostTiyn');
    expect(() => toHouseholdBatch([{ id: 1, members: [{ incomes: [{ type: 'wages', amountTiyn: 1, month: '2025-01' }] }] }])).toThrow(RulesError);
    // A negative item is refused before it could cancel a positive one in the family's total.
    expect(() => toHouseholdBatch([{ id: 1, members: [{ incomes: [{ type: 'wages', amountTiyn: 500 }] }, { incomes: [{ type: 'wages', amountTiyn: -500 }] }] }])).toThrow(/members\[1\]\.incomes\[0\]\.amountTiyn/);
    expect(() => parseApplicationInput({ applicationDate: '2025-05-15', category: '7.9', family: { members: [] } })).toThrow(RulesError);
    expect(err([{ id: 2, members: 1, incomeTiyn: [] }], '7.77')).toBe('UNKNOWN_CATEGORY category');
  });
});
