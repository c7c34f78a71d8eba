/**
 * Form 1 (paper) and the data part of form 1-1 (portal): the application's fields, their validation
 * (IIN and IBAN checksums, dates, the representative's power of attorney under Civil Code art. 167), and
 * p.11's list of documents the applicant must present — only those the information systems did not supply.
 */
import { Temporal } from 'temporal-polyfill';
import { isIsoDateString } from '../rules/calendar';
import { z } from 'zod';
import { AppError, type FieldProblem } from '../errors';
import type { EgovAnswers } from '../adapters/egov/port';
import { checkIban, checkIin, normalizeIban } from '../rules/identifiers';
import { findCategory, selectRulesVersion, type RulesVersion } from '../rules/district/config';
import type { Category } from '../rules/district/schema';
import { RulesError } from '../rules/rules-error';
import type { CaseEnv } from './case-env';

const msg = (kk: string, ru: string, en: string) => `${kk} | ${ru} | ${en}`;

/** A civil date YYYY-MM-DD that exists in the calendar (2025-02-30 is refused). */
export const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg('Күн ЖЖЖЖ-АА-КК пішімінде болуы керек.', 'Дата должна быть в формате ГГГГ-ММ-ДД.', 'A date must be YYYY-MM-DD.'))
  .refine((s) => {
    const known = isIsoDateString(s);
    if (known !== undefined) return known;
    try {
      Temporal.PlainDate.from(s, { overflow: 'reject' });
      return true;
    } catch {
      return false;
    }
  }, msg('Мұндай күн жоқ.', 'Такой даты не существует.', 'No such calendar date.'));

const Iin = z.string().trim().min(1).max(20);

export const PersonInput = z.strictObject({
  iin: Iin,
  lastName: z.string().trim().min(1).max(100),
  firstName: z.string().trim().min(1).max(100),
  patronymic: z.string().trim().max(100).nullable().optional(),
  birthDate: DateString.nullable().optional(),
});
export type PersonInput = z.infer<typeof PersonInput>;

export const IncomeInput = z.strictObject({
  type: z.string().min(1).max(64),
  amountTiyn: z.number().int().nonnegative().max(1e13),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
});

export const FamilyMemberInput = z.strictObject({
  iin: Iin,
  fullName: z.string().trim().min(1).max(300),
  birthDate: DateString.nullable().optional(),
  relation: z.enum(['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other']),
  occupation: z.string().max(200).nullable().optional(),
  incomes: z.array(IncomeInput).max(200).default([]),
});

export const DocumentInput = z.strictObject({
  /** A document code of the category's list (identity, income, disease-certificate, …). */
  code: z.string().min(1).max(64),
  title: z.string().max(300).optional(),
  number: z.string().max(100).optional(),
  issuedOn: DateString.optional(),
  expiresOn: DateString.optional(),
  /** p.11: the original was shown and compared with the copy. */
  originalSeen: z.boolean().default(false),
});
export type DocumentInput = z.infer<typeof DocumentInput>;

export const Form1Input = z.strictObject({
  applicant: PersonInput,
  /** A representative acting under a power of attorney (Civil Code art. 167). */
  representative: z
    .strictObject({
      person: PersonInput,
      powerOfAttorney: z.strictObject({ number: z.string().trim().min(1).max(100), date: DateString, validUntil: DateString }),
    })
    .optional(),
  categoryCode: z.string().regex(/^7\.\d{1,2}$/),
  ruralDistrictId: z.string().min(1).max(64),
  address: z.string().trim().min(3).max(500),
  mobile: z.string().regex(/^\+7\d{10}$/, msg('Ұялы нөмір +7XXXXXXXXXX пішімінде.', 'Мобильный номер в формате +7XXXXXXXXXX.', 'Mobile number as +7XXXXXXXXXX.')).optional(),
  /**
   * The language the applicant wants the notices in — the hearing notice (p.18), forms 5 and 6 (p.19) by
   * SMS, personal cabinet or print: Kazakh (the state language; when not given) or Russian.
   */
  language: z.enum(['kk', 'ru'], { message: msg('Тіл: kk немесе ru.', 'Язык: kk или ru.', 'Language: kk or ru.') }).optional(),
  iban: z.string().max(40).optional(),
  /** The other members of the household (the applicant is added as its first member). */
  family: z.array(FamilyMemberInput).max(30).optional(),
  /** The applicant's own incomes of the income quarter, where declared on the form. */
  incomes: z.array(IncomeInput).max(200).optional(),
  documents: z.array(DocumentInput).max(50).default([]),
  /** Day of the disaster, fire or release, for categories with an application time limit. */
  eventDate: DateString.optional(),
  /** Documented actual cost (actual-cost categories; for 7.11 the sanatorium cost), in tiyn. */
  actualCostTiyn: z.number().int().nonnegative().max(1e13).optional(),
});
export type Form1Input = z.infer<typeof Form1Input>;

export interface RequiredDocument {
  readonly code: string;
  readonly name_kk: string;
  readonly name_ru: string;
}

/** The category in force on `day`, or UNKNOWN_CATEGORY (field categoryCode). */
export function categoryOn(env: CaseEnv, code: string, day: Temporal.PlainDate): { version: RulesVersion; category: Category } {
  try {
    const version = selectRulesVersion(env.config, day);
    return { version, category: findCategory(version, code) };
  } catch (e) {
    if (e instanceof RulesError) throw new AppError('UNKNOWN_CATEGORY', [{ path: 'categoryCode', message: msg('Санат табылмады.', 'Категория не найдена.', 'Category not found.') }], { code, day: day.toString() });
    throw e;
  }
}

/**
 * Checks identifiers and the power of attorney: INVALID_IIN / INVALID_IBAN / POWER_OF_ATTORNEY_INVALID
 * with the fields named, VALIDATION for dates out of order. Returns the normalised IBAN.
 */
export function validateForm1(f: Form1Input, intakeDay: Temporal.PlainDate): { iban: string | null } {
  const iinProblems: FieldProblem[] = [];
  const iinWrong = msg('ЖСН дұрыс емес (12 сан, бақылау саны).', 'Неверный ИИН (12 цифр, контрольная цифра).', 'Invalid IIN (12 digits, check digit).');
  if (!checkIin(f.applicant.iin).valid) iinProblems.push({ path: 'applicant.iin', message: iinWrong });
  if (f.representative && !checkIin(f.representative.person.iin).valid) iinProblems.push({ path: 'representative.person.iin', message: iinWrong });
  (f.family ?? []).forEach((m, i) => {
    if (!checkIin(m.iin).valid) iinProblems.push({ path: `family[${i}].iin`, message: iinWrong });
  });
  if (iinProblems.length) throw new AppError('INVALID_IIN', iinProblems);
  let iban: string | null = null;
  if (f.iban !== undefined) {
    const c = checkIban(f.iban);
    if (!c.valid) throw new AppError('INVALID_IBAN', [{ path: 'iban', message: msg('IBAN дұрыс емес.', 'Неверный IBAN.', 'Invalid IBAN.') }]);
    iban = normalizeIban(f.iban);
  }
  const dates: FieldProblem[] = [];
  f.documents.forEach((d, i) => {
    if (d.issuedOn && Temporal.PlainDate.compare(Temporal.PlainDate.from(d.issuedOn), intakeDay) > 0) dates.push({ path: `documents[${i}].issuedOn`, message: msg('Берілген күні болашақта.', 'Дата выдачи в будущем.', 'The issue date is in the future.') });
    if (d.issuedOn && d.expiresOn && d.expiresOn < d.issuedOn) dates.push({ path: `documents[${i}].expiresOn`, message: msg('Мерзімі берілген күнінен бұрын.', 'Срок действия раньше даты выдачи.', 'Expires before it was issued.') });
  });
  if (f.applicant.birthDate && Temporal.PlainDate.compare(Temporal.PlainDate.from(f.applicant.birthDate), intakeDay) > 0) dates.push({ path: 'applicant.birthDate', message: msg('Туған күні болашақта.', 'Дата рождения в будущем.', 'The birth date is in the future.') });
  if (f.eventDate && Temporal.PlainDate.compare(Temporal.PlainDate.from(f.eventDate), intakeDay) > 0) dates.push({ path: 'eventDate', message: msg('Оқиға күні болашақта.', 'Дата события в будущем.', 'The event date is in the future.') });
  if (dates.length) throw new AppError('DATE_OUT_OF_ORDER', dates);
  if (f.representative) {
    const p = f.representative.powerOfAttorney;
    const day = intakeDay.toString();
    const shown = (iso: string) => iso.split('-').reverse().join('.');
    if (p.validUntil < day) {
      throw new AppError('POWER_OF_ATTORNEY_INVALID', [{ path: 'representative.powerOfAttorney', message: msg(`Сенімхаттың мерзімі ${shown(p.validUntil)} өтіп кеткен: өкіл өтініш бере алмайды.`, `Срок доверенности истёк ${shown(p.validUntil)}: представитель не может подать заявление.`, `The power of attorney expired on ${shown(p.validUntil)}: the representative cannot apply.`) }], { validUntil: p.validUntil, intakeDay: day });
    }
    if (p.date > day || p.validUntil < p.date) {
      throw new AppError('POWER_OF_ATTORNEY_INVALID', [{ path: 'representative.powerOfAttorney', message: msg('Сенімхат қабылдау күні әлі күшіне енбеген.', 'Доверенность ещё не действует на день приёма.', 'The power of attorney is not yet in force on the day of intake.') }], { date: p.date, intakeDay: day });
    }
  }
  return { iban };
}

/** p.11: documents the category needs — its own list plus ID, income information (unless no income test). */
export function requiredDocuments(category: Category): RequiredDocument[] {
  const out = new Map<string, RequiredDocument>();
  out.set('identity', { code: 'identity', name_kk: 'Жеке басын куәландыратын құжат', name_ru: 'Документ, удостоверяющий личность' });
  if (category.incomeTest.required) out.set('income', { code: 'income', name_kk: 'Табыс туралы мәліметтер', name_ru: 'Сведения о доходах' });
  for (const d of category.requiredDocuments) out.set(d.code, { code: d.code, name_kk: d.name_kk, name_ru: d.name_ru });
  return [...out.values()];
}

/**
 * Whether the information systems' answers supply the content of a document (p.11: then it is not asked
 * for). Identity data that contradict the form (another last or first name, another birth date) do not
 * count as supplied: the applicant then presents the ID document.
 */
export function suppliedByGateway(code: string, a: EgovAnswers | undefined, applicant?: PersonInput): boolean {
  if (!a) return false;
  switch (code) {
    case 'identity': {
      if (a.identity?.status !== 'found') return false;
      if (!applicant) return true;
      const id = a.identity.data;
      const same = (x: string, y: string) => x.trim().toLocaleLowerCase('kk') === y.trim().toLocaleLowerCase('kk');
      return same(id.lastName, applicant.lastName) && same(id.firstName, applicant.firstName) && (!applicant.birthDate || String(id.birthDate) === applicant.birthDate);
    }
    case 'income':
      return a.incomes?.status === 'found';
    case 'disease-certificate':
      return a.disease?.status === 'found' && a.disease.data.code !== null;
    case 'disability-certificate':
      return a.disability?.status === 'found' && (a.disability.data.group !== null || a.disability.data.childDisability);
    case 'release-certificate':
      return a.probation?.status === 'found' && a.probation.data.status !== null;
    default:
      return false;
  }
}

export interface DocumentCheck {
  readonly missing: RequiredDocument[];
  readonly expired: (RequiredDocument & { expiresOn: string })[];
}

/**
 * p.11: which required documents are missing or expired at intake (the systems' data lacking or contradicting the form). A document counts as presented when
 * its code is given; it is expired when it expires before the intake day. Documents the gateway supplied
 * are not asked for, presented or not.
 */
export function checkDocuments(required: readonly RequiredDocument[], presented: readonly DocumentInput[], answers: EgovAnswers | undefined, intakeDay: Temporal.PlainDate, applicant?: PersonInput): DocumentCheck {
  const missing: RequiredDocument[] = [];
  const expired: (RequiredDocument & { expiresOn: string })[] = [];
  const day = intakeDay.toString();
  for (const r of required) {
    if (suppliedByGateway(r.code, answers, applicant)) continue;
    const docs = presented.filter((p) => p.code === r.code);
    if (docs.length === 0) {
      missing.push(r);
      continue;
    }
    const valid = docs.find((p) => !p.expiresOn || p.expiresOn >= day);
    if (!valid) expired.push({ ...r, expiresOn: docs.map((p) => p.expiresOn!).sort().at(-1)! });
  }
  return { missing, expired };
}
