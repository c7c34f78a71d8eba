/**
 * Rules benchmark (npm run bench:rules). Generates 1,000,000 synthetic households (~3.5 M persons)
 * deterministically, then prints:
 *   BENCH rules.batch_households_per_s           toColumns (conversion from plain objects) + evaluateBatch
 *   BENCH rules.baseline_loop_households_per_s   a minimal hand-written loop over the same objects into typed arrays
 *   BENCH rules.batch_eval_only_households_per_s evaluateBatch on already converted columns (what-if second run)
 *   BENCH rules.traced_case_us                   evaluateApplication (traced) per case, on a sample
 *   BENCH rules.traced_case_with_parse_us        the same including validation of the plain-data input
 * Each timing is the median of several runs on the same data, measured in process CPU time (user + system,
 * all threads, so garbage collection counts) because the benchmark machine is shared with other work;
 * wall-clock figures are printed too, as `..._wall` lines.
 */
import { Temporal } from 'temporal-polyfill';
import koksuJson from '../src/rules/districts/koksu.json';
import { evaluateBatch, toColumns, type BatchHousehold, type BatchResult, type HouseholdColumns } from '../src/rules/batch';
import { parseDistrictConfig, selectRulesVersion } from '../src/rules/district/config';
import { evaluateApplication, parseApplicationInput } from '../src/rules/evaluate';
import { generateHouseholds } from '../src/rules/synthetic-households';
import { subsistenceMinimumAt } from '../src/rules/amounts';

const N = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const RUNS = 5;
const asOf = Temporal.PlainDate.from('2025-05-15');
const config = parseDistrictConfig(koksuJson, 'koksu.json');
const version = selectRulesVersion(config, asOf);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const wall: Record<string, number[]> = {};
/** Runs f, records its wall time under `name`, returns its CPU time in seconds. */
function time(name: string, f: () => void): number {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  f();
  (wall[name] ??= []).push(Number(process.hrtime.bigint() - t0) / 1e9);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

let t0 = performance.now();
const households = generateHouseholds(N, 20261125);
const persons = households.reduce((s, h) => s + h.members.length, 0);
console.log(`generated ${N} households, ${persons} persons in ${((performance.now() - t0) / 1000).toFixed(1)} s; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);

// 1. The batch path, conversion included.
let batchEligible = 0;
const batchTimes: number[] = [];
const coldTimes: number[] = [];
let spareCols: HouseholdColumns | undefined;
let spareResult: BatchResult | undefined;
// Cold: fresh buffers every run (V8 then collects the whole heap of household objects).
coldTimes.push(time('cold', () => void evaluateBatch(toColumns(households), { asOf, version })));
// Steady state: buffers of the previous run reused, as a preview service keeps them.
for (let r = 0; r < RUNS; r++) {
  batchTimes.push(
    time('batch', () => {
      spareCols = toColumns(households, spareCols ? { reuse: spareCols } : {});
      spareResult = evaluateBatch(spareCols, spareResult ? { asOf, version, reuse: spareResult } : { asOf, version });
      batchEligible = spareResult.eligibleCount;
    }),
  );
}

// 2. A minimal hand-written loop: same objects in, typed arrays out, everything hard-wired.
const sm = subsistenceMinimumAt(config, asOf).value;
const counted = new Set(config.incomeCatalogue.types.filter((t) => t.counted && !(t.livestockOrLand && config.incomeCatalogue.livestockAndLandExcluded)).map((t) => t.code));
const known = new Set(config.incomeCatalogue.types.map((t) => t.code));
const amountEach = 15 * 393_200;
function baseline(hs: readonly BatchHousehold[]): number {
  const n = hs.length;
  const eligible = new Uint8Array(n);
  const amount = new Float64Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const ms = hs[i]!.members;
    let sum = 0;
    for (let m = 0; m < ms.length; m++) {
      const incs = ms[m]!.incomes;
      for (let k = 0; k < incs.length; k++) {
        const inc = incs[k]!;
        if (counted.has(inc.type) || !known.has(inc.type)) sum += inc.amountTiyn;
      }
    }
    if (sum * 1000 <= 1000 * sm * 3 * ms.length) {
      eligible[i] = 1;
      amount[i] = amountEach;
      count++;
    }
  }
  return count;
}
let baselineEligible = 0;
const baselineTimes: number[] = [];
for (let r = 0; r < RUNS; r++) baselineTimes.push(time('baseline', () => (baselineEligible = baseline(households))));

// 3. Evaluation only, on columns converted once (the what-if preview's second run).
const cols = spareCols!;
const evalTimes: number[] = [];
for (let r = 0; r < RUNS; r++) evalTimes.push(time('eval', () => void (spareResult = evaluateBatch(cols, { asOf, version, reuse: spareResult! }))));

// 4. The traced single-case path on a sample.
const SAMPLE = 20_000;
const raw = households.slice(0, SAMPLE).map((h) => ({ applicationDate: '2025-05-15', category: '7.9', family: { members: h.members } }));
const inputs = raw.map((r) => parseApplicationInput(r));
let tracedEligible = 0;
for (const inp of inputs.slice(0, 2000)) evaluateApplication(inp, { asOf, config }); // warm-up
const tracedTimes: number[] = [];
for (let r = 0; r < RUNS; r++) {
  tracedTimes.push(
    time('traced', () => {
      tracedEligible = 0;
      for (const inp of inputs) if (evaluateApplication(inp, { asOf, config }).outcome === 'grant') tracedEligible++;
    }),
  );
}
const parseTimes: number[] = [];
for (let r = 0; r < RUNS; r++) parseTimes.push(time('parse', () => { for (const x of raw) evaluateApplication(parseApplicationInput(x), { asOf, config }); }));

// The three paths must agree on the same data.
const batchSample = evaluateBatch(toColumns(households.slice(0, SAMPLE)), { asOf, version }).eligibleCount;
if (batchEligible !== baselineEligible || batchSample !== tracedEligible) {
  console.error(`MISMATCH batch=${batchEligible} baseline=${baselineEligible} sample batch=${batchSample} traced=${tracedEligible}`);
  process.exitCode = 1;
}
t0 = median(batchTimes);
console.log(`eligible ${batchEligible} of ${N} (batch = baseline = traced on the sample: ${process.exitCode ? 'NO' : 'yes'}); heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
console.log(`BENCH rules.batch_households_per_s ${Math.round(N / median(batchTimes))}`);
console.log(`BENCH rules.batch_cold_households_per_s ${Math.round(N / median(coldTimes))}`);
console.log(`BENCH rules.baseline_loop_households_per_s ${Math.round(N / median(baselineTimes))}`);
console.log(`BENCH rules.batch_eval_only_households_per_s ${Math.round(N / median(evalTimes))}`);
console.log(`BENCH rules.batch_vs_baseline_ratio ${(median(batchTimes) / median(baselineTimes)).toFixed(2)}`);
console.log(`BENCH rules.traced_case_us ${((median(tracedTimes) * 1e6) / SAMPLE).toFixed(1)}`);
console.log(`BENCH rules.traced_case_with_parse_us ${((median(parseTimes) * 1e6) / SAMPLE).toFixed(1)}`);
const perSecond = (name: string) => Math.round(N / median(wall[name]!));
console.log(`BENCH rules.batch_households_per_s_wall ${perSecond('batch')}`);
console.log(`BENCH rules.batch_cold_households_per_s_wall ${perSecond('cold')}`);
console.log(`BENCH rules.baseline_loop_households_per_s_wall ${perSecond('baseline')}`);
console.log(`BENCH rules.traced_case_us_wall ${((median(wall.traced!) * 1e6) / SAMPLE).toFixed(1)}`);
const load = (await import('node:os')).loadavg()[0]!;
console.log(`machine load average ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
