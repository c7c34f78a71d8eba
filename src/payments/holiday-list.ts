/**
 * p.5, p.10, p.25: what a holiday run pays — the district's holiday list entries for a date, their
 * recipient categories, the one-time amount of each (computed by the rules core, src/rules/amounts.ts,
 * with the parameters in force on the holiday), and the form 7 categories the ministry's system knows
 * those categories by.
 *
 * FORM7_CATEGORIES maps the district list's category codes onto the ministry's form 7 categories
 * (src/adapters/ministry/port.ts). It is [assumed] vocabulary matching, not law: both lists are
 * examples until decision 15-63's list and the ministry's codes are confirmed. A category with no form 7
 * equivalent selects nobody and is reported as such.
 */
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../errors';
import { computeAmount } from '../rules/amounts';
import { selectRulesVersion, type DistrictConfig } from '../rules/district/config';
import type { Text } from '../rules/explain';

export const FORM7_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  'afghan-war-veterans': ['afghan-veteran'],
  'chernobyl-liquidators': ['chernobyl-liquidator'],
  'wwii-veterans': ['wwii-participant'],
  'persons-equated-to-wwii-veterans': [],
  'wwii-widows': ['wwii-widow'],
  'home-front-workers': ['home-front-worker'],
  'political-repression-victims': ['repression-victim'],
  'children-with-disabilities': ['child-disability'],
  // "Single pensioners": form 7 does not say who lives alone; every age pensioner is selected [assumed].
  'single-pensioners': ['age-pensioner'],
};

export interface HolidayCategory {
  readonly code: string;
  readonly form7: readonly string[];
  readonly amountTiyn: number;
  readonly clause: string;
  readonly explanation: Text;
}

export interface HolidaySelection {
  readonly date: Temporal.PlainDate;
  /** The list's month-day, e.g. '05-09'. */
  readonly code: string;
  readonly name: { kk: string; ru: string };
  readonly example: boolean;
  /** The rules version the list and the amounts come from (in force on the date). */
  readonly rulesVersion: string;
  readonly categories: readonly HolidayCategory[];
}

/** A selection as stored with its run (payment_run.selection, migration 0032). */
export interface StoredSelection extends Omit<HolidaySelection, 'date'> {
  readonly date: string;
}

export function storedSelection(sel: HolidaySelection): StoredSelection {
  return { ...sel, date: sel.date.toString() };
}

export function selectionOf(stored: StoredSelection | string): HolidaySelection {
  const s = typeof stored === 'string' ? (JSON.parse(stored) as StoredSelection) : stored;
  return { ...s, date: Temporal.PlainDate.from(s.date) };
}

/** The holidays of the district's list with their categories (for the wizard). */
export function listHolidays(config: DistrictConfig): { code: string; name_kk: string; name_ru: string; categories: string[]; example: boolean }[] {
  const byCode = new Map<string, { code: string; name_kk: string; name_ru: string; categories: string[]; example: boolean }>();
  for (const h of config.holidays) {
    const e = byCode.get(h.date) ?? { code: h.date, name_kk: h.name_kk, name_ru: h.name_ru, categories: [], example: h.example };
    e.categories.push(...h.categories);
    byCode.set(h.date, e);
  }
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

/**
 * Resolves a date and (optionally) categories against the district's holiday list. `config` is the
 * configuration of the rules version in force on `date` (loadDistrictConfig in ./calendar.ts).
 */
export function selectHoliday(config: DistrictConfig, date: Temporal.PlainDate, categories: readonly string[] = []): HolidaySelection {
  const code = `${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  const entries = config.holidays.filter((h) => h.date === code);
  if (entries.length === 0) throw new AppError('VALIDATION', [{ path: 'date', message: `${code} аудан тізімінде жоқ (5-т.) | ${code} нет в перечне района (п. 5) | ${code} is not in the district's holiday list (p.5)` }]);
  const offered = entries.flatMap((h) => h.categories);
  for (const c of categories) {
    if (!offered.includes(c)) throw new AppError('VALIDATION', [{ path: 'categories', message: `${c} санаты ${code} күніне жатпайды | категория ${c} не относится к дате ${code} | category ${c} is not paid on ${code}` }]);
  }
  const chosen = categories.length ? [...new Set(categories)].sort() : [...new Set(offered)].sort();
  const out: HolidayCategory[] = chosen.map((c) => {
    const entry = entries.find((h) => h.categories.includes(c))!;
    const amount = computeAmount(entry.amountRule, 'p.5', { asOf: date, config, ruleSource: { act: 'Koksu district maslikhat decision No. 15-63 (Rules of social assistance)', clause: 'p.5', note: entry.note } });
    const step = amount.trace[0]!;
    return { code: c, form7: FORM7_CATEGORIES[c] ?? [], amountTiyn: amount.amountTiyn, clause: 'p.5', explanation: step.text };
  });
  const first = entries[0]!;
  return { date, code, name: { kk: first.name_kk, ru: first.name_ru }, example: entries.some((e) => e.example), rulesVersion: selectRulesVersion(config, date).id, categories: out };
}
