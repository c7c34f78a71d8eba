import { beforeAll, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../test/db';
import { seedPopulation } from '../demo/seed';
import { Random } from '../demo/random';
import { selectRulesVersion, type RulesVersion } from '../rules/district/config';
import { evaluateApplication } from '../rules/evaluate';
import { computeImpact, type ImpactChange, type ImpactResult } from './compute-impact';
import { draftConfigOf } from './create-rules-draft';
import { applyRulesEdit, RulesEditSchema } from './edit-rules-draft';
import { getRulesVersion, getRulesVersionRow, parseConfigOrFail } from './rules-store';
import { KOKSU_RURAL_DISTRICTS, seedRuralDistricts } from './seed-demo';

const d = (s: string) => Temporal.PlainDate.from(s);
const TODAY = d('2026-11-25');
/** The date judged: its income quarter is 2026-Q3, which the registry (12 months before November) covers. */
const AS_OF = d('2026-10-01');
const LEGAL = { act: 'Test decision', number: 'T-1', date: '2026-09-01', clause: 'p.1' };
const TYPES = ['wages', 'alimony', 'targeted-social-assistance', 'lottery-winnings', 'land', 'pension'] as const;

type Row = { h: number; rd: string; p: number | null; death: string | null; month: string | null; type: string | null; amount: number | null };

/**
 * The straightforward evaluation the fast path must equal: every household read as plain rows (persons
 * and their monthly incomes, straight from reg_person and reg_income) and judged one by one by the traced
 * single-case path under each version, as an application registered on the date judged.
 */
async function straightforwardImpact(db: { query<T>(t: string, p?: unknown[]): Promise<T[]> }, current: RulesVersion, draft: RulesVersion) {
  const rows = await db.query<Row>(
    `select h.id::float8 as h, h.rural_district_id as rd, p.id::float8 as p, p.death_date::text as death, to_char(i.month, 'YYYY-MM') as month, i.type, i.amount_tiyn::float8 as amount
     from reg_household h left join reg_person p on p.household_id = h.id left join reg_income i on i.person_id = p.id order by h.id, p.id`,
  );
  const families = new Map<number, { rd: string; members: Map<number, { incomes: { type: string; amountTiyn: number; month: string }[] }> }>();
  for (const r of rows) {
    let f = families.get(r.h);
    if (!f) families.set(r.h, (f = { rd: r.rd, members: new Map() }));
    if (r.p === null || (r.death !== null && r.death <= AS_OF.toString())) continue;
    let m = f.members.get(r.p);
    if (!m) f.members.set(r.p, (m = { incomes: [] }));
    if (r.type !== null) m.incomes.push({ type: r.type, amountTiyn: r.amount!, month: r.month! });
  }
  const judge = (v: RulesVersion, code: string, members: { incomes: { type: string; amountTiyn: number; month: string }[] }[]) =>
    evaluateApplication(
      {
        applicationDate: AS_OF.toString(),
        category: code,
        family: { members },
        track: 'standard',
        findings: { unreliableData: false, surveyRefusedOrEvaded: false, assistanceAlreadyAssignedSameGround: false, applicationAlreadyFiledSameGround: false, timesReceivedThisYear: 0 },
      } as Parameters<typeof evaluateApplication>[0],
      { asOf: AS_OF, config: v.config },
    );
  const totals = { current: { households: 0, persons: 0, cost: 0 }, draft: { households: 0, persons: 0, cost: 0 }, gained: 0, lost: 0 };
  const changes: string[] = [];
  type Cell = [number, number, number, number, number, number];
  const cells = new Map<string, Cell>();
  const code = '7.9';
  for (const [id, f] of families) {
    // A household whose members all died is judged as one member without income.
    const members = f.members.size ? [...f.members.values()] : [{ incomes: [] }];
    const a = judge(current, code, members);
    const b = judge(draft, code, members);
    const ea = a.outcome === 'grant';
    const eb = b.outcome === 'grant';
    const cell: Cell = cells.get(f.rd) ?? [0, 0, 0, 0, 0, 0];
    cells.set(f.rd, cell);
    if (ea) {
      totals.current.households++;
      totals.current.persons += members.length;
      totals.current.cost += a.amountTiyn!;
      cell[0] += 1;
      cell[1] += members.length;
      cell[2] += a.amountTiyn!;
    }
    if (eb) {
      totals.draft.households++;
      totals.draft.persons += members.length;
      totals.draft.cost += b.amountTiyn!;
      cell[3] += 1;
      cell[4] += members.length;
      cell[5] += b.amountTiyn!;
    }
    if (ea !== eb) {
      if (eb) totals.gained++;
      else totals.lost++;
      const r = eb ? b : a;
      changes.push([id, code, eb ? 'gained' : 'lost', f.rd, members.length, r.perCapitaIncomeTiyn, r.amountTiyn].join('|'));
    }
  }
  return { households: families.size, totals, changes: changes.sort(), cells };
}

const changeKey = (c: ImpactChange) => [c.householdId, c.category, c.change, c.ruralDistrictId, c.members, c.perCapitaTiyn, c.amountTiyn].join('|');

function cellsOf(r: ImpactResult): Map<string, number[]> {
  return new Map(r.cells.map((c) => [c.ruralDistrictId, [c.current.households, c.current.persons, c.current.yearlyCostTiyn, c.draft.households, c.draft.persons, c.draft.yearlyCostTiyn]]));
}

describeDb('impact preview fast path (quarterly aggregates, binary COPY)', (getDb) => {
  let current: RulesVersion;
  let draft: RulesVersion;

  beforeAll(async () => {
    const db = getDb();
    await seedRuralDistricts(db, KOKSU_RURAL_DISTRICTS);
    await seedPopulation(db, { persons: 9_000, seed: 'impact-fast-path', asOf: TODAY, ruralDistricts: KOKSU_RURAL_DISTRICTS });
    // Random changes written the ordinary way (statement triggers keep the aggregates): extra incomes of
    // counted, excluded, livestock/land and uncatalogued types in and around the quarter, deaths before and
    // after the date judged, removed incomes, a member moving house, and a household without members.
    const random = new Random('impact-fast-path-changes');
    const rnd = () => random.nextUint32() / 2 ** 32;
    const [{ lo, hi }] = (await db.query<{ lo: number; hi: number }>('select min(id)::float8 as lo, max(id)::float8 as hi from reg_person')) as [{ lo: number; hi: number }];
    const pick = () => lo + Math.floor(rnd() * (hi - lo + 1));
    const months = ['2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01'];
    const extra = new Map<string, [number, string, string, number]>();
    for (let k = 0; k < 1500; k++) {
      const row: [number, string, string, number] = [pick(), months[Math.floor(rnd() * months.length)]!, TYPES[Math.floor(rnd() * TYPES.length)]!, Math.floor(rnd() * 30_000_000)];
      extra.set(`${row[0]}|${row[1]}|${row[2]}`, row);
    }
    const list = [...extra.values()];
    for (let k = 0; k < list.length; k += 500) {
      const part = list.slice(k, k + 500);
      await db.query(
        `insert into reg_income (person_id, month, type, amount_tiyn) select * from unnest($1::int8[], $2::date[], $3::text[], $4::int8[])
         on conflict (person_id, month, type) do update set amount_tiyn = reg_income.amount_tiyn + excluded.amount_tiyn`,
        [`{${part.map((r) => r[0]).join(',')}}`, `{${part.map((r) => r[1]).join(',')}}`, `{${part.map((r) => r[2]).join(',')}}`, `{${part.map((r) => r[3]).join(',')}}`],
      );
    }
    for (let k = 0; k < 60; k++) await db.query('update reg_person set death_date = $2 where id = $1', [pick(), k % 2 ? '2026-09-30' : '2026-10-01']);
    await db.query('update reg_person set death_date = $2 where id = $1', [pick(), '2026-12-31']);
    await db.query(`delete from reg_income where person_id between $1 and $2 and type = 'wages'`, [pick(), pick() + 200]);
    await db.query(`update reg_income set amount_tiyn = amount_tiyn * 3 where person_id in (select id from reg_person where id % 97 = 0)`);
    const mover = pick();
    await db.query('update reg_person set household_id = (select max(id) from reg_household) where id = $1', [mover]);
    await db.query(`insert into reg_household (id, rural_district_id, village, street, house, synthetic) select max(id) + 1, 'balpyk', 'Балпық би', 'Абай', '1', true from reg_household`);
    await db.query(`update reg_household set rural_district_id = (select max(id) from rural_district) where id in (select household_id from reg_person where id % 211 = 0)`);

    ({ version: current } = await getRulesVersion(db, AS_OF));
    const { rowId } = await getRulesVersion(db, AS_OF);
    const base = (await getRulesVersionRow(db, rowId, TODAY)).config;
    let data = draftConfigOf(base, { code: 'T-1', effectiveFrom: AS_OF.toString(), legal: LEGAL });
    data = applyRulesEdit(data, RulesEditSchema.parse({ kind: 'set-parameter', seriesId: base.parameters.thresholdMultiple, from: AS_OF.toString(), value: 1200 }), LEGAL, TODAY.toString());
    // The draft also changes the income-type catalogue: alimony no longer counts, targeted assistance does.
    data = structuredClone(data);
    for (const t of data.incomeCatalogue.types) {
      if (t.code === 'alimony') t.counted = false;
      if (t.code === 'targeted-social-assistance') t.counted = true;
    }
    draft = selectRulesVersion(parseConfigOrFail(data, 'test draft'), AS_OF);
  }, 300_000);

  it('keeps the quarterly aggregates equal to a rebuild from reg_person and reg_income after ordinary writes', async () => {
    const db = getDb();
    const snapshot = async () => ({
      size: await db.query(`select household_id::text, alive_until::text, rural_district_id, members from reg_household_size order by 1, 2`),
      income: await db.query(`select quarter::text, household_id::text, type, alive_until::text, amount_tiyn::text from reg_income_quarter order by 1, 2, 3, 4`),
    });
    const kept = await snapshot();
    expect(kept.income.length).toBeGreaterThan(1000);
    await db.query('select reg_rebuild_quarters()');
    expect(await snapshot()).toEqual(kept);
  });

  it('gives exactly the straightforward evaluation\'s totals, cells, gained and lost lists (draft changes threshold and catalogue)', async () => {
    const db = getDb();
    const expected = await straightforwardImpact(db, current, draft);
    for (const partSize of [250, undefined]) {
      const r = await computeImpact(db, { current, draft, asOf: AS_OF, collectChanges: true, ...(partSize ? { partSize } : {}) });
      expect(r.incomeQuarter).toBe('2026-Q3');
      expect(r.categories).toEqual(['7.9']);
      expect(r.households).toBe(expected.households);
      expect({ households: r.current.eligibleHouseholds, persons: r.current.eligiblePersons, cost: r.current.yearlyCostTiyn }).toEqual(expected.totals.current);
      expect({ households: r.draft.eligibleHouseholds, persons: r.draft.eligiblePersons, cost: r.draft.yearlyCostTiyn }).toEqual(expected.totals.draft);
      expect({ gained: r.gained, lost: r.lost }).toEqual({ gained: expected.totals.gained, lost: expected.totals.lost });
      expect(r.changes.map(changeKey).sort()).toEqual(expected.changes);
      const expectedCells = new Map([...expected.cells].filter(([, c]) => c[0] + c[3] > 0));
      expect(cellsOf(r)).toEqual(expectedCells);
    }
    // Both directions occur, or the comparison proves little.
    expect(expected.totals.gained).toBeGreaterThan(20);
    expect(expected.totals.lost).toBeGreaterThan(5);
    expect(expected.totals.current.households).toBeGreaterThan(50);
  }, 300_000);
});
