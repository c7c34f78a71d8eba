/**
 * The fast path for many households at once (the what-if impact preview, holiday and re-assessment runs):
 * the ground 6.4 income test (p.6.4, p.20.3; per-capita income of Social Code art. 127 against
 * threshold × subsistence minimum) and the category amount (p.7, p.8), without a trace. It computes the
 * same results as `evaluateApplication` for an application registered on `asOf` with no other refusal
 * findings (p.20.1, p.20.2, p.20.4 come from case data and are not part of a batch).
 *
 * Two steps, so a preview can run the second twice (current vs draft version) on one conversion:
 *   toColumns(households)                    plain objects → one Float64Array per income type + sizes
 *   evaluateBatch(columns, { asOf, version }) columns → eligibility flags, per-capita income, amounts
 * The main input is members' incomes (batch-members.ts: member count and each member's quarterly income by
 * type in one flat row, summed and judged in one pass); household totals (batch-totals.ts) take the same
 * pass on incomes already summed over the family. The per-batch law (threshold at the date, amount) is
 * `batchConstantsOf`, shared by all. Input and output are documented in docs/rules-batch.md.
 */
import type { Temporal } from 'temporal-polyfill';
import { computeCategoryAmount, subsistenceMinimumAt, thresholdMultipleAt } from './amounts';
import type { RulesVersion } from './district/config';
import type { Category } from './district/schema';
import { incomeQuarterOf, perCapitaNotAboveThreshold, treatIncomeType, type IncomeQuarter } from './income';
import type { Tiyn } from './money';
import { RulesError } from './rules-error';

/** A household as the batch API accepts it: plain objects, the same income items as an application. */
export interface BatchHousehold {
  readonly id: string | number;
  readonly members: readonly { readonly incomes: readonly { readonly type: string; readonly amountTiyn: number; readonly month?: string }[] }[];
  /** For actual-cost categories: the documented cost. */
  readonly actualCostTiyn?: number;
}

/**
 * Households in columns: sizes, and each income type's quarterly total per household. Arrays may be
 * longer than `length` when reused; only the first `length` entries are meaningful. Results are by
 * position: entry i is households[i].
 */
export interface HouseholdColumns {
  readonly length: number;
  readonly members: Uint16Array;
  /** Income type codes, in the order of `incomeByType`. */
  readonly incomeTypes: readonly string[];
  /** incomeByType[t][i]: household i's income of type incomeTypes[t] in the income quarter, tiyn. */
  readonly incomeByType: readonly Float64Array[];
  /** Actual cost per household (NaN where not stated). */
  readonly actualCostTiyn: Float64Array;
  /** The application date whose income quarter filtered month-tagged incomes, if any. */
  readonly applicationDate: string | undefined;
}

function reuseOrAllocate(old: Float64Array | undefined, n: number, fill: number): Float64Array {
  if (old && old.length >= n) return old.fill(fill, 0, n);
  const a = new Float64Array(n);
  if (fill !== 0) a.fill(fill);
  return a;
}

/**
 * Whether income item k of member m of household i counts in the income quarter (Social Code art. 127):
 * its amount must be a non-negative safe integer; an item tagged with a month counts only if the month is
 * in `quarter`, which month-tagged items require. Shared by every conversion from plain households.
 */
export function countsInIncomeQuarter(inc: BatchHousehold['members'][number]['incomes'][number], quarter: IncomeQuarter | undefined, i: number, m: number, k: number): boolean {
  const a = inc.amountTiyn;
  if (!(a >= 0 && a <= Number.MAX_SAFE_INTEGER) || a !== Math.floor(a)) throw new RulesError('INVALID_INPUT', `households[${i}].members[${m}].incomes[${k}].amountTiyn: expected a non-negative safe integer`, `households[${i}].members[${m}].incomes[${k}].amountTiyn`);
  if (inc.month === undefined) return true;
  if (!quarter) throw new RulesError('INVALID_INPUT', `households[${i}]: month-tagged incomes need an applicationDate`, `households[${i}].members[${m}].incomes[${k}].month`);
  return inc.month >= quarter.firstMonth && inc.month <= quarter.lastMonth;
}

/** The income types of a batch: `given` first, then every other type in the order first met. */
export function incomeTypesOf(households: readonly BatchHousehold[], given: readonly string[] = []): string[] {
  const types = [...given];
  for (const h of households) for (const member of h.members) for (const inc of member.incomes) if (!types.includes(inc.type)) types.push(inc.type);
  return types;
}

/**
 * Converts plain household objects into columns. Incomes tagged with a month count only if the month
 * is in the quarter before `applicationDate`'s quarter (needed whenever months are present).
 * `reuse` hands back the buffers of earlier columns (no longer needed) to avoid allocating ~10 bytes per
 * household per income type again: large fresh typed arrays make V8 collect the whole heap.
 */
export function toColumns(households: readonly BatchHousehold[], options: { applicationDate?: Temporal.PlainDate; reuse?: HouseholdColumns } = {}): HouseholdColumns {
  const n = households.length;
  const old = options.reuse;
  const members = old && old.members.length >= n ? old.members : new Uint16Array(n);
  const actualCost = reuseOrAllocate(old?.actualCostTiyn, n, Number.NaN);
  const spare = old ? [...old.incomeByType] : [];
  const types: string[] = [];
  const cols: Float64Array[] = [];
  const quarter = options.applicationDate ? incomeQuarterOf(options.applicationDate) : undefined;
  for (let i = 0; i < n; i++) {
    const h = households[i]!;
    const ms = h.members;
    const mCount = ms.length;
    if (mCount === 0 || mCount > 65535) throw new RulesError('INVALID_INPUT', `households[${i}].members: a family has 1..65535 members`, `households[${i}].members`);
    members[i] = mCount;
    if (h.actualCostTiyn !== undefined) actualCost[i] = h.actualCostTiyn;
    for (let m = 0; m < mCount; m++) {
      const incomes = ms[m]!.incomes;
      for (let k = 0; k < incomes.length; k++) {
        const inc = incomes[k]!;
        if (!countsInIncomeQuarter(inc, quarter, i, m, k)) continue;
        const a = inc.amountTiyn;
        const type = inc.type;
        let t = 0;
        // Few distinct types: a linear scan of interned strings beats a hash lookup.
        while (t < types.length && types[t] !== type) t++;
        if (t === types.length) {
          types.push(type);
          cols.push(reuseOrAllocate(spare.pop(), n, 0));
        }
        cols[t]![i]! += a;
      }
    }
  }
  return { length: n, members, incomeTypes: types, incomeByType: cols, actualCostTiyn: actualCost, applicationDate: options.applicationDate?.toString() };
}

export interface BatchOptions {
  /** The date judged: parameters in force on it; households are taken as applying on it. */
  readonly asOf: Temporal.PlainDate;
  /** The rules version (current or draft) from `selectRulesVersion`. */
  readonly version: RulesVersion;
  /** The category code; default: the first category on ground 6.4 with an income test. */
  readonly category?: string;
  /** Buffers of an earlier result that is no longer needed (see toColumns). */
  readonly reuse?: BatchResult;
}

export interface BatchResult {
  readonly category: string;
  readonly rulesVersion: string;
  readonly subsistenceMinimumTiyn: Tiyn;
  readonly multipleThousandths: number;
  readonly thresholdTiyn: Tiyn;
  /** 1 = eligible (income not above the threshold), 0 = refused under p.20.3. */
  readonly eligible: Uint8Array;
  /** Per-capita income, rounded half up to the tiyn as in the traced path. */
  readonly perCapitaTiyn: Float64Array;
  /** Amount per payment for eligible households, 0 otherwise. */
  readonly amountTiyn: Float64Array;
  readonly eligibleCount: number;
  readonly totalAmountTiyn: number;
  /** Countable income per household (the sum of counted types), tiyn. */
  readonly counted: Float64Array;
}

function pickCategory(version: RulesVersion, code: string | undefined): Category {
  const c = code === undefined ? version.categories.find((x) => x.ground === '6.4' && x.incomeTest.required) : version.categories.find((x) => x.code === code);
  if (!c) throw new RulesError('UNKNOWN_CATEGORY', code === undefined ? `rules version "${version.id}" has no category on ground 6.4 with an income test` : `category ${code} is not in rules version "${version.id}"`, 'category');
  return c;
}

/** What a batch needs from the law once, before its loop: the same for every household judged on one date. */
export interface BatchConstants {
  readonly category: Category;
  /** Subsistence minimum in force on the date (p.2.6). */
  readonly subsistenceMinimumTiyn: Tiyn;
  /** The p.6.4 / p.20.3 multiple of the subsistence minimum, in thousandths. */
  readonly multipleThousandths: number;
  /** multiple × subsistence minimum, rounded half up to the tiyn (for display, as the traced path shows it). */
  readonly thresholdTiyn: Tiyn;
  /** Whether the category has the income test of p.6.4 (otherwise every household passes it). */
  readonly testIncome: boolean;
  /** Whether the category pays the actual cost up to a cap (p.7): then fullAmountTiyn is the cap. */
  readonly actualCost: boolean;
  /** The category's amount per payment (p.7, capped by p.8), or the cap of an actual-cost category. */
  readonly fullAmountTiyn: Tiyn;
  /**
   * multiple × SM × 3: p.20.3 holds when counted × 1000 ≤ this × members. Undefined when the product could
   * leave the exact range of a double for some family size (then every comparison is made in BigInt).
   */
  readonly rhsPerMember: number | undefined;
}

/**
 * The largest countable quarterly income compared in doubles: counted × 1000 and counted × 2 + members × 3
 * stay exact integers below 2^53. Above it (90 billion tenge) a batch compares in BigInt like the traced path.
 */
export const EXACT_COUNTED_LIMIT = Math.floor(Number.MAX_SAFE_INTEGER / 1000);

/** The law's values for a batch judged on `asOf` under `version` for one category (p.2.6, p.6.4, p.7, p.8). */
export function batchConstantsOf(version: RulesVersion, asOf: Temporal.PlainDate, categoryCode: string | undefined): BatchConstants {
  const config = version.config;
  const category = pickCategory(version, categoryCode);
  const sm = subsistenceMinimumAt(config, asOf).value;
  const multiple = thresholdMultipleAt(config, asOf, category).thousandths;
  const thresholdTiyn = Number((BigInt(sm) * BigInt(multiple) * 2n + 1000n) / 2000n);
  const actualCost = category.amountRule.kind === 'actual-cost-capped';
  const fullAmountTiyn = computeCategoryAmount(category, { asOf, config, actualCostTiyn: actualCost ? Number.MAX_SAFE_INTEGER : undefined }).amountTiyn;
  const rhs = multiple * sm * 3;
  return {
    category,
    subsistenceMinimumTiyn: sm,
    multipleThousandths: multiple,
    thresholdTiyn,
    testIncome: category.incomeTest.required,
    actualCost,
    fullAmountTiyn,
    rhsPerMember: rhs * 65535 <= Number.MAX_SAFE_INTEGER ? rhs : undefined,
  };
}

/** Per-capita income rounded half up to the tiyn, exactly as the traced path rounds it (art. 127, p.2.7). */
export function perCapitaExact(countedTiyn: number, members: number): number {
  return Number((BigInt(countedTiyn) * 2n + BigInt(members * 3)) / BigInt(members * 6));
}

/** A result array: an earlier result's when long enough (every entry is written again), else a new one. */
export function float64(old: Float64Array | undefined, n: number): Float64Array {
  return old && old.length >= n ? old : new Float64Array(n);
}

/**
 * Which of a batch's income types count towards the family's income (art. 127; the catalogue's exclusions,
 * livestock and land per the akimat's decision): 1 where it counts (an unknown code counts), 0 where not —
 * resolved once per batch, so a loop can multiply instead of branching.
 */
export function countedTypesOf(version: RulesVersion, incomeTypes: readonly string[]): Float64Array {
  const countsAs = new Float64Array(incomeTypes.length);
  for (let t = 0; t < incomeTypes.length; t++) {
    const how = treatIncomeType(version.config, incomeTypes[t]!);
    countsAs[t] = how === 'counted' || how === 'not-in-catalogue' ? 1 : 0;
  }
  return countsAs;
}

/**
 * The income test of p.6.4 / p.20.3 for household i of a batch: writes its per-capita income (counted ÷
 * members ÷ 3 rounded half up, as the traced path rounds it; art. 127, p.2.7) to perCapita[i] and says
 * whether it is not above multiple × subsistence minimum: counted × 1000 ≤ multiple × SM × 3 × members,
 * in doubles while exact, else in BigInt. `counted` is a safe integer.
 */
export function judgeIncome(k: BatchConstants, counted: number, members: number, perCapita: Float64Array, i: number): boolean {
  const rhsPerMember = k.rhsPerMember;
  if (counted <= EXACT_COUNTED_LIMIT && rhsPerMember !== undefined) {
    perCapita[i] = Math.floor((counted * 2 + members * 3) / (members * 6));
    return !k.testIncome || counted * 1000 <= rhsPerMember * members;
  }
  perCapita[i] = perCapitaExact(counted, members);
  return !k.testIncome || perCapitaNotAboveThreshold(counted, members, k.multipleThousandths, k.subsistenceMinimumTiyn);
}

/** A batch's result: the law's values it was judged by (`k`, `version`) and its columns and totals. */
export function batchResultOf(k: BatchConstants, version: RulesVersion, r: Pick<BatchResult, 'eligible' | 'perCapitaTiyn' | 'amountTiyn' | 'eligibleCount' | 'totalAmountTiyn' | 'counted'>): BatchResult {
  return {
    category: k.category.code,
    rulesVersion: version.id,
    subsistenceMinimumTiyn: k.subsistenceMinimumTiyn,
    multipleThousandths: k.multipleThousandths,
    thresholdTiyn: k.thresholdTiyn,
    eligible: r.eligible,
    perCapitaTiyn: r.perCapitaTiyn,
    amountTiyn: r.amountTiyn,
    eligibleCount: r.eligibleCount,
    totalAmountTiyn: r.totalAmountTiyn,
    counted: r.counted,
  };
}

/** An actual-cost category (p.7) needs each household's documented cost. */
export function invalidCost(i: number, category: string): never {
  throw new RulesError('INVALID_INPUT', `households[${i}].actualCostTiyn: category ${category} pays the actual cost: expected a non-negative safe integer`, `households[${i}].actualCostTiyn`);
}

/** An actual-cost category (p.7) pays household i its documented cost, up to the category's amount. */
export function costCappedAmount(cost: number | undefined, i: number, category: string, capTiyn: number): number {
  if (cost === undefined || !Number.isSafeInteger(cost) || cost < 0) invalidCost(i, category);
  return cost < capTiyn ? cost : capTiyn;
}

/** acc[i] += col[i] for the first n households (its own function, so V8 optimizes it once for every column). */
function addColumn(acc: Float64Array, col: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) acc[i]! += col[i]!;
}

/** Evaluates the income test and the category amount for every household in the columns. */
export function evaluateBatch(columns: HouseholdColumns, options: BatchOptions): BatchResult {
  const { asOf, version } = options;
  const k = batchConstantsOf(version, asOf, options.category);
  const category = k.category;
  if (columns.applicationDate !== undefined && columns.applicationDate !== asOf.toString()) {
    throw new RulesError('INVALID_INPUT', `columns were filtered for applications on ${columns.applicationDate}, not ${asOf.toString()}`, 'applicationDate');
  }
  const n = columns.length;
  const actualCost = k.actualCost;
  const fullAmount = k.fullAmountTiyn;

  // Countable income per household: the sum of the columns whose type counts (art. 127, catalogue, akimat flag).
  const counted = reuseOrAllocate(options.reuse?.counted, n, 0);
  const countsAs = countedTypesOf(version, columns.incomeTypes);
  for (let t = 0; t < countsAs.length; t++) if (countsAs[t] === 1) addColumn(counted, columns.incomeByType[t]!, n);

  const eligible = options.reuse && options.reuse.eligible.length >= n ? options.reuse.eligible : new Uint8Array(n);
  const perCapita = float64(options.reuse?.perCapitaTiyn, n);
  const amount = float64(options.reuse?.amountTiyn, n);
  const members = columns.members;
  const costs = columns.actualCostTiyn;
  let eligibleCount = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (judgeIncome(k, counted[i]!, members[i]!, perCapita, i)) {
      let a = fullAmount;
      if (actualCost) {
        const cost = costs[i]!;
        if (cost !== cost) throw new RulesError('INVALID_INPUT', `households[${i}].actualCostTiyn: category ${category.code} pays the actual cost`, `households[${i}].actualCostTiyn`);
        if (cost < a) a = cost;
      }
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
