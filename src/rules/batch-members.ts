/**
 * The batch path from members' incomes: households as an application states them for the income test of
 * p.6.4 / p.20.3 — each member's income of the income quarter by type (Social Code art. 127: the quarter
 * before the application's quarter) — judged in one pass, straight from the plain objects into the result
 * arrays. The family's countable income is summed here, member by member, over the types the rules
 * version's income catalogue counts; per-capita income = that sum ÷ members ÷ 3 (art. 127, p.2.7).
 *
 *   evaluateMemberIncomeBatch({ incomeTypes, households }, { asOf, version, category? }) → BatchResult
 *
 * A batch names its income types once (`incomeTypes`, catalogue codes; an unknown code counts, art. 127);
 * every household carries its member count and one flat array of members × types amounts, member by
 * member (member p's income of type t at p × types + t), so the loop reads numbers, never strings, months
 * or nested objects:
 *
 *   { incomeTypes: ['wages', 'pension', 'land'],
 *     households: [ { id: 1, members: 2, memberIncomeTiyn: [45000000, 0, 0,   0, 9800000, 1200000] },
 *                   { id: 2, members: 1, memberIncomeTiyn: [0, 0, 0], actualCostTiyn: 3500000 } ] }
 *
 * It gives exactly what the traced `evaluateApplication` gives for the same families applying on `asOf`
 * (and so what `evaluateBatch` and `evaluateHouseholdBatch` give): the same BatchResult, by position.
 * `toMemberIncomeBatch` makes such a batch from application-shaped households. Documented in
 * docs/rules-batch.md.
 */
import type { Temporal } from 'temporal-polyfill';
import { EXACT_COUNTED_LIMIT, batchConstantsOf, batchResultOf, countedTypesOf, float64, costCappedAmount, countsInIncomeQuarter, incomeTypesOf, judgeIncome, type BatchHousehold, type BatchOptions, type BatchResult } from './batch';
import { incomeQuarterOf } from './income';
import { RulesError } from './rules-error';

/** One family: its size and each member's income received in the income quarter, by the batch's income types. */
export interface HouseholdMemberIncomes {
  readonly id: string | number;
  /** Family members living in the common household (p.2.7): an integer 1..65535. */
  readonly members: number;
  /**
   * memberIncomeTiyn[p × T + t]: member p's income of type incomeTypes[t] in the income quarter, a
   * non-negative integer number of tiyn (T = incomeTypes.length); exactly members × T entries, a member
   * without income has zeros.
   */
  readonly memberIncomeTiyn: readonly number[];
  /** For actual-cost categories (p.7): the documented cost, tiyn. */
  readonly actualCostTiyn?: number | undefined;
}

/** Households of one batch and the income types their members' rows are ordered by. */
export interface MemberIncomeBatch {
  readonly incomeTypes: readonly string[];
  readonly households: readonly HouseholdMemberIncomes[];
}

/** Names the first bad field of household i (kept out of the loop so the loop stays small). */
function invalidHousehold(h: HouseholdMemberIncomes, i: number, typeCount: number): never {
  const m = h.members;
  if (!Number.isInteger(m) || m < 1 || m > 65535) throw new RulesError('INVALID_INPUT', `households[${i}].members: a family has 1..65535 members`, `households[${i}].members`);
  const inc = h.memberIncomeTiyn;
  if (!Array.isArray(inc) || inc.length !== m * typeCount) throw new RulesError('INVALID_INPUT', `households[${i}].memberIncomeTiyn: expected ${m * typeCount} amounts, ${typeCount} income types for each of ${m} members`, `households[${i}].memberIncomeTiyn`);
  for (let j = 0; j < inc.length; j++) {
    const a = inc[j];
    if (!Number.isSafeInteger(a) || (a as number) < 0) throw new RulesError('INVALID_INPUT', `households[${i}].memberIncomeTiyn[${j}]: expected a non-negative integer (member ${Math.floor(j / typeCount)}, income type ${j % typeCount})`, `households[${i}].memberIncomeTiyn[${j}]`);
  }
  throw new RulesError('INVALID_INPUT', `households[${i}].memberIncomeTiyn: the family's countable income exceeds 2^53 tiyn`, `households[${i}].memberIncomeTiyn`);
}

/**
 * Judges every household of the batch on `asOf` under `version`: the family's countable income summed
 * from its members' incomes over the types that count (art. 127; the catalogue's exclusions, livestock and
 * land per the akimat's decision — resolved once per batch), the income test of p.6.4 / p.20.3 (per-capita
 * income = counted ÷ members ÷ 3, not above multiple × subsistence minimum in force on `asOf`) and the
 * category amount of p.7 capped by p.8 — one pass, no intermediate arrays.
 */
export function evaluateMemberIncomeBatch(batch: MemberIncomeBatch, options: BatchOptions): BatchResult {
  const { asOf, version } = options;
  const k = batchConstantsOf(version, asOf, options.category);
  const typeCount = batch.incomeTypes.length;
  // 1 where the type counts, 0 where the catalogue or the akimat excludes it: multiplying keeps the loop
  // branch-free; excluded amounts are still read, as an application with a bad one is refused too.
  const countsAs = countedTypesOf(version, batch.incomeTypes);
  const households = batch.households;
  const n = households.length;
  const reuse = options.reuse;
  const eligible = reuse && reuse.eligible.length >= n ? reuse.eligible : new Uint8Array(n);
  const perCapita = float64(reuse?.perCapitaTiyn, n);
  const amount = float64(reuse?.amountTiyn, n);
  const counted = float64(reuse?.counted, n);
  const { actualCost, fullAmountTiyn } = k;
  let eligibleCount = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const h = households[i]!;
    const m = h.members;
    const inc = h.memberIncomeTiyn;
    if (!(m >= 1 && m <= 65535 && (m | 0) === m) || !Array.isArray(inc) || inc.length !== m * typeCount) invalidHousehold(h, i, typeCount);
    const len = inc.length;
    // The family's countable income of the quarter (art. 127): each member's amount of each counted type.
    // Every amount must be a non-negative safe integer, as in an application (one below 2^32 passes the
    // first test alone; larger ones take the second).
    let c = 0;
    let bad = false;
    for (let p = 0; p < len; p += typeCount) {
      for (let t = 0; t < typeCount; t++) {
        const a = inc[p + t]!;
        if (a >>> 0 !== a) {
          if (!(a >= 0 && a <= Number.MAX_SAFE_INTEGER && Math.floor(a) === a)) bad = true;
        }
        c += a * countsAs[t]!;
      }
    }
    if (bad) invalidHousehold(h, i, typeCount);
    counted[i] = c;
    if (c > EXACT_COUNTED_LIMIT && !Number.isSafeInteger(c)) invalidHousehold(h, i, typeCount);
    const ok = judgeIncome(k, c, m, perCapita, i);
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
 * Makes a members' income batch from application-shaped households (members with their income items):
 * each member's income of the income quarter summed by type (a member with two items of one type gets
 * their sum). Items tagged with a month count only if the month is in the quarter before
 * `applicationDate`'s quarter (art. 127), which is then required. Types appear in the order first met,
 * after `incomeTypes` if given; every member gets a full row (zeros where it has none).
 */
export function toMemberIncomeBatch(households: readonly BatchHousehold[], options: { applicationDate?: Temporal.PlainDate; incomeTypes?: readonly string[] } = {}): MemberIncomeBatch {
  const quarter = options.applicationDate ? incomeQuarterOf(options.applicationDate) : undefined;
  const types = incomeTypesOf(households, options.incomeTypes);
  const typeIndex = new Map(types.map((t, k) => [t, k]));
  const T = types.length;
  const out: HouseholdMemberIncomes[] = [];
  for (let i = 0; i < households.length; i++) {
    const h = households[i]!;
    const row: number[] = [];
    for (let j = 0; j < h.members.length * T; j++) row.push(0);
    h.members.forEach((member, m) =>
      member.incomes.forEach((inc, j) => {
        if (!countsInIncomeQuarter(inc, quarter, i, m, j)) return;
        const path = `households[${i}].members[${m}].incomes[${j}]`;
        const a = inc.amountTiyn;
        const at = m * T + typeIndex.get(inc.type)!;
        const sum = row[at]! + a;
        if (!Number.isSafeInteger(sum)) throw new RulesError('INVALID_INPUT', `${path}.amountTiyn: the member's income of type ${inc.type} exceeds 2^53 tiyn`, `${path}.amountTiyn`);
        row[at] = sum;
      }),
    );
    // Every household the same fields in the same order (one V8 shape), exact-size arrays as JSON.parse makes them.
    out.push({ id: h.id, members: h.members.length, memberIncomeTiyn: row.slice(), actualCostTiyn: h.actualCostTiyn });
  }
  return { incomeTypes: types, households: out };
}
