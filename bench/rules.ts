/**
 * Rules benchmark (npm run bench:rules), issue 3 item 11. Generates 1,000,000 synthetic households
 * (~3.5 M persons) deterministically as applications have them (members with income items), turns them
 * once into the batch API's plain input (`MemberIncomeBatch`: per household the member count and each
 * member's quarterly income by type in one flat array, member by member — what a caller sends, so not
 * timed), then prints:
 *   BENCH rules.batch_households_per_s           evaluateMemberIncomeBatch: plain household objects with
 *                                                 members' incomes → results, the family's countable income
 *                                                 summed from its members' incomes in the same one pass
 *                                                 (result buffers reused)
 *   BENCH rules.batch_cold_households_per_s      the first call: fresh result buffers, code not yet optimized
 *   BENCH rules.baseline_loop_households_per_s   a minimal hand-written loop over person-level typed arrays
 *                                                 (one Float64Array of income per counted type indexed by
 *                                                 person, each household's first person) computing the same rule
 *   BENCH rules.batch_vs_baseline_ratio          batch time ÷ baseline time (the batch includes reading plain objects)
 *   BENCH rules.batch_totals_shape_households_per_s  evaluateHouseholdBatch: households already summed over
 *                                                 the family by the caller (one row of totals by type)
 *   BENCH rules.batch_nested_households_per_s    toColumns (application-shaped nested members and items) + evaluateBatch
 *   BENCH rules.batch_eval_only_households_per_s evaluateBatch on already converted columns (what-if second run)
 *   BENCH rules.batch_eval_only_vs_baseline_ratio
 *   BENCH rules.traced_case_us                   evaluateApplication (traced) per case, on a sample
 *   BENCH rules.traced_case_with_parse_us        the same including validation of the plain-data input
 * Every batch result is checked household by household: against the baseline, the totals shape and the
 * nested path on all households, against the traced path on the sample. Each timing is the median of
 * several runs on the same data after three untimed warm-up runs, measured in process CPU time (user +
 * system, all threads, so garbage collection counts) because the benchmark machine is shared with other
 * work; wall-clock figures are printed too, as `..._wall` lines, and the load average last.
 */
import os from 'node:os';
import { Temporal } from 'temporal-polyfill';
import koksuJson from '../src/rules/districts/koksu.json';
import { computeCategoryAmount, subsistenceMinimumAt, thresholdMultipleAt } from '../src/rules/amounts';
import { evaluateBatch, toColumns, type BatchResult, type HouseholdColumns } from '../src/rules/batch';
import { evaluateMemberIncomeBatch, toMemberIncomeBatch } from '../src/rules/batch-members';
import { evaluateHouseholdBatch, toHouseholdBatch } from '../src/rules/batch-totals';
import { findCategory, parseDistrictConfig, selectRulesVersion } from '../src/rules/district/config';
import { evaluateApplication, parseApplicationInput } from '../src/rules/evaluate';
import { treatIncomeType } from '../src/rules/income';
import { generateHouseholds } from '../src/rules/synthetic-households';

const N = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const RUNS = 7;
const CATEGORY = '7.9';
const asOf = Temporal.PlainDate.from('2025-05-15');
const config = parseDistrictConfig(koksuJson, 'koksu.json');
const version = selectRulesVersion(config, asOf);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const wall: Record<string, number[]> = {};
const cpu: Record<string, number[]> = {};
const WARM_UP = 3;
/**
 * Runs f `WARM_UP` times untimed (so every path is timed in optimized code: on a loaded machine V8's
 * background compiler can lag several calls behind), then `runs` times, recording wall and CPU seconds
 * under `name`. `warm: false` times the very first calls.
 */
function time(name: string, runs: number, f: () => void, warm = true): void {
  for (let r = 0; warm && r < WARM_UP; r++) f();
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    f();
    (wall[name] ??= []).push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    (cpu[name] ??= []).push((c.user + c.system) / 1e6);
  }
}
const mismatches: string[] = [];
function expectSame(what: string, a: number, b: number) {
  if (a !== b && mismatches.length < 20) mismatches.push(`${what}: ${a} ≠ ${b}`);
}

let t0 = performance.now();
const households = generateHouseholds(N, 20261125);
const persons = households.reduce((s, h) => s + h.members.length, 0);
const batch = toMemberIncomeBatch(households);
const totalsBatch = toHouseholdBatch(households, { incomeTypes: batch.incomeTypes });
const T = batch.incomeTypes.length;
console.log(`generated ${N} households, ${persons} persons, ${T} income types in ${((performance.now() - t0) / 1000).toFixed(1)} s; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);

// 1. The batch path from the API's plain objects with members' incomes: reading, validating, summing the
// members' countable incomes and judging, in one pass.
let result: BatchResult | undefined;
time('cold', 1, () => void evaluateMemberIncomeBatch(batch, { asOf, version, category: CATEGORY }), false);
time('batch', RUNS, () => void (result = evaluateMemberIncomeBatch(batch, { asOf, version, category: CATEGORY, ...(result ? { reuse: result } : {}) })));
const batchResult = result!;

// 2. The minimal hand-written loop over person-level typed arrays: one Float64Array of quarterly income per
// type indexed by person, and each household's first person (firstPerson[i]..firstPerson[i+1]); the same
// rule, its constants taken from the rules core once. Written for this data: the seven counted types'
// arrays are its parameters (checked below).
const firstPerson = new Int32Array(N + 1);
const personIncome = batch.incomeTypes.map(() => new Float64Array(persons));
let person = 0;
batch.households.forEach((h, i) => {
  firstPerson[i] = person;
  for (let p = 0; p < h.members; p++, person++) for (let t = 0; t < T; t++) personIncome[t]![person] = h.memberIncomeTiyn[p * T + t]!;
});
firstPerson[N] = person;
const countedArrays = personIncome.filter((_, t) => ['counted', 'not-in-catalogue'].includes(treatIncomeType(config, batch.incomeTypes[t]!)));
if (countedArrays.length !== 7) throw new Error(`the baseline loop sums seven counted income types; the data has ${countedArrays.length}`);
const category = findCategory(version, CATEGORY);
const rhsPerMember = thresholdMultipleAt(config, asOf, category).thousandths * subsistenceMinimumAt(config, asOf).value * 3;
const fullAmount = computeCategoryAmount(category, { asOf, config }).amountTiyn;
const baseEligible = new Uint8Array(N);
const basePerCapita = new Float64Array(N);
const baseAmount = new Float64Array(N);
let baselineCount = 0;
function baseline(n: number, c0: Float64Array, c1: Float64Array, c2: Float64Array, c3: Float64Array, c4: Float64Array, c5: Float64Array, c6: Float64Array, first: Int32Array, eligible: Uint8Array, perCapita: Float64Array, amount: Float64Array, rhs: number, full: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) {
    const from = first[i]!;
    const to = first[i + 1]!;
    let c = 0;
    for (let p = from; p < to; p++) c += c0[p]! + c1[p]! + c2[p]! + c3[p]! + c4[p]! + c5[p]! + c6[p]!;
    const m = to - from;
    perCapita[i] = Math.floor((c * 2 + m * 3) / (m * 6));
    const ok = c * 1000 <= rhs * m;
    eligible[i] = ok ? 1 : 0;
    amount[i] = ok ? full : 0;
    count += ok ? 1 : 0;
  }
  return count;
}
const [k0, k1, k2, k3, k4, k5, k6] = countedArrays as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
time('baseline', RUNS, () => void (baselineCount = baseline(N, k0, k1, k2, k3, k4, k5, k6, firstPerson, baseEligible, basePerCapita, baseAmount, rhsPerMember, fullAmount)));

// Extra: the totals shape, households whose incomes the caller has already summed over the family.
let totalsResult: BatchResult | undefined;
time('totals', RUNS, () => void (totalsResult = evaluateHouseholdBatch(totalsBatch, { asOf, version, category: CATEGORY, ...(totalsResult ? { reuse: totalsResult } : {}) })));

// 3. The application-shaped path: nested members and income items into columns, then evaluated.
let cols: HouseholdColumns | undefined;
let nestedResult: BatchResult | undefined;
time('nested', RUNS, () => {
  cols = toColumns(households, cols ? { reuse: cols } : {});
  nestedResult = evaluateBatch(cols, { asOf, version, category: CATEGORY, ...(nestedResult ? { reuse: nestedResult } : {}) });
});
// 4. Evaluation only, on columns converted once (the what-if preview's second run).
time('eval', RUNS, () => void (nestedResult = evaluateBatch(cols!, { asOf, version, category: CATEGORY, reuse: nestedResult! })));

// 5. The traced single-case path on a sample.
const SAMPLE = 20_000;
const raw = households.slice(0, SAMPLE).map((h) => ({ applicationDate: asOf.toString(), category: CATEGORY, family: { members: h.members } }));
const inputs = raw.map((r) => parseApplicationInput(r));
for (const inp of inputs.slice(0, 2000)) evaluateApplication(inp, { asOf, config }); // warm-up
const traced = inputs.map((inp) => evaluateApplication(inp, { asOf, config }));
time('traced', RUNS, () => {
  for (const inp of inputs) evaluateApplication(inp, { asOf, config });
});
time('parse', RUNS, () => {
  for (const x of raw) evaluateApplication(parseApplicationInput(x), { asOf, config });
});

// Results must be equal, household by household.
expectSame('eligible count batch vs baseline', batchResult.eligibleCount, baselineCount);
for (let i = 0; i < N; i++) {
  expectSame(`household ${i} eligible batch vs baseline`, batchResult.eligible[i]!, baseEligible[i]!);
  expectSame(`household ${i} amount batch vs baseline`, batchResult.amountTiyn[i]!, baseAmount[i]!);
  expectSame(`household ${i} per-capita batch vs baseline`, batchResult.perCapitaTiyn[i]!, basePerCapita[i]!);
  expectSame(`household ${i} eligible batch vs nested`, batchResult.eligible[i]!, nestedResult!.eligible[i]!);
  expectSame(`household ${i} amount batch vs nested`, batchResult.amountTiyn[i]!, nestedResult!.amountTiyn[i]!);
  expectSame(`household ${i} per-capita batch vs nested`, batchResult.perCapitaTiyn[i]!, nestedResult!.perCapitaTiyn[i]!);
  expectSame(`household ${i} eligible batch vs totals shape`, batchResult.eligible[i]!, totalsResult!.eligible[i]!);
  expectSame(`household ${i} amount batch vs totals shape`, batchResult.amountTiyn[i]!, totalsResult!.amountTiyn[i]!);
  expectSame(`household ${i} per-capita batch vs totals shape`, batchResult.perCapitaTiyn[i]!, totalsResult!.perCapitaTiyn[i]!);
}
traced.forEach((r, i) => {
  expectSame(`household ${i} eligible batch vs traced`, batchResult.eligible[i]!, r.outcome === 'grant' ? 1 : 0);
  expectSame(`household ${i} amount batch vs traced`, batchResult.amountTiyn[i]!, r.amountTiyn ?? 0);
  expectSame(`household ${i} per-capita batch vs traced`, batchResult.perCapitaTiyn[i]!, r.perCapitaIncomeTiyn!);
});
if (mismatches.length) {
  console.error(`MISMATCH\n${mismatches.join('\n')}`);
  process.exitCode = 1;
}

const perSecond = (xs: number[]) => Math.round(N / median(xs));
const ratio = (a: string, b: string) => (median(cpu[a]!) / median(cpu[b]!)).toFixed(2);
const caseUs = (xs: number[]) => ((median(xs) * 1e6) / SAMPLE).toFixed(1);
console.log(`eligible ${batchResult.eligibleCount} of ${N} (every household: batch = baseline = totals shape = nested path; the first ${SAMPLE}: batch = traced: ${mismatches.length ? 'NO' : 'yes'}); heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
console.log(`BENCH rules.batch_households_per_s ${perSecond(cpu.batch!)}`);
console.log(`BENCH rules.batch_cold_households_per_s ${perSecond(cpu.cold!)}`);
console.log(`BENCH rules.baseline_loop_households_per_s ${perSecond(cpu.baseline!)}`);
console.log(`BENCH rules.batch_vs_baseline_ratio ${ratio('batch', 'baseline')}`);
console.log(`BENCH rules.batch_totals_shape_households_per_s ${perSecond(cpu.totals!)}`);
console.log(`BENCH rules.batch_nested_households_per_s ${perSecond(cpu.nested!)}`);
console.log(`BENCH rules.batch_eval_only_households_per_s ${perSecond(cpu.eval!)}`);
console.log(`BENCH rules.batch_eval_only_vs_baseline_ratio ${ratio('eval', 'baseline')}`);
console.log(`BENCH rules.traced_case_us ${caseUs(cpu.traced!)}`);
console.log(`BENCH rules.traced_case_with_parse_us ${caseUs(cpu.parse!)}`);
console.log(`BENCH rules.batch_households_per_s_wall ${perSecond(wall.batch!)}`);
console.log(`BENCH rules.batch_cold_households_per_s_wall ${perSecond(wall.cold!)}`);
console.log(`BENCH rules.baseline_loop_households_per_s_wall ${perSecond(wall.baseline!)}`);
console.log(`BENCH rules.batch_totals_shape_households_per_s_wall ${perSecond(wall.totals!)}`);
console.log(`BENCH rules.batch_nested_households_per_s_wall ${perSecond(wall.nested!)}`);
console.log(`BENCH rules.traced_case_us_wall ${caseUs(wall.traced!)}`);
console.log(`machine load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
