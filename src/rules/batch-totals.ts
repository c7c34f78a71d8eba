/**
 * The batch path's fast input: households as the income test of p.6.4 / p.20.3 needs them — the family's
 * size (p.2.7) and its income of the income quarter by type (Social Code art. 127: the quarter before the
 * application's quarter) — judged in one pass, straight from the plain objects into the result arrays.
 *
 *   evaluateHouseholdBatch({ incomeTypes, households }, { asOf, version, category? }) → BatchResult
 *
 * A batch names its income types once (`incomeTypes`, catalogue codes; an unknown code counts, art. 127)
 * and every household carries a flat array of quarterly totals in that order, so the loop reads numbers,
 * never strings, months or nested member objects:
 *
 *   { incomeTypes: ['wages', 'pension', 'land'],
 *     households: [ { id: 1, members: 4, incomeTiyn: [45000000, 0, 1200000] },
 *                   { id: 2, members: 1, incomeTiyn: [0, 9800000] },             // missing types are 0
 *                   { id: 3, members: 2, incomeTiyn: [], actualCostTiyn: 3500000 } ] }
 *
 * The caller has summed the members' incomes over the family; a caller holding members' incomes uses
 * `evaluateMemberIncomeBatch` (batch-members.ts), which sums them in its own pass.
 * It gives exactly what `evaluateBatch` (and so the traced `evaluateApplication`) gives for the same
 * families applying on `asOf`: the same BatchResult, by position. `toHouseholdBatch` makes such a batch from
 * application-shaped households (members with dated incomes). Documented in docs/rules-batch.md.
 */
import type { Temporal } from 'temporal-polyfill';
import { EXACT_COUNTED_LIMIT, batchConstantsOf, batchResultOf, countedTypesOf, float64, costCappedAmount, countsInIncomeQuarter, incomeTypesOf, perCapitaExact, type BatchHousehold, type BatchOptions, type BatchResult } from './batch';
import { incomeQuarterOf, perCapitaNotAboveThreshold } from './income';
import { RulesError } from './rules-error';

/** One family: its size and its income received in the income quarter, by the batch's income types. */
export interface HouseholdTotals {
  readonly id: string | number;
  /** Family members living in the common household (p.2.7): an integer 1..65535. */
  readonly members: number;
  /** incomeTiyn[t]: the family's income of type incomeTypes[t] in the income quarter, non-negative integer tiyn; missing entries are 0. */
  readonly incomeTiyn: readonly number[];
  /** For actual-cost categories (p.7): the documented cost, tiyn. */
  readonly actualCostTiyn?: number | undefined;
}

/** Households of one batch and the income types their `incomeTiyn` arrays are ordered by. */
export interface HouseholdBatch {
  readonly incomeTypes: readonly string[];
  readonly households: readonly HouseholdTotals[];
}

/** Names the first bad field of household i (kept out of the loop so the loop stays small). */
function invalidHousehold(h: HouseholdTotals, i: number, typeCount: number): never {
  const m = h.members;
  if (!Number.isInteger(m) || m < 1 || m > 65535) throw new RulesError('INVALID_INPUT', `households[${i}].members: a family has 1..65535 members`, `households[${i}].members`);
  const inc = h.incomeTiyn;
  if (!Array.isArray(inc) || inc.length > typeCount) throw new RulesError('INVALID_INPUT', `households[${i}].incomeTiyn: expected at most ${typeCount} amounts, one per income type of the batch`, `households[${i}].incomeTiyn`);
  for (let t = 0; t < inc.length; t++) {
    const a = inc[t];
    if (!Number.isSafeInteger(a) || (a as number) < 0) throw new RulesError('INVALID_INPUT', `households[${i}].incomeTiyn[${t}]: expected a non-negative integer`, `households[${i}].incomeTiyn[${t}]`);
  }
  throw new RulesError('INVALID_INPUT', `households[${i}].incomeTiyn: the countable income exceeds 2^53 tiyn`, `households[${i}].incomeTiyn`);
}

/**
 * Judges every household of the batch on `asOf` under `version`: the income test of p.6.4 / p.20.3
 * (per-capita income = counted income ÷ members ÷ 3, not above multiple × subsistence minimum) and the
 * category amount of p.7 capped by p.8 — one pass, no intermediate columns. Which types count is the
 * version's catalogue (art. 127; livestock and land per the akimat's decision), resolved once per batch.
 */
export function evaluateHouseholdBatch(batch: HouseholdBatch, options: BatchOptions): BatchResult {
  const { asOf, version } = options;
  const k = batchConstantsOf(version, asOf, options.category);
  const typeCount = batch.incomeTypes.length;
  // 1 where the type counts, 0 where the catalogue or the akimat excludes it: multiplying keeps the loop branch-free.
  const countsAs = countedTypesOf(version, batch.incomeTypes);
  const households = batch.households;
  const n = households.length;
  const reuse = options.reuse;
  const eligible = reuse && reuse.eligible.length >= n ? reuse.eligible : new Uint8Array(n);
  const perCapita = float64(reuse?.perCapitaTiyn, n);
  const amount = float64(reuse?.amountTiyn, n);
  const counted = float64(reuse?.counted, n);
  const { testIncome, actualCost, fullAmountTiyn, rhsPerMember, multipleThousandths, subsistenceMinimumTiyn } = k;
  const exact = rhsPerMember !== undefined;
  const rhs = rhsPerMember ?? 0;
  let eligibleCount = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const h = households[i]!;
    const m = h.members;
    const inc = h.incomeTiyn;
    if (!(m >= 1 && m <= 65535 && (m | 0) === m) || !Array.isArray(inc) || inc.length > typeCount) invalidHousehold(h, i, typeCount);
    const len = inc.length;
    // Countable income of the quarter (art. 127); every amount must be a non-negative safe integer, as in
    // an application (a small integer passes the first test alone; larger ones take the second).
    let c = 0;
    let bad = false;
    for (let t = 0; t < len; t++) {
      const a = inc[t]!;
      if (a < 0 || (a | 0) !== a) {
        if (!(a >= 0 && a <= Number.MAX_SAFE_INTEGER && Math.floor(a) === a)) bad = true;
      }
      c += a * countsAs[t]!;
    }
    if (bad) invalidHousehold(h, i, typeCount);
    counted[i] = c;
    // p.20.3 exactly in integers: counted × 1000 ≤ multiple × SM × 3 × members (in doubles while exact).
    // judgeIncome (batch.ts) inline here: this loop is so short that the call cost it 30% (bench:rules, totals shape).
    let ok: boolean;
    if (c <= EXACT_COUNTED_LIMIT && exact) {
      perCapita[i] = Math.floor((c * 2 + m * 3) / (m * 6));
      ok = !testIncome || c * 1000 <= rhs * m;
    } else {
      if (!Number.isSafeInteger(c)) invalidHousehold(h, i, typeCount);
      perCapita[i] = perCapitaExact(c, m);
      ok = !testIncome || perCapitaNotAboveThreshold(c, m, multipleThousandths, subsistenceMinimumTiyn);
    }
    let a = fullAmountTiyn;
    if (actualCost) a = costCappedAmount(h.actualCostTiyn, i, k.category.code, a);
    if (ok) {
      eligible[i] = 1;
      amount[i] = a;
      eligibleCount++;
      total += a;
    } else {
      eligible[i] = 0;
      amount[i] = 0;
    }
  }
  return batchResultOf(k, version, { eligible, perCapitaTiyn: perCapita, amountTiyn: amount, eligibleCount, totalAmountTiyn: total, counted });
}

/**
 * Makes a batch from application-shaped households (members with their income items): each family's
 * income of the income quarter summed by type. Items tagged with a month count only if the month is in
 * the quarter before `applicationDate`'s quarter (art. 127), which is then required. Types appear in the
 * order first met, after `incomeTypes` if given; every household gets a full row (zeros where it has none).
 */
export function toHouseholdBatch(households: readonly BatchHousehold[], options: { applicationDate?: Temporal.PlainDate; incomeTypes?: readonly string[] } = {}): HouseholdBatch {
  const quarter = options.applicationDate ? incomeQuarterOf(options.applicationDate) : undefined;
  const types = incomeTypesOf(households, options.incomeTypes);
  const typeIndex = new Map(types.map((t, k) => [t, k]));
  const out: HouseholdTotals[] = [];
  for (let i = 0; i < households.length; i++) {
    const h = households[i]!;
    // A full row, one amount per type: fixed-length arrays of small integers are what the batch reads fastest.
    const incomeTiyn: number[] = [];
    for (let t = 0; t < types.length; t++) incomeTiyn.push(0);
    h.members.forEach((member, m) =>
      member.incomes.forEach((inc, j) => {
        if (countsInIncomeQuarter(inc, quarter, i, m, j)) incomeTiyn[typeIndex.get(inc.type)!]! += inc.amountTiyn;
      }),
    );
    // Every household the same fields in the same order (one V8 shape), exact-size arrays as JSON.parse makes them.
    out.push({ id: h.id, members: h.members.length, incomeTiyn: incomeTiyn.slice(), actualCostTiyn: h.actualCostTiyn });
  }
  return { incomeTypes: types, households: out };
}
