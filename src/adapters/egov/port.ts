/**
 * The e-government gateway: the clerk's request to state information systems on Model form 1-2 (p.11),
 * and the portal's requests for form 1-1. One request names IINs and the items wanted; the answer gives,
 * per IIN and item, `found` with the data, `not-found` (the IIN is unknown to the registers, or the person
 * was not yet born on `asOf`), or `error` (the source did not answer; ask again with a new request id).
 *
 * A known person always gets `found`, even when a register has nothing on them: "no disability" is
 * `{ group: null, childDisability: false }`, "no property" is an empty list. Data are as of `asOf`: deaths
 * after it are not shown, family members are those alive and born on it, pensions and allowances are those
 * in force on it, existing assistance is every record begun on or before it (assigned or applied for; the
 * rules judge which matters for p.20.4), incomes are the twelve full calendar months before its month.
 *
 * The vocabulary below (relations, income types, property kinds) is the gateway's own [assumed: the real
 * gateway's codes are not public]; an adapter to the real gateway maps its codes onto these.
 */
import type { Temporal } from 'temporal-polyfill';
import type { BenefitRecord } from '../ministry/port';

export const EGOV_ITEMS = [
  'identity',
  'address',
  'family',
  'incomes',
  'pensions',
  'disability',
  'disease',
  'probation',
  'property',
  'existing-assistance',
] as const;
export type EgovItem = (typeof EGOV_ITEMS)[number];

/** A family member's relation to the head of the household. */
export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * Kinds of monthly income the registers report (Social Code art. 127 aggregate income, p.16), with the
 * codes of the district income catalogue (`incomeCatalogue` in src/rules/districts/*.json).
 */
export const INCOME_TYPES = [
  'wages',
  'self-employment',
  'pension',
  'state-benefit',
  'alimony',
  'subsidiary-farm-livestock',
  'rental',
  'interest',
  'targeted-social-assistance',
  'housing-assistance',
] as const;
export type IncomeType = (typeof INCOME_TYPES)[number];

export const PROPERTY_KINDS = ['livestock', 'land', 'car', 'real-estate'] as const;
export type PropertyKind = (typeof PROPERTY_KINDS)[number];
/** `head` of livestock, square metres of land, `item` for cars and buildings. */
export const PROPERTY_UNITS = ['head', 'm2', 'item'] as const;
export type PropertyUnit = (typeof PROPERTY_UNITS)[number];

/** Registered with the probation service, or released from a place of deprivation of liberty (p.6.7). */
export const PROBATION_STATUSES = ['probation', 'released'] as const;
export type ProbationStatus = (typeof PROBATION_STATUSES)[number];

/** Assistance already assigned, or an application already filed (p.20.4). */
export const ASSISTANCE_STATUSES = ['assigned', 'applied'] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];

export const PERIODICITIES = ['one-time', 'monthly', 'quarterly', 'yearly'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

export type Sex = 'male' | 'female';

export interface IdentityData {
  readonly iin: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly patronymic: string | null;
  readonly birthDate: Temporal.PlainDate;
  readonly sex: Sex;
  readonly deathDate: Temporal.PlainDate | null;
  /** True for the synthetic registry of development and demos. */
  readonly synthetic: boolean;
}

export interface AddressData {
  readonly ruralDistrictId: string;
  readonly village: string;
  readonly street: string;
  readonly house: string;
  /** The address as one line, in Kazakh. */
  readonly text: string;
}

export interface FamilyMember {
  readonly iin: string;
  readonly fullName: string;
  readonly birthDate: Temporal.PlainDate;
  readonly sex: Sex;
  readonly relation: Relation;
}

/** The household the person lives in: members alive and born on `asOf`, the person included. */
export interface FamilyData {
  readonly householdId: string;
  readonly relation: Relation;
  readonly members: readonly FamilyMember[];
}

export interface MonthlyIncome {
  readonly month: Temporal.PlainYearMonth;
  readonly type: IncomeType;
  readonly amountTiyn: number;
}

export interface IncomesData {
  readonly from: Temporal.PlainYearMonth;
  readonly to: Temporal.PlainYearMonth;
  readonly months: readonly MonthlyIncome[];
}

export interface DisabilityData {
  readonly group: 1 | 2 | 3 | null;
  readonly childDisability: boolean;
}

/** A socially significant disease (p.6.3) as its ICD-10 code, or null. */
export interface DiseaseData {
  readonly code: string | null;
}

export interface ProbationData {
  readonly status: ProbationStatus | null;
  readonly since: Temporal.PlainDate | null;
}

export interface PropertyItem {
  readonly kind: PropertyKind;
  readonly subtype: string;
  readonly quantity: number;
  readonly unit: PropertyUnit;
}

export interface AssistanceRecord {
  /** The ground of p.6, e.g. `6.4`. */
  readonly ground: string;
  readonly category: string;
  readonly status: AssistanceStatus;
  readonly periodicity: Periodicity;
  readonly amountTiyn: number;
  readonly from: Temporal.PlainDate;
  readonly to: Temporal.PlainDate | null;
}

/** The data of each item, by item. */
export interface EgovItemData {
  readonly identity: IdentityData;
  readonly address: AddressData;
  readonly family: FamilyData;
  readonly incomes: IncomesData;
  readonly pensions: readonly BenefitRecord[];
  readonly disability: DisabilityData;
  readonly disease: DiseaseData;
  readonly probation: ProbationData;
  readonly property: readonly PropertyItem[];
  readonly 'existing-assistance': readonly AssistanceRecord[];
}

export const EGOV_ERROR_CODES = ['SOURCE_UNAVAILABLE', 'TIMEOUT', 'INVALID_IIN'] as const;
export type EgovErrorCode = (typeof EGOV_ERROR_CODES)[number];

export type EgovAnswer<I extends EgovItem = EgovItem> =
  | { readonly status: 'found'; readonly data: EgovItemData[I] }
  | { readonly status: 'not-found'; readonly data: null }
  | { readonly status: 'error'; readonly data: { readonly code: EgovErrorCode } };

export type EgovAnswers = { readonly [I in EgovItem]?: EgovAnswer<I> };

export interface Form12Request {
  /** The requester's id, echoed back; a new id is a new request (errors may then clear). */
  readonly requestId: string;
  readonly iins: readonly string[];
  readonly items: readonly EgovItem[];
  readonly asOf: Temporal.PlainDate;
}

export interface Form12Response {
  readonly requestId: string;
  readonly answeredAt: Temporal.Instant;
  /** By IIN (each requested IIN once), then by item (each requested item). */
  readonly answers: Readonly<Record<string, EgovAnswers>>;
}

/** The e-government gateway (form 1-2, p.11). */
export interface EgovGateway {
  request(form12: Form12Request): Promise<Form12Response>;
}
