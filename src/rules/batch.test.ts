import { describe, expect, it } from 'vitest';
import koksuJson from './districts/koksu.json';
import { evaluateBatch, toColumns } from './batch';
import { d, koksu, sample } from './batch-fixtures';
import { parseDistrictConfig, selectRulesVersion } from './district/config';
import { evaluateApplication, parseApplicationInput } from './evaluate';
import { RulesError } from './rules-error';
import { generateHouseholds } from './synthetic-households';

function compareWithTraced(config: typeof koksu, asOfText: string, category: string, count: number, seed: number, months?: string[]) {
  const asOf = d(asOfText);
  const households = generateHouseholds(count, seed, months ? { months } : {}).map((h, i) => ({ ...h, actualCostTiyn: h.actualCostTiyn ?? i * 1000 }));
  const version = selectRulesVersion(config, asOf);
  const batch = evaluateBatch(toColumns(households, months ? { applicationDate: asOf } : {}), { asOf, version, category });
  let eligible = 0;
  households.forEach((h, i) => {
    const needsCost = version.categories.find((c) => c.code === category)!.amountRule.kind === 'actual-cost-capped';
    const input = parseApplicationInput({ applicationDate: asOfText, category, family: { members: h.members }, ...(needsCost ? { actualCostTiyn: h.actualCostTiyn, eventDate: asOfText } : {}) });
    const traced = evaluateApplication(input, { asOf, config });
    expect(batch.eligible[i], `household ${i} eligibility`).toBe(traced.outcome === 'grant' ? 1 : 0);
    expect(batch.amountTiyn[i], `household ${i} amount`).toBe(traced.amountTiyn ?? 0);
    if (traced.perCapitaIncomeTiyn !== null) expect(batch.perCapitaTiyn[i], `household ${i} per-capita income`).toBe(traced.perCapitaIncomeTiyn);
    if (traced.outcome === 'grant') eligible++;
  });
  expect(batch.eligibleCount).toBe(eligible);
  return { eligible, count };
}

describe('batch path', () => {
  it('gives the traced path\'s outcome, per-capita income and amount for 3,000 random Koksu households (ground 6.4, 7.9)', () => {
    const { eligible, count } = compareWithTraced(koksu, '2025-05-15', '7.9', 3000, 11);
    // Both outcomes must occur, or the comparison proves little.
    expect(eligible).toBeGreaterThan(count * 0.1);
    expect(eligible).toBeLessThan(count * 0.9);
  });

  it('agrees with the traced path when incomes carry months around the quarter boundary (application on 1 January)', () => {
    compareWithTraced(koksu, '2025-01-01', '7.9', 1500, 12, ['2024-09', '2024-10', '2024-11', '2024-12', '2025-01']);
  });

  it('agrees with the traced path in the fictional district (livestock/land excluded, own threshold, whole-tenge rounding)', () => {
    compareWithTraced(sample, '2025-08-20', '7.1', 1500, 13);
    compareWithTraced(sample, '2025-08-20', '7.3', 1000, 14);
  });

  it('agrees with the traced path on an actual-cost category without income test', () => {
    compareWithTraced(koksu, '2025-05-15', '7.8', 500, 15);
  });

  it('runs the same columns under two versions (what-if): a higher threshold makes more households eligible', () => {
    const asOf = d('2025-05-15');
    const cols = toColumns(generateHouseholds(2000, 16));
    const current = selectRulesVersion(koksu, asOf);
    const json = structuredClone(koksuJson);
    json.series[0]!.entries[0]!.value = 1500;
    const draft = selectRulesVersion(parseDistrictConfig(json, 'draft.json'), asOf);
    const a = evaluateBatch(cols, { asOf, version: current });
    const b = evaluateBatch(cols, { asOf, version: draft });
    expect(a.category).toBe('7.9');
    expect(b.eligibleCount).toBeGreaterThan(a.eligibleCount);
  });

  it('rejects month-tagged incomes without an application date, and a family without members', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as RulesError).code;
      }
      return undefined;
    };
    expect(err(() => toColumns([{ id: 1, members: [{ incomes: [{ type: 'wages', amountTiyn: 1, month: '2025-01' }] }] }]))).toBe('INVALID_INPUT');
    expect(err(() => toColumns([{ id: 1, members: [] }]))).toBe('INVALID_INPUT');
  });
});
