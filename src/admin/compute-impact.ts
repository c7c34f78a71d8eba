/**
 * The what-if impact preview (issue 6 item 5): the whole registry (reg_* households) judged under the
 * version that would otherwise be in force and under a draft, on the draft's effective date, through the
 * rules core's batch path (src/rules/batch.ts). The registry is streamed in keyset chunks of households,
 * straight into typed-array columns (one Float64Array per income type); each chunk is evaluated under
 * both versions in the same pass, so memory stays flat at a million households.
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
  /** Households per keyset chunk; 50,000 by default. */
  readonly chunk?: number;
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
  const chunk = options.chunk ?? 50_000;
  const { asOf, current, draft } = options;
  const quarter = incomeQuarterOf(options.incomeDate ?? asOf);
  const firstMonth = `${quarter.firstMonth}-01`;
  const lastMonth = `${quarter.lastMonth}-01`;
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

  // Keyset boundaries first (cheap, on the primary key), so that chunks can be loaded two at a time.
  const bounds: [number, number][] = [];
  let after = 0;
  for (;;) {
    const [b] = await database.query<{ lo: number | null; hi: number | null }>(
      `select min(id)::float8 as lo, max(id)::float8 as hi from (select id from reg_household where id > $1 order by id limit $2) c`,
      [after, chunk],
    );
    if (!b || b.lo === null || b.hi === null) break;
    bounds.push([b.lo, b.hi]);
    after = b.hi;
  }

  /** One chunk: its households with members alive on the date judged, and the quarter's incomes per household and type. */
  const loadChunk = async ([lo, hi]: [number, number]) =>
    database.transaction(async ({ sql }) => {
      if (database.kind === 'postgres') {
        // A batch read of index ranges: no JIT compilation per chunk, and no full scans of the income table.
        await sql.query('set local jit = off');
        await sql.query('set local enable_seqscan = off');
        // Two chunks are in flight at once: one process each rather than parallel workers fighting for the cores.
        await sql.query('set local max_parallel_workers_per_gather = 0');
      }
      const hh = await sql.query<{ id: number; rd: string; m: number; plo: number | null; phi: number | null }>(
        `select h.id::float8 as id, h.rural_district_id as rd, count(p.id)::int as m, min(p.id)::float8 as plo, max(p.id)::float8 as phi
         from reg_household h left join reg_person p on p.household_id = h.id and (p.death_date is null or p.death_date > $3::date)
         where h.id between $1 and $2 group by h.id, h.rural_district_id order by h.id`,
        [lo, hi, asOf.toString()],
      );
      // The id range of the chunk's members bounds the income scan to an index range.
      let plo = Infinity;
      let phi = -Infinity;
      for (const r of hh) {
        if (r.plo !== null && r.plo < plo) plo = r.plo;
        if (r.phi !== null && r.phi > phi) phi = r.phi;
      }
      const pr = plo <= phi ? { lo: plo, hi: phi } : null;
      // The quarter's incomes per household and type (Social Code art. 127: the quarter before the application's).
      const inc = pr === null ? [] : await sql.query<{ h: number; t: string; s: number }>(
        `select p.household_id::float8 as h, i.type as t, sum(i.amount_tiyn)::float8 as s
         from reg_income i join reg_person p on p.id = i.person_id
         where i.person_id between $5 and $6 and p.id between $5 and $6 and p.household_id between $1 and $2
           and i.month between $3::date and $4::date and (p.death_date is null or p.death_date > $7::date)
         group by 1, 2`,
        [lo, hi, firstMonth, lastMonth, pr.lo, pr.hi, asOf.toString()],
      );
      return { hh, inc };
    });

  let pending = bounds.length ? loadChunk(bounds[0]!) : undefined;
  for (let k = 0; k < bounds.length; k++) {
    const tl = nowMs();
    const { hh, inc } = await pending!;
    // Load the next chunk while this one is evaluated.
    pending = k + 1 < bounds.length ? loadChunk(bounds[k + 1]!) : undefined;
    loadMs += nowMs() - tl;
    if (hh.length === 0) continue;
    const n = hh.length;
    const te = nowMs();
    const ids = new Array<number>(n);
    const index = new Map<number, number>();
    const members = new Uint16Array(n);
    const rds = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const r = hh[i]!;
      ids[i] = r.id;
      index.set(r.id, i);
      // A household whose members all died is judged as one member with no income (it cannot apply anyway).
      members[i] = Math.max(1, Math.min(65535, r.m));
      rds[i] = r.rd;
    }
    const types: string[] = [];
    const cols: Float64Array[] = [];
    for (const r of inc) {
      let t = types.indexOf(r.t);
      if (t < 0) {
        t = types.length;
        types.push(r.t);
        cols.push(new Float64Array(n));
      }
      const i = index.get(r.h);
      if (i !== undefined) cols[t]![i]! += r.s;
    }
    const columns: HouseholdColumns = { length: n, members, incomeTypes: types, incomeByType: cols, actualCostTiyn: new Float64Array(n).fill(Number.NaN), applicationDate: undefined };
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
          const cell = cellOf(code, rds[i]!);
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
            chunkChanges.push({ householdId: ids[i]!, category: code, change: ed ? 'gained' : 'lost', ruralDistrictId: rds[i]!, members: members[i]!, perCapitaTiyn: r.perCapitaTiyn[i]!, amountTiyn: ed ? rdft!.amountTiyn[i]! : rc!.amountTiyn[i]! });
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
