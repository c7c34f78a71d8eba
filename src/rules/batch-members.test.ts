import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXACT_COUNTED_LIMIT, batchConstantsOf, type BatchHousehold } from './batch';
import { evaluateMemberIncomeBatch, toMemberIncomeBatch, type HouseholdMemberIncomes } from './batch-members';
import { evaluateHouseholdBatch, toHouseholdBatch } from './batch-totals';
import { d, koksu, sample, traced, withCosts } from './batch-fixtures';
import { selectRulesVersion, type DistrictConfig } from './district/config';
import { treatIncomeType } from './income';
import { RulesError } from './rules-error';
import { generateHouseholds } from './synthetic-households';

/** Judges the households from their members' incomes and through the traced path; every household must agree, and the totals shape too. */
function expectSameAsTraced(config: DistrictConfig, asOfText: string, category: string, households: readonly BatchHousehold[], withMonths = false) {
  const asOf = d(asOfText);
  const version = selectRulesVersion(config, asOf);
  const batch = toMemberIncomeBatch(households, withMonths ? { applicationDate: asOf } : {});
  const result = evaluateMemberIncomeBatch(batch, { asOf, version, category });
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
  const viaTotals = evaluateHouseholdBatch(toHouseholdBatch(households, withMonths ? { applicationDate: asOf } : {}), { asOf, version, category });
  expect([...result.eligible]).toEqual([...viaTotals.eligible]);
  expect([...result.amountTiyn]).toEqual([...viaTotals.amountTiyn]);
  expect([...result.perCapitaTiyn]).toEqual([...viaTotals.perCapitaTiyn]);
  expect([...result.counted]).toEqual([...viaTotals.counted]);
  return result;
}

describe("one-pass batch from members' incomes", () => {
  it("gives the traced path's outcome, per-capita income and amount for 5,000 random Koksu households (ground 6.4, 7.9)", () => {
    const r = expectSameAsTraced(koksu, '2025-05-15', '7.9', generateHouseholds(5000, 41));
    // Both outcomes must occur, or the comparison proves little.
    expect(r.eligibleCount).toBeGreaterThan(500);
    expect(r.eligibleCount).toBeLessThan(4500);
  });

  it('lays the members out member by member: member p, income type t at p × types + t', () => {
    const batch = toMemberIncomeBatch([{ id: 1, members: [{ incomes: [{ type: 'pension', amountTiyn: 7 }] }, { incomes: [] }, { incomes: [{ type: 'wages', amountTiyn: 5 }, { type: 'wages', amountTiyn: 6 }] }] }], { incomeTypes: ['wages', 'pension'] });
    expect(batch).toEqual({ incomeTypes: ['wages', 'pension'], households: [{ id: 1, members: 3, memberIncomeTiyn: [0, 7, 0, 0, 11, 0], actualCostTiyn: undefined }] });
  });

  it('counts only the income quarter when incomes carry months (application on 1 January: Q4 of the year before)', () => {
    expectSameAsTraced(koksu, '2025-01-01', '7.9', generateHouseholds(2000, 42, { months: ['2024-09', '2024-10', '2024-11', '2024-12', '2025-01'] }), true);
  });

  it('agrees in the fictional district (livestock and land excluded, own threshold multiple, whole-tenge rounding)', () => {
    expectSameAsTraced(sample, '2025-08-20', '7.1', generateHouseholds(2000, 43));
    expectSameAsTraced(sample, '2025-08-20', '7.3', generateHouseholds(1000, 44));
  });

  it('pays the actual cost up to the cap on a category without income test, and on one with it', () => {
    expectSameAsTraced(koksu, '2025-05-15', '7.8', withCosts(generateHouseholds(800, 45)));
    expectSameAsTraced(sample, '2025-08-20', '7.2', withCosts(generateHouseholds(800, 46)));
  });

  it('agrees on the edges: no income, a member without income, exactly at the threshold and one tiyn above, half-tiyn rounding, an excluded type, incomes beyond exact doubles', () => {
    const asOf = d('2025-05-15');
    const version = selectRulesVersion(koksu, asOf);
    const k = batchConstantsOf(version, asOf, '7.9');
    expect(treatIncomeType(koksu, 'targeted-social-assistance')).toBe('excluded-by-catalogue');
    // The family's income split between its first and last member; the middle ones have none.
    const family = (members: number, wages: number, pension = 0, excluded = 0): BatchHousehold => ({
      id: `${members}/${wages}/${pension}/${excluded}`,
      members: Array.from({ length: members }, (_, m) => ({
        incomes: [
          ...(m === 0 ? [{ type: 'wages', amountTiyn: wages - Math.floor(wages / 3) }, { type: 'targeted-social-assistance', amountTiyn: excluded }] : []),
          ...(m === members - 1 ? [{ type: 'wages', amountTiyn: Math.floor(wages / 3) }, { type: 'pension', amountTiyn: pension }] : []),
        ],
      })),
    });
    const households: BatchHousehold[] = [];
    const atThreshold: number[] = [];
    for (let m = 1; m <= 8; m++) {
      // counted × 1000 = multiple × SM × 3 × members exactly: not above the threshold (p.20.3 refuses only "above").
      const exact = (k.multipleThousandths * k.subsistenceMinimumTiyn * 3 * m) / 1000;
      const at = Math.floor(exact);
      if (at === exact) atThreshold.push(households.length + 1); // the second household pushed below
      households.push(family(m, 0), family(m, at), family(m, at + 1), family(m, at - 1, 1), family(m, 3 * m * 1000 + Math.floor((3 * m) / 2)), family(m, 3 * m * 1000 + Math.ceil((3 * m) / 2)));
      // A large excluded income changes nothing; the same amount counted would refuse.
      households.push(family(m, at, 0, 10 ** 12), family(m, at + 10 ** 12));
      households.push({ id: `${m} without income`, members: Array.from({ length: m }, () => ({ incomes: [] })) });
      households.push(family(m, EXACT_COUNTED_LIMIT, 1), family(m, EXACT_COUNTED_LIMIT * 3, 7), family(m, Number.MAX_SAFE_INTEGER - 10, 3));
    }
    const r = expectSameAsTraced(koksu, '2025-05-15', '7.9', households);
    expect(atThreshold.length).toBeGreaterThan(0);
    for (const i of atThreshold) {
      expect(r.eligible[i], `household ${i} exactly at the threshold`).toBe(1);
      expect(r.eligible[i + 1], `household ${i + 1} one tiyn above`).toBe(0);
      expect(r.eligible[i + 5], `household ${i + 5}: the excluded income does not count`).toBe(1);
      expect(r.eligible[i + 6], `household ${i + 6}: the same amount counted refuses`).toBe(0);
      expect(r.eligible[i + 7], `household ${i + 7}: no income`).toBe(1);
      expect(r.perCapitaTiyn[i + 7]).toBe(0);
    }
  });

  it('agrees with the traced path on thousands of arbitrary families (property: any catalogue or unknown type, any size, any amount)', () => {
    const types = [...koksu.incomeCatalogue.types.map((t) => t.code), 'found-treasure'];
    const amount = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 2 ** 47 }));
    const member = fc.record({ incomes: fc.array(fc.record({ type: fc.constantFrom(...types), amountTiyn: amount }), { maxLength: 4 }) });
    const household = fc.record({ id: fc.nat(), members: fc.array(member, { minLength: 1, maxLength: 9 }) });
    let judged = 0;
    fc.assert(
      fc.property(fc.array(household, { minLength: 10, maxLength: 40 }), fc.constantFrom('2025-02-10', '2025-05-15', '2025-12-31'), (hs, date) => {
        expectSameAsTraced(koksu, date, '7.9', hs);
        judged += hs.length;
      }),
      { numRuns: 200 },
    );
    expect(judged).toBeGreaterThanOrEqual(2000);
  });

  it('reuses the buffers of an earlier result and overwrites every entry', () => {
    const asOf = d('2025-05-15');
    const version = selectRulesVersion(koksu, asOf);
    const first = evaluateMemberIncomeBatch(toMemberIncomeBatch(generateHouseholds(1000, 48)), { asOf, version });
    const b = toMemberIncomeBatch(generateHouseholds(1000, 49));
    const fresh = evaluateMemberIncomeBatch(b, { asOf, version });
    const reused = evaluateMemberIncomeBatch(b, { asOf, version, reuse: first });
    expect(reused.eligible).toBe(first.eligible);
    expect([...reused.eligible]).toEqual([...fresh.eligible]);
    expect([...reused.amountTiyn]).toEqual([...fresh.amountTiyn]);
    expect([...reused.perCapitaTiyn]).toEqual([...fresh.perCapitaTiyn]);
  });

  it('reads the types in the order the batch names them', () => {
    const asOf = d('2025-05-15');
    const version = selectRulesVersion(koksu, asOf);
    const hs = generateHouseholds(1500, 50);
    const types = [...toMemberIncomeBatch(hs).incomeTypes].reverse();
    const a = evaluateMemberIncomeBatch(toMemberIncomeBatch(hs), { asOf, version });
    const b = evaluateMemberIncomeBatch(toMemberIncomeBatch(hs, { incomeTypes: types }), { asOf, version });
    expect([...b.eligible]).toEqual([...a.eligible]);
    expect([...b.counted]).toEqual([...a.counted]);
  });

  it('refuses what the traced path refuses: no members, negative or fractional amounts, rows not members × types long, a missing actual cost', () => {
    const asOf = d('2025-05-15');
    const version = selectRulesVersion(koksu, asOf);
    const err = (households: readonly HouseholdMemberIncomes[], category?: string) => {
      try {
        evaluateMemberIncomeBatch({ incomeTypes: ['wages', 'pension'], households }, { asOf, version, ...(category ? { category } : {}) });
      } catch (e) {
        return `${(e as RulesError).code} ${(e as RulesError).path}`;
      }
      return 'accepted';
    };
    const ok = { id: 1, members: 2, memberIncomeTiyn: [100, 200, 0, 0] };
    expect(err([ok])).toBe('accepted');
    expect(err([ok, { id: 2, members: 0, memberIncomeTiyn: [] }])).toBe('INVALID_INPUT households[1].members');
    expect(err([{ id: 2, members: 1.5, memberIncomeTiyn: [0, 0] }])).toBe('INVALID_INPUT households[0].members');
    expect(err([ok, { id: 2, members: 2, memberIncomeTiyn: [5, 0, 0, -1] }])).toBe('INVALID_INPUT households[1].memberIncomeTiyn[3]');
    expect(err([{ id: 2, members: 1, memberIncomeTiyn: [0.5, 0] }])).toBe('INVALID_INPUT households[0].memberIncomeTiyn[0]');
    expect(err([{ id: 2, members: 1, memberIncomeTiyn: [0, 2 ** 40 + 0.5] }])).toBe('INVALID_INPUT households[0].memberIncomeTiyn[1]');
    expect(err([{ id: 2, members: 1, memberIncomeTiyn: [0, Number.NaN] }])).toBe('INVALID_INPUT households[0].memberIncomeTiyn[1]');
    expect(err([{ id: 2, members: 1, memberIncomeTiyn: [2 ** 40, 2 ** 45] }])).toBe('accepted');
    expect(err([{ id: 2, members: 2, memberIncomeTiyn: [1, 2] }])).toBe('INVALID_INPUT households[0].memberIncomeTiyn');
    expect(err([{ id: 2, members: 1, memberIncomeTiyn: [1, 2, 3] }])).toBe('INVALID_INPUT households[0].memberIncomeTiyn');
    expect(err([{ id: 2, members: 1 } as never])).toBe('INVALID_INPUT households[0].memberIncomeTiyn');
    expect(err([{ id: 2, members: 2, memberIncomeTiyn: [Number.MAX_SAFE_INTEGER, 0, 5, 0] }])).toBe('INVALID_INPUT households[0].memberIncomeTiyn');
    // Also in a type the catalogue does not count: an application with such an amount is refused as well.
    const excluded = { incomeTypes: ['targeted-social-assistance'], households: [{ id: 2, members: 1, memberIncomeTiyn: [2 ** 60] }] };
    expect(() => evaluateMemberIncomeBatch(excluded, { asOf, version })).toThrow(/memberIncomeTiyn\[0\]/);
    expect(err([ok], '7.8')).toBe('INVALID_INPUT households[0].actualCostTiyn');
    expect(err([{ ...ok, actualCostTiyn: 5000 }], '7.8')).toBe('accepted');
    expect(err([{ ...ok, actualCostTiyn: 5000 }, { ...ok, actualCostTiyn: -1 }], '7.8')).toBe('INVALID_INPUT households[1].actualCostTiyn');
    expect(() => toMemberIncomeBatch([{ id: 1, members: [{ incomes: [{ type: 'wages', amountTiyn: 1, month: '2025-01' }] }] }])).toThrow(RulesError);
    expect(() => toMemberIncomeBatch([{ id: 1, members: [{ incomes: [] }, { incomes: [{ type: 'wages', amountTiyn: -500 }] }] }])).toThrow(/members\[1\]\.incomes\[0\]\.amountTiyn/);
    expect(err([{ id: 2, members: 1, memberIncomeTiyn: [0, 0] }], '7.77')).toBe('UNKNOWN_CATEGORY category');
  });
});
