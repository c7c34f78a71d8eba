/**
 * The e-government gateway of development and tests (form 1-2, p.11): a real implementation that answers
 * from the synthetic registry tables reg_* (seeded by src/demo/seed.ts), with a configurable latency and
 * failure rate. Failures are decided by a seeded hash of (request id, IIN, item), so a test sees the same
 * failures every run and a retry under a new request id may succeed, as with the real gateway.
 */
import { Temporal } from 'temporal-polyfill';
import type { Sql } from '../../db/connect';
import { checkIin } from '../../rules/identifiers';
import { Random } from '../../demo/random';
import type { BenefitKind, BenefitRecord } from '../ministry/port';
import type {
  AssistanceRecord,
  AssistanceStatus,
  EgovAnswer,
  EgovAnswers,
  EgovGateway,
  EgovItem,
  Form12Request,
  Form12Response,
  IncomeType,
  MonthlyIncome,
  Periodicity,
  ProbationStatus,
  PropertyItem,
  PropertyKind,
  PropertyUnit,
  Relation,
  Sex,
} from './port';

export interface FakeEgovOptions {
  readonly database: Sql;
  /** Delay per request: fixed milliseconds, or a range drawn per request id. 0 by default. */
  readonly latencyMs?: number | { readonly min: number; readonly max: number };
  /** Share of (IIN, item) answers that come back as `error` (0..1). 0 by default. */
  readonly failureRate?: number;
  /** Seed of the failure and latency draws. */
  readonly seed?: number | string;
  /** Waits `ms`; tests pass a recorder instead of a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The gateway's clock for `answeredAt`. */
  readonly now?: () => Temporal.Instant;
}

interface PersonRow {
  id: number | string;
  iin: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  birth_date: string;
  sex: Sex;
  household_id: number | string;
  relation: Relation;
  rural_district_id: string;
  village: string;
  street: string;
  house: string;
  address: string;
  death_date: string | null;
  disability_group: number | null;
  child_disability: boolean;
  disease_code: string | null;
  probation: ProbationStatus | null;
  probation_since: string | null;
  synthetic: boolean;
}

const PERSON_COLUMNS = `p.id, p.iin, p.last_name, p.first_name, p.patronymic, p.birth_date, p.sex, p.household_id, p.relation,
  p.rural_district_id, h.village, h.street, h.house, p.address, p.death_date, p.disability_group, p.child_disability,
  p.disease_code, p.probation, p.probation_since, p.synthetic`;

/** A PostgreSQL array literal of plain tokens (digits, ids) — no quoting needed. */
function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}

const date = (v: string): Temporal.PlainDate => Temporal.PlainDate.from(v);
const dateOrNull = (v: string | null): Temporal.PlainDate | null => (v === null ? null : Temporal.PlainDate.from(v));
const fullName = (p: { last_name: string; first_name: string; patronymic: string | null }): string =>
  [p.last_name, p.first_name, p.patronymic].filter((x) => x).join(' ');

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** The fake e-government gateway over the synthetic registry. */
export class FakeEgovGateway implements EgovGateway {
  private readonly database: Sql;
  private readonly failureRate: number;
  private readonly seed: number | string;
  private readonly latency: number | { readonly min: number; readonly max: number };
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Temporal.Instant;

  constructor(options: FakeEgovOptions) {
    const rate = options.failureRate ?? 0;
    if (!(rate >= 0 && rate <= 1)) throw new RangeError(`failureRate must be within 0..1, got ${rate}`);
    this.database = options.database;
    this.failureRate = rate;
    this.seed = options.seed ?? 'egov';
    this.latency = options.latencyMs ?? 0;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? (() => Temporal.Now.instant());
  }

  /** Answers a form 1-2 request (p.11) for each IIN and item, as of `asOf`. */
  async request(form12: Form12Request): Promise<Form12Response> {
    const delay = typeof this.latency === 'number' ? this.latency : Random.derive(this.seed, 'latency', form12.requestId).int(this.latency.min, this.latency.max);
    if (delay > 0) await this.sleep(delay);

    const iins = [...new Set(form12.iins)];
    const items = [...new Set(form12.items)];
    const validIins = iins.filter((iin) => checkIin(iin).valid);
    const asOf = form12.asOf.toString();
    const people = validIins.length === 0 ? [] : await this.database.query<PersonRow>(
      `select ${PERSON_COLUMNS} from reg_person p join reg_household h on h.id = p.household_id
       where p.iin = any($1::text[]) and p.birth_date <= $2::date`,
      [arrayLiteral(validIins), asOf],
    );
    const byIin = new Map(people.map((p) => [p.iin, p]));
    const ids = people.map((p) => Number(p.id));
    const data = await this.load(items, ids, people, form12.asOf);

    const answers: Record<string, EgovAnswers> = {};
    for (const iin of iins) {
      const valid = checkIin(iin).valid;
      const person = byIin.get(iin);
      const perItem: Record<string, EgovAnswer> = {};
      for (const item of items) {
        if (!valid) perItem[item] = { status: 'error', data: { code: 'INVALID_IIN' } };
        else if (this.fails(form12.requestId, iin, item)) perItem[item] = { status: 'error', data: { code: 'SOURCE_UNAVAILABLE' } };
        else if (!person) perItem[item] = { status: 'not-found', data: null };
        else perItem[item] = { status: 'found', data: this.itemData(item, person, data, form12.asOf) } as EgovAnswer;
      }
      answers[iin] = perItem as EgovAnswers;
    }
    return { requestId: form12.requestId, answeredAt: this.now(), answers };
  }

  private fails(requestId: string, iin: string, item: EgovItem): boolean {
    return this.failureRate > 0 && Random.derive(this.seed, 'fail', requestId, iin, item).next() < this.failureRate;
  }

  /** Loads the rows the requested items need, for all persons of the request at once. */
  private async load(items: readonly EgovItem[], ids: readonly number[], people: readonly PersonRow[], asOfDate: Temporal.PlainDate): Promise<Loaded> {
    const loaded: Loaded = { family: new Map(), incomes: new Map(), benefits: new Map(), property: new Map(), assistance: new Map() };
    if (ids.length === 0) return loaded;
    const idList = arrayLiteral(ids);
    const asOf = asOfDate.toString();
    const want = new Set(items);
    if (want.has('family')) {
      const households = [...new Set(people.map((p) => Number(p.household_id)))];
      const members = await this.database.query<PersonRow>(
        `select ${PERSON_COLUMNS} from reg_person p join reg_household h on h.id = p.household_id
         where p.household_id = any($1::int8[]) and p.birth_date <= $2::date and (p.death_date is null or p.death_date > $2::date)
         order by p.id`,
        [arrayLiteral(households), asOf],
      );
      loaded.family = groupBy(members, (m) => String(m.household_id));
    }
    if (want.has('incomes')) {
      const { from, to } = incomeWindow(asOfDate);
      const rows = await this.database.query<{ person_id: number | string; month: string; type: IncomeType; amount_tiyn: number | string }>(
        `select person_id, month, type, amount_tiyn from reg_income
         where person_id = any($1::int8[]) and month >= $2::date and month <= $3::date order by person_id, month, type`,
        [idList, `${from.toString()}-01`, `${to.toString()}-01`],
      );
      loaded.incomes = groupBy(rows, (r) => String(r.person_id));
    }
    if (want.has('pensions')) {
      const rows = await this.database.query<BenefitRow>(
        `select person_id, kind, type, category, amount_tiyn, date_from, date_to, iban from reg_benefit
         where person_id = any($1::int8[]) and date_from <= $2::date and (date_to is null or date_to >= $2::date) order by id`,
        [idList, asOf],
      );
      loaded.benefits = groupBy(rows, (r) => String(r.person_id));
    }
    if (want.has('property')) {
      const rows = await this.database.query<{ person_id: number | string; kind: PropertyKind; subtype: string; quantity: number | string; unit: PropertyUnit }>(
        'select person_id, kind, subtype, quantity, unit from reg_property where person_id = any($1::int8[]) order by id',
        [idList],
      );
      loaded.property = groupBy(rows, (r) => String(r.person_id));
    }
    if (want.has('existing-assistance')) {
      const rows = await this.database.query<AssistanceRow>(
        `select person_id, ground, category, status, periodicity, amount_tiyn, date_from, date_to from reg_assistance
         where person_id = any($1::int8[]) and date_from <= $2::date order by id`,
        [idList, asOf],
      );
      loaded.assistance = groupBy(rows, (r) => String(r.person_id));
    }
    return loaded;
  }

  private itemData(item: EgovItem, p: PersonRow, loaded: Loaded, asOf: Temporal.PlainDate): unknown {
    const id = String(p.id);
    switch (item) {
      case 'identity':
        return {
          iin: p.iin,
          lastName: p.last_name,
          firstName: p.first_name,
          patronymic: p.patronymic,
          birthDate: date(p.birth_date),
          sex: p.sex,
          deathDate: p.death_date !== null && p.death_date <= asOf.toString() ? date(p.death_date) : null,
          synthetic: p.synthetic,
        };
      case 'address':
        return { ruralDistrictId: p.rural_district_id, village: p.village, street: p.street, house: p.house, text: p.address };
      case 'family':
        return {
          householdId: String(p.household_id),
          relation: p.relation,
          members: (loaded.family.get(String(p.household_id)) ?? []).map((m) => ({ iin: m.iin, fullName: fullName(m), birthDate: date(m.birth_date), sex: m.sex, relation: m.relation })),
        };
      case 'incomes': {
        const { from, to } = incomeWindow(asOf);
        const months: MonthlyIncome[] = (loaded.incomes.get(id) ?? []).map((r) => ({ month: Temporal.PlainYearMonth.from(r.month.slice(0, 7)), type: r.type, amountTiyn: Number(r.amount_tiyn) }));
        return { from, to, months };
      }
      case 'pensions':
        return (loaded.benefits.get(id) ?? []).map(toBenefitRecord);
      case 'disability':
        return { group: p.disability_group === null ? null : (Number(p.disability_group) as 1 | 2 | 3), childDisability: p.child_disability };
      case 'disease':
        return { code: p.disease_code };
      case 'probation':
        return p.probation !== null && p.probation_since !== null && p.probation_since <= asOf.toString()
          ? { status: p.probation, since: date(p.probation_since) }
          : { status: null, since: null };
      case 'property':
        return (loaded.property.get(id) ?? []).map((r): PropertyItem => ({ kind: r.kind, subtype: r.subtype, quantity: Number(r.quantity), unit: r.unit }));
      case 'existing-assistance':
        return (loaded.assistance.get(id) ?? []).map(
          (r): AssistanceRecord => ({
            ground: r.ground,
            category: r.category,
            status: r.status,
            periodicity: r.periodicity,
            amountTiyn: Number(r.amount_tiyn),
            from: date(r.date_from),
            to: dateOrNull(r.date_to),
          }),
        );
      default: {
        const never: never = item;
        throw new Error(`unknown item ${String(never)}`);
      }
    }
  }
}

/** The twelve full calendar months before the month of `asOf`. */
export function incomeWindow(asOf: Temporal.PlainDate): { from: Temporal.PlainYearMonth; to: Temporal.PlainYearMonth } {
  const month = asOf.toPlainYearMonth();
  return { from: month.subtract({ months: 12 }), to: month.subtract({ months: 1 }) };
}

interface BenefitRow {
  person_id: number | string;
  kind: BenefitKind;
  type: string;
  category: string;
  amount_tiyn: number | string;
  date_from: string;
  date_to: string | null;
  iban: string | null;
}

interface AssistanceRow {
  person_id: number | string;
  ground: string;
  category: string;
  status: AssistanceStatus;
  periodicity: Periodicity;
  amount_tiyn: number | string;
  date_from: string;
  date_to: string | null;
}

interface Loaded {
  family: Map<string, PersonRow[]>;
  incomes: Map<string, { person_id: number | string; month: string; type: IncomeType; amount_tiyn: number | string }[]>;
  benefits: Map<string, BenefitRow[]>;
  property: Map<string, { person_id: number | string; kind: PropertyKind; subtype: string; quantity: number | string; unit: PropertyUnit }[]>;
  assistance: Map<string, AssistanceRow[]>;
}

/** A reg_benefit row as the ministry's record (shared with the ministry fake). */
export function toBenefitRecord(r: { kind: BenefitKind; type: string; category: string; amount_tiyn: number | string; date_from: string; date_to: string | null; iban: string | null }): BenefitRecord {
  return { kind: r.kind, type: r.type, category: r.category, amountTiyn: Number(r.amount_tiyn), from: date(r.date_from), to: dateOrNull(r.date_to), iban: r.iban };
}
