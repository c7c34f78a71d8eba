/**
 * The what-if impact preview (issue 6 item 4): the whole registry (reg_* households) judged under the
 * version that would otherwise be in force and under a draft, on the draft's effective date, through the
 * rules core's batch path (src/rules/batch.ts). The registry is read by readRegistryColumns — the
 * quarterly per-household, per-income-type aggregates of migrations 0041/0042, streamed with binary COPY in
 * household-id ranges straight into the batch path's typed-array columns — and each range is evaluated
 * under both versions as soon as it arrives while the next ones are read, so memory stays flat at a
 * million households. Which income types count is decided by each version's catalogue in the rules core.
 *
 * Scope: the categories with an income test (p.6.4, p.20.3) — the ones a threshold, subsistence-minimum
 * or amount change moves. Categories without an income test depend on facts a registry does not decide
 * (disability, disease, release) and are not counted here; the result says which categories it covers.
 */
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../db/connect';
import { evaluateBatch, type HouseholdColumns } from '../rules/batch';
import type { RulesVersion } from '../rules/district/config';
import { incomeQuarterOf } from '../rules/income';
import { readRegistryColumns } from './read-registry-columns';

export interface ImpactSide {
  readonly rulesVersion: string;
  readonly eligibleHouseholds: number;
  readonly eligiblePersons: number;
  readonly yearlyCostTiyn: number;
  readonly thresholdTiyn: Record<string, number>;
}

export interface ImpactCell {
  readonly category: string;
  readonly ruralDistrictId: string;
  readonly current: { households: number; persons: number; yearlyCostTiyn: number };
  readonly draft: { households: number; persons: number; yearlyCostTiyn: number };
}

export interface ImpactChange {
  readonly householdId: number;
  readonly category: string;
  readonly change: 'gained' | 'lost';
  readonly ruralDistrictId: string;
  readonly members: number;
  readonly perCapitaTiyn: number;
  readonly amountTiyn: number;
}

export interface ImpactResult {
  readonly asOf: string;
  readonly incomeQuarter: string;
  readonly households: number;
  readonly categories: readonly string[];
  readonly current: ImpactSide;
  readonly draft: ImpactSide;
  readonly gained: number;
  readonly lost: number;
  readonly cells: readonly ImpactCell[];
  /** Filled only when `collectChanges` is set (the list is exported from the database afterwards). */
  readonly changes: ImpactChange[];
  readonly seconds: { load: number; evaluate: number; total: number };
}

export interface ImpactOptions {
  readonly current: RulesVersion;
  readonly draft: RulesVersion;
  /** The date both versions are judged on (the draft's effective date): parameters and amounts in force then. */
  readonly asOf: Temporal.PlainDate;
  /**
   * The application date whose income quarter is read (Social Code art. 127): by default `asOf`. A
   * preview of a future version passes today, since the registry holds no income of future quarters.
   */
  readonly incomeDate?: Temporal.PlainDate;
  /** Households per id range read (see readRegistryColumns); 125,000 by default. */
  readonly partSize?: number;
  readonly collectChanges?: boolean;
  /** Called for each chunk's changes (e.g. to write them to the database). */
  readonly onChanges?: (changes: ImpactChange[]) => Promise<void>;
  readonly onProgress?: (households: number) => void;
}

/** Payments a year for a periodicity (one-time and yearly: once). */
function paymentsPerYear(periodicity: string): number {
  return periodicity === 'monthly' ? 12 : periodicity === 'quarterly' ? 4 : 1;
}

const nowMs = () => performance.now();

export async function computeImpact(database: Database, options: ImpactOptions): Promise<ImpactResult> {
  const t0 = nowMs();
  const { asOf, current, draft } = options;
  const quarter = incomeQuarterOf(options.incomeDate ?? asOf);
  const testedIn = (v: RulesVersion) => new Map(v.categories.filter((c) => c.incomeTest.required).map((c) => [c.code, c]));
  const curCats = testedIn(current);
  const draftCats = testedIn(draft);
  const codes = [...new Set([...curCats.keys(), ...draftCats.keys()])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

  const cells = new Map<string, { category: string; ruralDistrictId: string; current: { households: number; persons: number; yearlyCostTiyn: number }; draft: { households: number; persons: number; yearlyCostTiyn: number } }>();
  const cellOf = (category: string, rd: string) => {
    const key = `${category}\u0000${rd}`;
    let c = cells.get(key);
    if (!c) {
      c = { category, ruralDistrictId: rd, current: { households: 0, persons: 0, yearlyCostTiyn: 0 }, draft: { households: 0, persons: 0, yearlyCostTiyn: 0 } };
      cells.set(key, c);
    }
    return c;
  };
  const side = (v: RulesVersion) => ({ rulesVersion: v.id, eligibleHouseholds: 0, eligiblePersons: 0, yearlyCostTiyn: 0, thresholdTiyn: {} as Record<string, number> });
  const cur = side(current);
  const drf = side(draft);
  let gained = 0;
  let lost = 0;
  let households = 0;
  let loadMs = 0;
  let evalMs = 0;
  const changes: ImpactChange[] = [];

  let tl = nowMs();
  const read = await readRegistryColumns(database, { asOf, quarter, ...(options.partSize ? { partSize: options.partSize } : {}) });
  const rdCodes = read.ruralDistricts;
  for await (const part of read.parts) {
    loadMs += nowMs() - tl;
    const te = nowMs();
    const n = part.length;
    const { ids, members } = part;
    const rds = part.ruralDistrict;
    const columns: HouseholdColumns = { length: n, members, incomeTypes: part.incomeTypes, incomeByType: part.incomeByType, actualCostTiyn: new Float64Array(n).fill(Number.NaN), applicationDate: undefined };
    const anyCur = new Uint8Array(n);
    const anyDraft = new Uint8Array(n);
    const chunkChanges: ImpactChange[] = [];
    for (const code of codes) {
      const cc = curCats.get(code);
      const dc = draftCats.get(code);
      const rc = cc ? evaluateBatch(columns, { asOf, version: current, category: code }) : undefined;
      const rdft = dc ? evaluateBatch(columns, { asOf, version: draft, category: code }) : undefined;
      if (rc) cur.thresholdTiyn[code] = rc.thresholdTiyn;
      if (rdft) drf.thresholdTiyn[code] = rdft.thresholdTiyn;
      const perYearCur = cc ? paymentsPerYear(cc.periodicity) : 0;
      const perYearDraft = dc ? paymentsPerYear(dc.periodicity) : 0;
      for (let i = 0; i < n; i++) {
        const ec = rc ? rc.eligible[i]! : 0;
        const ed = rdft ? rdft.eligible[i]! : 0;
        if (ec || ed) {
          const cell = cellOf(code, rdCodes[rds[i]!]!);
          if (ec) {
            anyCur[i] = 1;
            cell.current.households++;
            cell.current.persons += members[i]!;
            const y = rc!.amountTiyn[i]! * perYearCur;
            cell.current.yearlyCostTiyn += y;
            cur.yearlyCostTiyn += y;
          }
          if (ed) {
            anyDraft[i] = 1;
            cell.draft.households++;
            cell.draft.persons += members[i]!;
            const y = rdft!.amountTiyn[i]! * perYearDraft;
            cell.draft.yearlyCostTiyn += y;
            drf.yearlyCostTiyn += y;
          }
          if (ec !== ed && (options.collectChanges || options.onChanges)) {
            const r = (ed ? rdft : rc)!;
            chunkChanges.push({ householdId: ids[i]!, category: code, change: ed ? 'gained' : 'lost', ruralDistrictId: rdCodes[rds[i]!]!, members: members[i]!, perCapitaTiyn: r.perCapitaTiyn[i]!, amountTiyn: ed ? rdft!.amountTiyn[i]! : rc!.amountTiyn[i]! });
          }
        }
      }
    }
    for (let i = 0; i < n; i++) {
      if (anyCur[i]) {
        cur.eligibleHouseholds++;
        cur.eligiblePersons += members[i]!;
      }
      if (anyDraft[i]) {
        drf.eligibleHouseholds++;
        drf.eligiblePersons += members[i]!;
      }
      if (anyDraft[i] && !anyCur[i]) gained++;
      if (anyCur[i] && !anyDraft[i]) lost++;
    }
    evalMs += nowMs() - te;
    if (options.collectChanges) for (const c of chunkChanges) changes.push(c);
    if (options.onChanges && chunkChanges.length) await options.onChanges(chunkChanges);
    households += n;
    options.onProgress?.(households);
    tl = nowMs();
  }
  const order = (a: { category: string; ruralDistrictId: string }, b: { category: string; ruralDistrictId: string }) =>
    a.category.localeCompare(b.category, 'en', { numeric: true }) || a.ruralDistrictId.localeCompare(b.ruralDistrictId);
  return {
    asOf: asOf.toString(),
    incomeQuarter: quarter.label,
    households,
    categories: codes,
    current: cur,
    draft: drf,
    gained,
    lost,
    cells: [...cells.values()].sort(order),
    changes,
    seconds: { load: loadMs / 1000, evaluate: evalMs / 1000, total: (nowMs() - t0) / 1000 },
  };
}
