/**
 * Reads the whole synthetic registry for the what-if impact preview (issue 6 item 4) straight into the
 * columns of the rules core's batch path: per household its rural district, the members alive on the
 * date judged and each income type's total over the income quarter (Social Code art. 127: the quarter
 * before the application's; incomes of members who died on or before the date judged are left out, as
 * the members themselves are). It reads the aggregates of migrations 0041/0042 — reg_household_size
 * (members by death date, with the rural district) and reg_income_quarter (kept per income type, so the
 * catalogue of either rules version decides what counts) — as two binary COPY streams per household-id
 * range parsed into typed arrays, two ranges at once on PostgreSQL (one connection per stream).
 */
import type { Temporal } from 'temporal-polyfill';
import type { Database } from '../db/connect';
import { copyOut, int4At, int8At, TextInterner } from '../db/copy-out';
import type { IncomeQuarter } from '../rules/income';

/** One id range of households in columns; entry i of every array is household `ids[i]`. */
export interface RegistryColumns {
  readonly length: number;
  readonly ids: Float64Array;
  /** Index into `ruralDistricts` of the read. */
  readonly ruralDistrict: Uint16Array;
  /** Members alive on the date judged; a household without any is counted as one member without income. */
  readonly members: Uint16Array;
  readonly incomeTypes: readonly string[];
  /** incomeByType[t][i]: the quarter's income of type incomeTypes[t] of household i's living members, tiyn. */
  readonly incomeByType: readonly Float64Array[];
}

export interface ReadRegistryOptions {
  /** Members alive on this date count (death date after it). */
  readonly asOf: Temporal.PlainDate;
  /** The income quarter (incomeQuarterOf of the application date). */
  readonly quarter: IncomeQuarter;
  /** Households per id range (approximately); 125,000 by default. */
  readonly partSize?: number;
  /** Ranges read at once on PostgreSQL; 2 by default (PGlite reads one at a time anyway). */
  readonly concurrency?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Index-range reads, several at once: no JIT compilation per read, no parallel workers fighting for the cores. */
const READ = { settings: { jit: 'off', max_parallel_workers_per_gather: '0' } } as const;

/** The registry's rural district codes, and its households as columns in ascending id ranges. */
export async function readRegistryColumns(database: Database, options: ReadRegistryOptions): Promise<{ households: number; ruralDistricts: string[]; parts: AsyncGenerator<RegistryColumns> }> {
  const asOf = options.asOf.toString();
  const quarter = `${options.quarter.firstMonth}-01`;
  if (!DATE.test(asOf) || !DATE.test(quarter)) throw new RangeError('readRegistryColumns: bad date');
  const [range] = await database.query<{ lo: number | null; hi: number | null; n: number }>('select min(id)::float8 as lo, max(id)::float8 as hi, count(*)::float8 as n from reg_household');
  // Every household has a row for its living members in reg_household_size (0 when none, migration 0042).
  const households = Number(range?.n ?? 0);
  const districts = new TextInterner();
  const ruralDistricts = districts.values;
  if (!range || range.lo === null || range.hi === null) return { households, ruralDistricts, parts: (async function* () {})() };
  const lo = range.lo;
  const hi = range.hi;
  const count = Math.max(1, Math.ceil(households / (options.partSize ?? 125_000)));
  const width = Math.ceil((hi - lo + 1) / count);
  const bounds: [number, number][] = [];
  for (let k = 0; k < count; k++) bounds.push([lo + k * width, Math.min(hi, lo + (k + 1) * width - 1)]);

  const readPart = async ([a, b]: [number, number]): Promise<RegistryColumns> => {
    // Households of the range in id order, from their living members' row (every household has one);
    // `slot` maps an id to its position.
    let cap = Math.min(b - a + 1, 1 << 16);
    let ids = new Float64Array(cap);
    let rds = new Uint16Array(cap);
    let members = new Uint32Array(cap);
    let n = 0;
    const dense = b - a + 1 <= 1 << 24;
    const slot = dense ? new Int32Array(b - a + 1).fill(-1) : null;
    const sparse = dense ? null : new Map<number, number>();
    await copyOut(
      database,
      `select household_id, rural_district_id, members from reg_household_size where household_id between ${a} and ${b} and alive_until > '${asOf}'::date order by household_id`,
      3,
      (buf, at, len) => {
        const id = int8At(buf, at[0]!);
        let i = slot ? slot[id - a]! : (sparse!.get(id) ?? -1);
        if (i < 0) {
          if (n === cap) {
            cap *= 2;
            const i2 = new Float64Array(cap);
            i2.set(ids);
            ids = i2;
            const r2 = new Uint16Array(cap);
            r2.set(rds);
            rds = r2;
            const m2 = new Uint32Array(cap);
            m2.set(members);
            members = m2;
          }
          i = n++;
          ids[i] = id;
          rds[i] = districts.intern(buf, at[1]!, len[1]!);
          if (slot) slot[id - a] = i;
          else sparse!.set(id, i);
        }
        members[i]! += int4At(buf, at[2]!);
      },
      READ,
    );
    const indexOf = slot ? (id: number) => slot[id - a]! : (id: number) => sparse!.get(id) ?? -1;
    const types = new TextInterner();
    const cols: Float64Array[] = [];
    await copyOut(
      database,
      `select household_id, type, amount_tiyn from reg_income_quarter where quarter = '${quarter}'::date and household_id between ${a} and ${b} and alive_until > '${asOf}'::date`,
      3,
      (buf, at, len) => {
        const i = indexOf(int8At(buf, at[0]!));
        if (i < 0) return;
        const t = types.intern(buf, at[1]!, len[1]!);
        if (t === cols.length) cols.push(new Float64Array(n));
        cols[t]![i]! += int8At(buf, at[2]!);
      },
      READ,
    );
    const sizes = new Uint16Array(n);
    for (let i = 0; i < n; i++) sizes[i] = Math.max(1, Math.min(65535, members[i]!));
    return { length: n, ids: ids.subarray(0, n), ruralDistrict: rds.subarray(0, n), members: sizes, incomeTypes: types.values, incomeByType: cols };
  };

  const concurrency = database.kind === 'postgres' ? Math.max(1, options.concurrency ?? 2) : 1;
  async function* parts(): AsyncGenerator<RegistryColumns> {
    const inFlight: Promise<RegistryColumns>[] = [];
    let next = 0;
    const fill = () => {
      while (inFlight.length < concurrency && next < bounds.length) {
        const p = readPart(bounds[next++]!);
        // Rejections surface when the part is awaited below.
        p.catch(() => undefined);
        inFlight.push(p);
      }
    };
    fill();
    while (inFlight.length) {
      const part = await inFlight.shift()!;
      fill();
      if (part.length) yield part;
    }
  }
  return { households, ruralDistricts, parts: parts() };
}
