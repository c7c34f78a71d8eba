/**
 * The synthetic population of Koksu district that the fake state registers serve in development, tests
 * and demos: households streamed one at a time (a million persons never sit in memory), each with its
 * members, their monthly incomes, pensions and allowances, property and assistance already assigned.
 *
 * Deterministic: the same seed, `asOf` and district list give the same data on any machine; household
 * n depends only on (seed, n) and the IIN serials handed out before it, so a smaller population is a
 * prefix of a larger one. Every record is synthetic (`synthetic: true`): no real person is described.
 *
 * Dates are ISO-8601 strings (`YYYY-MM-DD`, months `YYYY-MM`) because these records feed the bulk
 * loader at a million rows; code that judges them parses them with `Temporal.PlainDate.from`.
 * Amounts are integer tiyn. Shares and amounts are plausible for a rural district in 2025–2026, not
 * statistics: the point is realistic variety for the Rules (low-income families p.6.4, disability
 * p.7.11, socially significant disease p.6.3, probation and release p.6.7, holiday categories p.5/p.25).
 */
import { Temporal } from 'temporal-polyfill';
import { makeValidIban, makeValidIin } from '../rules/identifiers';
import type { IncomeType, Periodicity, ProbationStatus, PropertyKind, PropertyUnit, Relation, Sex, AssistanceStatus } from '../adapters/egov/port';
import type { BenefitCategory, BenefitKind, BenefitType } from '../adapters/ministry/port';
import { BENEFIT_TYPES } from '../adapters/ministry/port';
import { Random, hashString } from './random';
import {
  EXTRA_VILLAGES,
  KAZAKH_FEMALE_NAMES,
  KAZAKH_MALE_NAMES,
  KAZAKH_SURNAMES,
  RUSSIAN_FEMALE_NAMES,
  RUSSIAN_MALE_NAMES,
  RUSSIAN_SURNAMES,
  STREETS,
  femaleSurname,
} from './names';

export interface SyntheticPerson {
  readonly id: number;
  readonly iin: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly patronymic: string | null;
  readonly birthDate: string;
  readonly sex: Sex;
  readonly relation: Relation;
  /** E.164, e.g. `+77011234567`; null for young children and some adults. */
  readonly phone: string | null;
  /** Whether the phone is in the mobile-citizens database (SMS notices, p.19). */
  readonly phoneRegistered: boolean;
  readonly iban: string | null;
  readonly deathDate: string | null;
  readonly disabilityGroup: 1 | 2 | 3 | null;
  readonly childDisability: boolean;
  /** ICD-10 code of a socially significant disease (p.6.3). */
  readonly diseaseCode: string | null;
  readonly probation: ProbationStatus | null;
  readonly probationSince: string | null;
}

export interface SyntheticIncome {
  readonly personId: number;
  /** `YYYY-MM`. */
  readonly month: string;
  readonly type: IncomeType;
  readonly amountTiyn: number;
}

export interface SyntheticBenefit {
  readonly id: number;
  readonly personId: number;
  readonly kind: BenefitKind;
  readonly type: BenefitType;
  readonly category: BenefitCategory;
  /** Monthly amount. */
  readonly amountTiyn: number;
  readonly from: string;
  readonly to: string | null;
  readonly iban: string | null;
}

export interface SyntheticProperty {
  readonly id: number;
  readonly personId: number;
  readonly kind: PropertyKind;
  readonly subtype: string;
  readonly quantity: number;
  readonly unit: PropertyUnit;
}

export interface SyntheticAssistance {
  readonly id: number;
  readonly personId: number;
  /** Ground of p.6, e.g. `6.4`. */
  readonly ground: string;
  /** An example category code, to be replaced by Koksu's official list (p.7). */
  readonly category: string;
  readonly status: AssistanceStatus;
  readonly periodicity: Periodicity;
  readonly amountTiyn: number;
  readonly from: string;
  readonly to: string | null;
}

export interface SyntheticHousehold {
  readonly id: number;
  readonly ruralDistrictId: string;
  readonly village: string;
  readonly street: string;
  readonly house: string;
  /** Head first. */
  readonly persons: readonly SyntheticPerson[];
  readonly incomes: readonly SyntheticIncome[];
  readonly benefits: readonly SyntheticBenefit[];
  readonly property: readonly SyntheticProperty[];
  readonly assistance: readonly SyntheticAssistance[];
  readonly synthetic: true;
}

export interface RuralDistrictRef {
  readonly code: string;
  readonly name_kk: string;
  /** Relative share of households; 1 when absent. */
  readonly weight?: number;
}

export interface PopulationOptions {
  /** Exactly this many persons are generated (the last household is cut to fit). */
  readonly persons: number;
  readonly seed: number | string;
  /** The day the registers describe: ages, open benefits and the income months are as of it. */
  readonly asOf: Temporal.PlainDate;
  readonly ruralDistricts: readonly RuralDistrictRef[];
  /** Full calendar months of income before the month of `asOf`; 12 by default. */
  readonly incomeMonths?: number;
}

/** Household sizes 1..9 and their weights (rural Kazakhstan averages about four persons). */
const SIZE_WEIGHTS = [14, 17, 17, 19, 15, 9, 5, 2.5, 1.5] as const;

const PROFILES = ['low', 'modest', 'average', 'well-off'] as const;
type Profile = (typeof PROFILES)[number];
const PROFILE_WEIGHTS = [14, 36, 38, 12] as const;
const EMPLOYMENT: Record<Profile, number> = { low: 0.25, modest: 0.6, average: 0.78, 'well-off': 0.88 };
/** Monthly wage range in tenge. */
const WAGES: Record<Profile, readonly [number, number]> = {
  low: [70_000, 110_000],
  modest: [95_000, 190_000],
  average: [180_000, 360_000],
  'well-off': [350_000, 850_000],
};

/** Kazakh mobile prefixes after +7. */
const MOBILE_PREFIXES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'] as const;
/** Example bank codes of Kazakh IBANs (Kaspi, Halyk, Kazpost, BCC, Forte, Jusan) and their shares. */
const BANK_CODES = ['722', '601', '563', '826', '965', '998'] as const;
const BANK_WEIGHTS = [40, 30, 12, 8, 5, 5] as const;

/** ICD-10 codes of socially significant diseases (tuberculosis, HIV, hepatitis, cancer, diabetes, mental, MS) and their shares. */
const DISEASE_CODES = ['A15', 'B20', 'B18.1', 'C50', 'C34', 'C16', 'E10', 'F20', 'G35'] as const;
const DISEASE_WEIGHTS = [12, 4, 8, 10, 8, 6, 25, 20, 7] as const;

const RETIREMENT_AGE: Record<Sex, number> = { male: 63, female: 61 };

// ------------------------------------------------------------------------------ civil day numbers

/** Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date [year, month, day] of a day number. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoOfDays(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function daysInMonth(y: number, m: number): number {
  return m === 12 ? 31 : daysFromCivil(y, m + 1, 1) - daysFromCivil(y, m, 1);
}

/** The day `years` later on which that many full years have passed (29 Feb → 1 Mar in common years). */
function addYears(days: number, years: number): number {
  const [y, m, d] = civilFromDays(days);
  const last = daysInMonth(y + years, m);
  return d > last ? daysFromCivil(y + years, m, last) + 1 : daysFromCivil(y + years, m, d);
}

function addMonths(days: number, months: number): number {
  const [y, m, d] = civilFromDays(days);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Completed years between two day numbers. */
function ageOn(birth: number, on: number): number {
  const [by, bm, bd] = civilFromDays(birth);
  const [y, m, d] = civilFromDays(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function endOfMonth(days: number): number {
  const [y, m] = civilFromDays(days);
  return daysFromCivil(y, m, daysInMonth(y, m));
}

// ----------------------------------------------------------------------------------- generator

interface MonthSlot {
  readonly label: string;
  readonly first: number;
  readonly last: number;
}

interface MemberPlan {
  birth: number;
  sex: Sex;
  relation: Relation;
  /** Index in the plan of the father, when he lives in the household. */
  father: number | null;
}

/** Mutable counters shared by the whole stream (ids, IIN serials, phone and account numbers). */
class Counters {
  household = 0;
  person = 0;
  benefit = 0;
  property = 0;
  assistance = 0;
  phone = 0;
  account = 0;
  private readonly serials = new Map<number, number>();

  /** A fresh valid IIN for a birth day and sex; serials are spread so IINs do not look sequential. */
  iin(birth: number, sex: Sex): string {
    const key = birth * 2 + (sex === 'male' ? 0 : 1);
    const base = hashString(String(key)) % 10_000;
    let count = this.serials.get(key) ?? 0;
    const [y, m, d] = civilFromDays(birth);
    const date = new Temporal.PlainDate(y, m, d);
    for (;;) {
      if (count >= 10_000) throw new RangeError(`no IIN serial left for ${date.toString()} ${sex}`);
      const serial = (base + count * 7919) % 10_000;
      count++;
      const iin = makeValidIin(date, sex, serial);
      if (iin !== null) {
        this.serials.set(key, count);
        return iin;
      }
    }
  }

  /** A unique mobile number (unique for the first ten million numbers handed out). */
  phoneNumber(): string {
    const n = this.phone++;
    if (n >= 10_000_000) throw new RangeError('the synthetic population has run out of mobile numbers');
    const prefix = MOBILE_PREFIXES[hashString(String(n)) % MOBILE_PREFIXES.length] ?? '700';
    const rest = (n * 4_999_999 + 1_234_567) % 10_000_000;
    return `+7${prefix}${String(rest).padStart(7, '0')}`;
  }

  /** A unique valid IBAN at one of the example banks. */
  iban(r: Random): string {
    const n = BigInt(this.account++);
    const account = ((n * 6_180_339_887_499n + 2_718_281_828_459n) % 10_000_000_000_000n).toString().padStart(13, '0');
    return makeValidIban(BANK_CODES[r.weightedIndex(BANK_WEIGHTS)] ?? '722', account);
  }
}

function villagesOf(district: RuralDistrictRef): readonly string[] {
  const centre = `${district.name_kk.replace(/\s*ауылдық округі\s*$/u, '')} ауылы`;
  const h = hashString(district.code);
  const a = EXTRA_VILLAGES[h % EXTRA_VILLAGES.length] ?? 'Бірлік';
  const b = EXTRA_VILLAGES[(h >>> 8) % EXTRA_VILLAGES.length] ?? 'Талапты';
  return a === b ? [centre, `${a} ауылы`] : [centre, `${a} ауылы`, `${b} ауылы`];
}

/** A random amount in tenge between `min` and `max`, in tiyn. */
function tenge(r: Random, min: number, max: number): number {
  return r.int(min, max) * 100;
}

/**
 * Streams the synthetic households of a district until exactly `persons` persons have been produced.
 * Never holds more than one household in memory.
 */
export function* generatePopulation(options: PopulationOptions): Generator<SyntheticHousehold, void, undefined> {
  if (!Number.isInteger(options.persons) || options.persons < 0) throw new RangeError(`persons must be a non-negative integer, got ${options.persons}`);
  if (options.ruralDistricts.length === 0) throw new RangeError('at least one rural district is needed');
  const asOf = daysFromCivil(options.asOf.year, options.asOf.month, options.asOf.day);
  const months: MonthSlot[] = [];
  const monthCount = options.incomeMonths ?? 12;
  for (let i = monthCount; i >= 1; i--) {
    const first = addMonths(daysFromCivil(options.asOf.year, options.asOf.month, 1), -i);
    const [y, m] = civilFromDays(first);
    months.push({ label: `${y}-${pad2(m)}`, first, last: endOfMonth(first) });
  }
  const districts = options.ruralDistricts.map((d) => ({ code: d.code, villages: villagesOf(d) }));
  const districtWeights = options.ruralDistricts.map((d) => d.weight ?? 1);
  const counters = new Counters();
  let remaining = options.persons;
  while (remaining > 0) {
    const r = Random.derive(options.seed, 'household', counters.household);
    const household = makeHousehold(r, counters, { asOf, months, districts, districtWeights, remaining });
    remaining -= household.persons.length;
    yield household;
  }
}

interface Context {
  readonly asOf: number;
  readonly months: readonly MonthSlot[];
  readonly districts: readonly { code: string; villages: readonly string[] }[];
  readonly districtWeights: readonly number[];
  readonly remaining: number;
}

function birthFor(r: Random, asOf: number, age: number): number {
  const [y, m, d] = civilFromDays(asOf);
  const anniversary = daysFromCivil(y - age, m, Math.min(d, daysInMonth(y - age, m)));
  return anniversary - r.int(0, 364);
}

/** Plans who lives in a household: ages, sexes, relations to the head. */
function planMembers(r: Random, size: number, asOf: number): MemberPlan[] {
  const elderlyHead = size <= 2 ? r.chance(0.45) : r.chance(0.15);
  const headAge = elderlyHead ? Math.min(101, 60 + Math.floor(-Math.log(1 - r.next()) * 7)) : r.int(20, 59);
  const hasSpouse = size >= 2 && r.chance(elderlyHead ? 0.7 : 0.88);
  const headSex: Sex = hasSpouse ? (r.chance(0.85) ? 'male' : 'female') : elderlyHead ? (r.chance(0.7) ? 'female' : 'male') : r.chance(0.6) ? 'male' : 'female';
  const plan: MemberPlan[] = [{ birth: birthFor(r, asOf, headAge), sex: headSex, relation: 'head', father: null }];
  let motherAge: number | null = headSex === 'female' ? headAge : null;
  let fatherIndex: number | null = headSex === 'male' ? 0 : null;
  if (hasSpouse) {
    const spouseSex: Sex = headSex === 'male' ? 'female' : 'male';
    const spouseAge = Math.max(18, headAge + (spouseSex === 'female' ? r.int(-7, 2) : r.int(-2, 7)));
    plan.push({ birth: birthFor(r, asOf, spouseAge), sex: spouseSex, relation: 'spouse', father: null });
    if (spouseSex === 'female') motherAge = spouseAge;
    else fatherIndex = 1;
  }
  const parentAge = motherAge ?? headAge;
  if (elderlyHead) {
    const childAge = Math.max(18, parentAge - r.int(22, 36));
    const childSex: Sex = r.chance(0.7) ? 'male' : 'female';
    if (plan.length < size) plan.push({ birth: birthFor(r, asOf, childAge), sex: childSex, relation: 'child', father: fatherIndex });
    const adultChild = plan.length - 1;
    if (plan.length < size && r.chance(0.75)) {
      plan.push({ birth: birthFor(r, asOf, Math.max(18, childAge + r.int(-5, 2))), sex: childSex === 'male' ? 'female' : 'male', relation: 'other', father: null });
    }
    let grandAge = Math.max(-1, childAge - r.int(20, 27));
    while (plan.length < size && grandAge >= 0) {
      plan.push({ birth: birthFor(r, asOf, grandAge), sex: r.chance(0.51) ? 'male' : 'female', relation: 'grandchild', father: childSex === 'male' ? adultChild : null });
      grandAge -= r.int(1, 4);
    }
  } else {
    let childAge = parentAge - r.int(19, 28);
    while (plan.length < size && childAge >= 0) {
      plan.push({ birth: birthFor(r, asOf, childAge), sex: r.chance(0.51) ? 'male' : 'female', relation: 'child', father: fatherIndex });
      childAge -= r.int(1, 4);
    }
    let parents = 0;
    while (plan.length < size && parents < 2 && headAge + 22 <= 95) {
      plan.push({ birth: birthFor(r, asOf, Math.min(100, headAge + r.int(22, 32))), sex: parents === 0 ? 'female' : 'male', relation: 'parent', father: null });
      parents++;
    }
  }
  while (plan.length < size) {
    plan.push({ birth: birthFor(r, asOf, Math.max(0, headAge + r.int(-10, 8))), sex: r.chance(0.5) ? 'male' : 'female', relation: 'sibling', father: null });
  }
  return plan;
}

interface Naming {
  readonly kazakh: boolean;
  readonly surname: string;
}

function givenName(r: Random, kazakh: boolean, sex: Sex): string {
  if (kazakh) return sex === 'male' ? r.pick(KAZAKH_MALE_NAMES) : r.pick(KAZAKH_FEMALE_NAMES);
  return sex === 'male' ? r.pick(RUSSIAN_MALE_NAMES)[0] : r.pick(RUSSIAN_FEMALE_NAMES);
}

function patronymicFrom(fatherName: string, kazakh: boolean, sex: Sex): string {
  if (kazakh) return `${fatherName}${sex === 'male' ? 'ұлы' : 'қызы'}`;
  const row = RUSSIAN_MALE_NAMES.find((n) => n[0] === fatherName);
  if (!row) return `${fatherName}${sex === 'male' ? 'ович' : 'овна'}`;
  return sex === 'male' ? row[1] : row[2];
}

function randomFatherName(r: Random, kazakh: boolean): string {
  return kazakh ? r.pick(KAZAKH_MALE_NAMES) : r.pick(RUSSIAN_MALE_NAMES)[0];
}

function makeHousehold(r: Random, counters: Counters, ctx: Context): SyntheticHousehold {
  const householdId = ++counters.household;
  const districtIndex = r.weightedIndex(ctx.districtWeights);
  const district = ctx.districts[districtIndex] ?? ctx.districts[0];
  if (!district) throw new RangeError('no rural district');
  const village = r.chance(0.65) ? (district.villages[0] ?? '') : r.pick(district.villages);
  const street = `${r.pick(STREETS)} көшесі`;
  const house = String(r.int(1, 160));
  const profile: Profile = PROFILES[r.weightedIndex(PROFILE_WEIGHTS)] ?? 'modest';
  const kazakh = r.chance(0.9);
  const size = Math.min(ctx.remaining, 1 + r.weightedIndex(SIZE_WEIGHTS));
  const plan = planMembers(r, size, ctx.asOf);

  const naming: Naming = { kazakh, surname: kazakh ? r.pick(KAZAKH_SURNAMES) : r.pick(RUSSIAN_SURNAMES) };
  const names: { first: string; last: string; patronymic: string | null }[] = [];
  const parentsOfHead = plan.filter((p) => p.relation === 'parent');
  const headFatherName = parentsOfHead.length === 2 ? null : randomFatherName(r, kazakh);
  for (let i = 0; i < plan.length; i++) {
    const p = plan[i] as MemberPlan;
    const first = givenName(r, kazakh, p.sex);
    let familyName = naming.surname;
    if ((p.relation === 'spouse' || p.relation === 'other') && r.chance(0.4)) familyName = kazakh ? r.pick(KAZAKH_SURNAMES) : r.pick(RUSSIAN_SURNAMES);
    const last = p.sex === 'female' ? femaleSurname(familyName) : familyName;
    names.push({ first, last, patronymic: null });
  }
  // Patronymics: from the father when he lives here, the head's from his father, others invented.
  const headFather = plan.findIndex((p) => p.relation === 'parent' && p.sex === 'male');
  for (let i = 0; i < plan.length; i++) {
    const p = plan[i] as MemberPlan;
    const name = names[i];
    if (!name) continue;
    let fatherName: string;
    if (p.father !== null && names[p.father]) fatherName = (names[p.father] as { first: string }).first;
    else if ((p.relation === 'head' || p.relation === 'sibling') && headFather >= 0) fatherName = (names[headFather] as { first: string }).first;
    else if (p.relation === 'head' && headFatherName) fatherName = headFatherName;
    else fatherName = randomFatherName(r, kazakh);
    name.patronymic = r.chance(0.97) ? patronymicFrom(fatherName, kazakh, p.sex) : null;
  }

  const persons: SyntheticPerson[] = [];
  const incomes: SyntheticIncome[] = [];
  const benefits: SyntheticBenefit[] = [];
  const property: SyntheticProperty[] = [];
  const assistance: SyntheticAssistance[] = [];
  const ages: number[] = [];
  const deaths: (number | null)[] = [];
  const ibans: (string | null)[] = [];
  const benefitSpans: [number, number | null][] = [];
  const incomeIndex = new Map<string, number>();

  for (let i = 0; i < plan.length; i++) {
    const p = plan[i] as MemberPlan;
    const name = names[i] as { first: string; last: string; patronymic: string | null };
    const age = ageOn(p.birth, ctx.asOf);
    ages.push(age);
    const id = ++counters.person;
    const iin = counters.iin(p.birth, p.sex);
    const death = r.chance(age >= 70 ? 0.03 : 0.002) ? Math.max(p.birth + 1, ctx.asOf - r.int(1, 700)) : null;
    deaths.push(death);
    const phone = age >= 16 && r.chance(age >= 75 ? 0.6 : 0.93) ? counters.phoneNumber() : null;
    const iban = age >= 18 && r.chance(profile === 'low' ? 0.8 : 0.92) ? counters.iban(r) : null;
    ibans.push(iban);
    let disabilityGroup: 1 | 2 | 3 | null = null;
    let childDisability = false;
    if (age < 18) childDisability = r.chance(0.015);
    else if (r.chance(age >= 60 ? 0.08 : 0.035)) disabilityGroup = ([1, 2, 3] as const)[r.weightedIndex([10, 45, 45])] ?? 3;
    const diseaseCode = r.chance(age >= 18 ? 0.02 : 0.003) ? (DISEASE_CODES[r.weightedIndex(DISEASE_WEIGHTS)] ?? 'E10') : null;
    let probation: ProbationStatus | null = null;
    let probationSince: string | null = null;
    if (age >= 18 && age <= 60 && r.chance(p.sex === 'male' ? 0.01 : 0.001)) {
      probation = r.chance(0.6) ? 'probation' : 'released';
      probationSince = isoOfDays(ctx.asOf - r.int(10, 730));
    }
    persons.push({
      id,
      iin,
      lastName: name.last,
      firstName: name.first,
      patronymic: name.patronymic,
      birthDate: isoOfDays(p.birth),
      sex: p.sex,
      relation: p.relation,
      phone,
      phoneRegistered: phone !== null && r.chance(0.85),
      iban,
      deathDate: death === null ? null : isoOfDays(death),
      disabilityGroup,
      childDisability,
      diseaseCode,
      probation,
      probationSince,
    });
  }

  const head = persons[0] as SyntheticPerson;
  const adults = persons.filter((_, i) => (ages[i] ?? 0) >= 18);
  const mother = persons.find((p, i) => (p.relation === 'head' || p.relation === 'spouse') && p.sex === 'female' && (ages[i] ?? 0) >= 18) ?? adults[0] ?? head;
  const indexOf = (p: SyntheticPerson): number => persons.indexOf(p);
  const ibanFor = (p: SyntheticPerson): string => {
    const i = indexOf(p);
    const existing = ibans[i];
    if (existing) return existing;
    const iban = counters.iban(r);
    ibans[i] = iban;
    (persons[i] as { iban: string | null }).iban = iban;
    return iban;
  };
  /** A benefit ends at the end of its recipient's death month, except where the ministry lags. */
  const closeOnDeath = (personIndex: number, to: number | null): number | null => {
    const death = deaths[personIndex];
    if (death === null || death === undefined || r.chance(0.05)) return to;
    const last = endOfMonth(death);
    return to === null || to > last ? last : to;
  };
  const addBenefit = (recipient: SyntheticPerson, payee: SyntheticPerson, type: BenefitType, category: BenefitCategory, amountTiyn: number, from: number, to: number | null): void => {
    const i = indexOf(recipient);
    const end = closeOnDeath(i, to);
    if (end !== null && end < from) return;
    benefitSpans.push([from, end]);
    benefits.push({
      id: ++counters.benefit,
      personId: recipient.id,
      kind: BENEFIT_TYPES[type].kind,
      type,
      category,
      amountTiyn,
      from: isoOfDays(from),
      to: end === null ? null : isoOfDays(end),
      iban: ibanFor(payee),
    });
  };

  const childrenUnder18 = persons.filter((p, i) => (ages[i] ?? 99) < 18);
  const fatherPresent = persons.some((p, i) => (p.relation === 'head' || p.relation === 'spouse') && p.sex === 'male' && (ages[i] ?? 0) >= 18);
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i] as SyntheticPerson;
    const birth = (plan[i] as MemberPlan).birth;
    const age = ages[i] ?? 0;
    const [by] = civilFromDays(birth);
    if (age >= RETIREMENT_AGE[p.sex]) {
      addBenefit(p, p, 'age', 'age-pensioner', tenge(r, profile === 'well-off' ? 150_000 : 85_000, profile === 'low' ? 140_000 : 260_000) + r.int(0, 99), addYears(birth, RETIREMENT_AGE[p.sex]), null);
    }
    if (p.disabilityGroup !== null) {
      const amount = p.disabilityGroup === 1 ? tenge(r, 95_000, 115_000) : p.disabilityGroup === 2 ? tenge(r, 75_000, 90_000) : tenge(r, 50_000, 62_000);
      const from = Math.max(addYears(birth, 18), ctx.asOf - r.int(200, 5000));
      const to = p.disabilityGroup === 3 ? (r.chance(0.1) ? ctx.asOf - r.int(1, 150) : addYears(from, 1 + Math.ceil((ctx.asOf - from) / 365))) : null;
      addBenefit(p, p, 'disability', `disability-${p.disabilityGroup}`, amount, from, to);
      if (p.disabilityGroup === 1) {
        const carer = adults.find((c) => c !== p && deaths[indexOf(c)] === null);
        if (carer && r.chance(0.5)) addBenefit(carer, carer, 'carer', 'carer-disability-1', tenge(r, 44_000, 50_000), from, null);
      }
    }
    if (p.childDisability) {
      addBenefit(p, mother, 'child-disability', 'child-disability', tenge(r, 58_000, 70_000), birth + r.int(30, Math.max(31, age * 365)), addYears(birth, 18) - 1);
    }
    if (age < 18 && !fatherPresent && p.relation !== 'head' && r.chance(0.5)) {
      addBenefit(p, mother, 'survivor', 'survivor', tenge(r, 30_000, 45_000), birth + r.int(0, Math.max(1, age * 365)), addYears(birth, 18) - 1);
    }
    if (age < 2 && ctx.asOf - birth < 548 && p !== mother) {
      addBenefit(mother, mother, 'child-care', 'child-care', tenge(r, 40_000, 95_000), birth, addMonths(birth, 18) - 1);
    }
    if (by <= 1928 && r.chance(0.3)) addBenefit(p, p, 'special-state', 'wwii-participant', tenge(r, 140_000, 160_000), daysFromCivil(1996, 1, 1), null);
    else if (by <= 1931 && r.chance(0.5)) addBenefit(p, p, 'special-state', 'home-front-worker', tenge(r, 18_000, 22_000), daysFromCivil(1996, 1, 1), null);
    else if (p.sex === 'female' && by <= 1945 && r.chance(0.03)) addBenefit(p, p, 'special-state', 'wwii-widow', tenge(r, 28_000, 33_000), daysFromCivil(2005, 1, 1), null);
    else if (p.sex === 'male' && by >= 1950 && by <= 1969 && r.chance(0.015)) addBenefit(p, p, 'special-state', 'afghan-veteran', tenge(r, 38_000, 44_000), daysFromCivil(1996, 1, 1), null);
    else if (by >= 1935 && by <= 1968 && r.chance(0.003)) addBenefit(p, p, 'special-state', 'chernobyl-liquidator', tenge(r, 38_000, 44_000), daysFromCivil(1996, 1, 1), null);
    else if (by <= 1953 && r.chance(0.01)) addBenefit(p, p, 'special-state', 'repression-victim', tenge(r, 18_000, 22_000), daysFromCivil(1996, 1, 1), null);
    if (p.sex === 'female' && age >= 45 && r.chance(0.03)) addBenefit(p, p, 'mother-heroine', 'altyn-alqa', tenge(r, 25_000, 29_000), addYears(birth, 40), null);
  }
  if (childrenUnder18.length >= 4) {
    const births = childrenUnder18.map((c) => (plan[indexOf(c)] as MemberPlan).birth).sort((a, b) => a - b);
    addBenefit(mother, mother, 'large-family', 'large-family', childrenUnder18.length * 17_300 * 100, births[3] ?? ctx.asOf, null);
  }

  // Property of the household, registered to the head.
  const addProperty = (kind: PropertyKind, subtype: string, quantity: number, unit: PropertyUnit): void => {
    if (quantity > 0) property.push({ id: ++counters.property, personId: head.id, kind, subtype, quantity, unit });
  };
  let farmIncome = 0;
  if (r.chance(profile === 'low' ? 0.35 : profile === 'well-off' ? 0.6 : 0.5)) {
    const cattle = r.int(profile === 'well-off' ? 3 : 0, profile === 'well-off' ? 30 : 8);
    const sheep = r.chance(0.6) ? r.int(2, profile === 'well-off' ? 80 : 30) : 0;
    const horses = r.chance(0.3) ? r.int(1, profile === 'well-off' ? 12 : 4) : 0;
    addProperty('livestock', 'cattle', cattle, 'head');
    addProperty('livestock', 'sheep-goats', sheep, 'head');
    addProperty('livestock', 'horses', horses, 'head');
    farmIncome = (cattle * 3_000 + sheep * 500 + horses * 3_500) * 100;
  }
  if (r.chance(0.85)) addProperty('land', 'homestead', r.int(6, 25) * 100, 'm2');
  if (r.chance(profile === 'well-off' ? 0.3 : 0.06)) addProperty('land', 'agricultural', r.int(1, 50) * 10_000, 'm2');
  if (r.chance(profile === 'low' ? 0.1 : profile === 'modest' ? 0.3 : profile === 'average' ? 0.45 : 0.85)) addProperty('car', r.chance(0.9) ? 'passenger-car' : 'truck', 1, 'item');
  if (r.chance(0.9)) addProperty('real-estate', 'house', 1, 'item');
  if (profile === 'well-off' && r.chance(0.15)) addProperty('real-estate', 'apartment', 1, 'item');

  // Monthly incomes: work, benefits in force, and household-level incomes on the head.
  const pushMonths = (person: SyntheticPerson, type: IncomeType, monthly: number, presence: number, spread: number, from: number, to: number | null): void => {
    const death = deaths[indexOf(person)];
    for (const m of ctx.months) {
      if (m.last < from || (to !== null && m.first > to) || (death !== null && death !== undefined && m.first > death)) continue;
      if (presence < 1 && !r.chance(presence)) continue;
      const amount = spread === 0 ? monthly : Math.round((monthly * (100 + r.int(-spread, spread))) / 100);
      if (amount <= 0) continue;
      if (type !== 'pension' && type !== 'state-benefit') {
        incomes.push({ personId: person.id, month: m.label, type, amountTiyn: amount });
        continue;
      }
      // One row per person, month and type: two allowances in a month add up (other types come once).
      const key = `${person.id}|${m.label}|${type}`;
      const at = incomeIndex.get(key);
      if (at === undefined) {
        incomeIndex.set(key, incomes.length);
        incomes.push({ personId: person.id, month: m.label, type, amountTiyn: amount });
      } else {
        const prior = incomes[at] as SyntheticIncome;
        incomes[at] = { ...prior, amountTiyn: prior.amountTiyn + amount };
      }
    }
  };
  const firstMonth = ctx.months[0]?.first ?? ctx.asOf;
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i] as SyntheticPerson;
    const age = ages[i] ?? 0;
    if (age >= 18 && age < 63 && p.disabilityGroup !== 1 && r.chance(EMPLOYMENT[profile])) {
      const [min, max] = WAGES[profile];
      if (r.chance(0.2)) pushMonths(p, 'self-employment', tenge(r, Math.round(min * 0.7), Math.round(max * 0.8)), 0.75, 25, firstMonth, null);
      else pushMonths(p, 'wages', tenge(r, min, max), r.chance(0.15) ? 0.6 : 1, 8, firstMonth, null);
    }
  }
  benefits.forEach((b, i) => {
    const recipient = persons.find((p) => p.id === b.personId);
    const [from, to] = benefitSpans[i] ?? [ctx.asOf, null];
    if (recipient) pushMonths(recipient, b.kind === 'pension' ? 'pension' : 'state-benefit', b.amountTiyn, 1, 0, from, to);
  });
  if (childrenUnder18.length > 0 && !fatherPresent && r.chance(0.5)) pushMonths(mother, 'alimony', tenge(r, 20_000, 55_000), 0.8, 0, firstMonth, null);
  if (farmIncome > 0) pushMonths(head, 'subsidiary-farm-livestock', farmIncome, 1, 15, firstMonth, null);
  if (profile === 'well-off' && r.chance(0.1)) pushMonths(head, 'rental', tenge(r, 50_000, 150_000), 1, 0, firstMonth, null);
  if ((profile === 'average' || profile === 'well-off') && r.chance(0.15)) pushMonths(head, 'interest', tenge(r, 1_000, 15_000), 1, 30, firstMonth, null);
  if (profile === 'low' && r.chance(0.35)) pushMonths(head, 'targeted-social-assistance', tenge(r, 15_000, 50_000), 1, 0, ctx.asOf - r.int(60, 400), null);
  if (profile === 'low' && r.chance(0.2)) pushMonths(head, 'housing-assistance', tenge(r, 3_000, 9_000), 1, 0, firstMonth, null);

  // Assistance already assigned or applied for in the ministry's system (p.20.4); example categories.
  const addAssistance = (p: SyntheticPerson, ground: string, category: string, periodicity: Periodicity, amountTiyn: number, from: number, to: number | null): void => {
    const applied = r.chance(0.15);
    assistance.push({
      id: ++counters.assistance,
      personId: p.id,
      ground,
      category,
      status: applied ? 'applied' : 'assigned',
      periodicity,
      amountTiyn,
      from: isoOfDays(from),
      to: applied || to === null ? null : isoOfDays(to),
    });
  };
  if (profile === 'low' && r.chance(0.08)) {
    const from = ctx.asOf - r.int(10, 330);
    addAssistance(head, '6.4', 'example-low-income', 'one-time', tenge(r, 20_000, 80_000), from, from);
  }
  for (const p of persons) {
    if (p.diseaseCode !== null && r.chance(0.3)) {
      const from = ctx.asOf - r.int(10, 300);
      addAssistance(p, '6.3', 'example-socially-significant-disease', 'monthly', tenge(r, 60_000, 100_000), from, addMonths(from, r.int(6, 12)) - 1);
    }
    if (p.probation === 'released' && r.chance(0.25)) {
      const from = ctx.asOf - r.int(10, 300);
      addAssistance(p, '6.7', 'example-released-from-prison', 'one-time', tenge(r, 30_000, 60_000), from, from);
    }
  }

  return { id: householdId, ruralDistrictId: district.code, village, street, house, persons, incomes, benefits, property, assistance, synthetic: true };
}
