/**
 * Kazakh identifiers the Rules rely on: the IIN of applicants and family members (form 1, p.11), the BIN
 * of organisations, and the 20-character IBAN of the recipient's account (p.29, p.32).
 *
 * Sources: the IIN/BIN structure and check digit follow the Law «On national registers of identification
 * numbers» and its implementing rules (see law/calendar.md § Identifiers); the IBAN check is ISO 13616
 * (mod-97, ISO 7064). Length and checksum are always enforced; a birth date that is not a real calendar
 * day never makes an IIN invalid on its own (old records, foreigners) — it is reported as `null`.
 */
import { Temporal } from 'temporal-polyfill';
import { isIsoDay } from './calendar';

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/**
 * The check digit of the first 11 digits of an IIN or BIN, or `null` when both passes give 10 (no valid
 * number exists with these 11 digits).
 */
export function computeIinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError(`computeIinCheckDigit needs 11 digits, got "${first11}"`);
  const weighted = (weights: readonly number[]): number => {
    let sum = 0;
    for (let i = 0; i < 11; i++) sum += (first11.charCodeAt(i) - 48) * (weights[i] ?? 0);
    return sum % 11;
  };
  const first = weighted(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

export const IIN_INVALID_REASONS = ['length', 'non-digit', 'checksum', 'century-digit'] as const;
export type IinInvalidReason = (typeof IIN_INVALID_REASONS)[number];

export type Sex = 'male' | 'female';

export type IinCheck =
  | {
      readonly valid: true;
      readonly iin: string;
      /** Birth date from digits 1–6 and the century digit, or `null` when that is not a real day. */
      readonly birthDate: Temporal.PlainDate | null;
      readonly sex: Sex;
      /** First year of the birth century: 1800, 1900 or 2000. */
      readonly century: 1800 | 1900 | 2000;
      readonly reason: null;
    }
  | {
      readonly valid: false;
      readonly iin: string;
      readonly birthDate: null;
      readonly sex: null;
      readonly century: null;
      readonly reason: IinInvalidReason;
    };

const CENTURY_BY_DIGIT: Readonly<Record<string, { century: 1800 | 1900 | 2000; sex: Sex }>> = {
  '1': { century: 1800, sex: 'male' },
  '2': { century: 1800, sex: 'female' },
  '3': { century: 1900, sex: 'male' },
  '4': { century: 1900, sex: 'female' },
  '5': { century: 2000, sex: 'male' },
  '6': { century: 2000, sex: 'female' },
};

function civilDateOrNull(year: number, month: number, day: number): Temporal.PlainDate | null {
  const known = isIsoDay(year, month, day);
  if (known !== undefined) return known ? new Temporal.PlainDate(year, month, day) : null;
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
  } catch {
    return null;
  }
}

function invalidIin(iin: string, reason: IinInvalidReason): IinCheck {
  return { valid: false, iin, birthDate: null, sex: null, century: null, reason };
}

/**
 * Checks an individual identification number (ЖСН / ИИН): 12 digits, digit 7 = century and sex
 * (1/2 1800s, 3/4 1900s, 5/6 2000s; odd male, even female), digit 12 = check digit. Reasons are checked
 * in this order: non-digit, length, checksum, century-digit. The input is not trimmed.
 */
export function checkIin(iin: string): IinCheck {
  if (/\D/.test(iin)) return invalidIin(iin, 'non-digit');
  if (iin.length !== 12) return invalidIin(iin, 'length');
  if (computeIinCheckDigit(iin.slice(0, 11)) !== Number(iin[11])) return invalidIin(iin, 'checksum');
  const centuryAndSex = CENTURY_BY_DIGIT[iin[6] ?? ''];
  if (!centuryAndSex) return invalidIin(iin, 'century-digit');
  const year = centuryAndSex.century + Number(iin.slice(0, 2));
  const birthDate = civilDateOrNull(year, Number(iin.slice(2, 4)), Number(iin.slice(4, 6)));
  return { valid: true, iin, birthDate, sex: centuryAndSex.sex, century: centuryAndSex.century, reason: null };
}

/** True when `iin` passes {@link checkIin}. */
export function isValidIin(iin: string): boolean {
  return checkIin(iin).valid;
}

/**
 * Builds a valid IIN for a birth date, sex and 4-digit serial (0–9999), computing the check digit.
 * Returns `null` when this serial has no valid check digit (both passes give 10): the caller takes the
 * next serial. Used by the synthetic population generator and test factories. Years 1800–2099 only.
 */
export function makeValidIin(birthDate: Temporal.PlainDate, sex: Sex, serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) throw new RangeError(`IIN serial must be an integer 0..9999, got ${serial}`);
  if (birthDate.year < 1800 || birthDate.year > 2099) throw new RangeError(`IIN birth year must be 1800..2099, got ${birthDate.year}`);
  const centuryIndex = Math.floor((birthDate.year - 1800) / 100); // 0, 1, 2
  const centuryDigit = centuryIndex * 2 + (sex === 'male' ? 1 : 2);
  const first11 =
    String(birthDate.year % 100).padStart(2, '0') +
    String(birthDate.month).padStart(2, '0') +
    String(birthDate.day).padStart(2, '0') +
    String(centuryDigit) +
    String(serial).padStart(4, '0');
  const check = computeIinCheckDigit(first11);
  return check === null ? null : first11 + String(check);
}

// ---------------------------------------------------------------------------------------------- BIN

export const BIN_INVALID_REASONS = ['length', 'non-digit', 'checksum', 'type-digit', 'attribute-digit'] as const;
export type BinInvalidReason = (typeof BIN_INVALID_REASONS)[number];

/** Digit 5 of a BIN. */
export const BIN_TYPES = { '4': 'resident-legal-entity', '5': 'non-resident-legal-entity', '6': 'individual-entrepreneur-joint' } as const;
export type BinType = (typeof BIN_TYPES)[keyof typeof BIN_TYPES];
/** Digit 6 of a BIN. */
export const BIN_ATTRIBUTES = { '0': 'head-office', '1': 'branch', '2': 'representative-office', '3': 'peasant-farm' } as const;
export type BinAttribute = (typeof BIN_ATTRIBUTES)[keyof typeof BIN_ATTRIBUTES];

export type BinCheck =
  | {
      readonly valid: true;
      readonly bin: string;
      /** Registration year and month from digits 1–4 (YYMM), or `null` when the month is not 01–12. */
      readonly registered: Temporal.PlainYearMonth | null;
      readonly type: BinType;
      readonly attribute: BinAttribute;
      readonly reason: null;
    }
  | { readonly valid: false; readonly bin: string; readonly registered: null; readonly type: null; readonly attribute: null; readonly reason: BinInvalidReason };

function invalidBin(bin: string, reason: BinInvalidReason): BinCheck {
  return { valid: false, bin, registered: null, type: null, attribute: null, reason };
}

/**
 * Checks a business identification number (БСН / БИН): 12 digits, 1–4 registration YYMM, 5 type, 6
 * attribute, 7–11 serial, 12 the same check digit as the IIN. BINs exist only since 2007, so YY is read as
 * 2000 + YY. An individual entrepreneur acting personally is identified by the IIN: check it with checkIin.
 */
export function checkBin(bin: string): BinCheck {
  if (/\D/.test(bin)) return invalidBin(bin, 'non-digit');
  if (bin.length !== 12) return invalidBin(bin, 'length');
  if (computeIinCheckDigit(bin.slice(0, 11)) !== Number(bin[11])) return invalidBin(bin, 'checksum');
  const type = BIN_TYPES[bin[4] as keyof typeof BIN_TYPES] as BinType | undefined;
  if (!type) return invalidBin(bin, 'type-digit');
  const attribute = BIN_ATTRIBUTES[bin[5] as keyof typeof BIN_ATTRIBUTES] as BinAttribute | undefined;
  if (!attribute) return invalidBin(bin, 'attribute-digit');
  const month = Number(bin.slice(2, 4));
  const registered = month >= 1 && month <= 12 ? Temporal.PlainYearMonth.from({ year: 2000 + Number(bin.slice(0, 2)), month }) : null;
  return { valid: true, bin, registered, type, attribute, reason: null };
}

// --------------------------------------------------------------------------------------------- IBAN

export const IBAN_INVALID_REASONS = ['length', 'country', 'characters', 'checksum'] as const;
export type IbanInvalidReason = (typeof IBAN_INVALID_REASONS)[number];

export type IbanCheck =
  | { readonly valid: true; readonly iban: string; readonly bankCode: string; readonly account: string; readonly reason: null }
  | { readonly valid: false; readonly iban: string; readonly bankCode: null; readonly account: null; readonly reason: IbanInvalidReason };

/** Removes spaces and upper-cases, as IBANs are often printed in groups of four. */
export function normalizeIban(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** ISO 7064 mod 97-10 of an IBAN string already rearranged (country + check moved to the end). */
function mod97(rearranged: string): number {
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48; // A=10 … Z=35
    rem = value >= 10 ? (rem * 100 + value) % 97 : (rem * 10 + value) % 97;
  }
  return rem;
}

function invalidIban(iban: string, reason: IbanInvalidReason): IbanCheck {
  return { valid: false, iban, bankCode: null, account: null, reason };
}

/**
 * Checks a Kazakh IBAN (p.29 accounts): after {@link normalizeIban}, 20 characters, `KZ`, 2 check digits,
 * a 3-character bank code and a 13-character account, valid under ISO 13616 mod-97. Reasons in order:
 * characters (anything but A–Z/0–9, or non-digit check digits), length, country, checksum.
 */
export function checkIban(raw: string): IbanCheck {
  const iban = normalizeIban(raw);
  if (!/^[A-Z0-9]*$/.test(iban)) return invalidIban(iban, 'characters');
  if (iban.length !== 20) return invalidIban(iban, 'length');
  if (!iban.startsWith('KZ')) return invalidIban(iban, 'country');
  if (!/^\d{2}$/.test(iban.slice(2, 4))) return invalidIban(iban, 'characters');
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) return invalidIban(iban, 'checksum');
  return { valid: true, iban, bankCode: iban.slice(4, 7), account: iban.slice(7), reason: null };
}

/**
 * Builds a valid Kazakh IBAN from a 3-character bank code and a 13-character account by computing the
 * two check digits (ISO 13616). For test factories and the synthetic population.
 */
export function makeValidIban(bankCode: string, account: string): string {
  const bban = (bankCode + account).toUpperCase();
  if (!/^[A-Z0-9]{3}$/.test(bankCode.toUpperCase()) || !/^[A-Z0-9]{13}$/.test(account.toUpperCase())) {
    throw new RangeError(`Kazakh IBAN needs a 3-character bank code and a 13-character account, got "${bankCode}", "${account}"`);
  }
  const check = 98 - mod97(bban + 'KZ00');
  return `KZ${String(check).padStart(2, '0')}${bban}`;
}
