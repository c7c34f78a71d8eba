/**
 * Holiday and memorable-day assistance (p.5, p.10): on each date of the district's holiday list, the
 * listed recipient categories receive a one-time amount, without an application (lists are formed from
 * the ministry's information systems, p.25). Amounts use the parameters in force on `asOf`.
 */
import type { Temporal } from 'temporal-polyfill';
import type { TraceStep } from './explain';
import { computeAmount } from './amounts';
import { say } from './explain-texts';
import type { RulesVersion } from './district/config';
import type { Holiday } from './district/schema';
import type { Tiyn } from './money';

export interface HolidayAssistance {
  readonly holiday: Holiday;
  /** Recipient categories (codes of the district's list). */
  readonly categories: readonly string[];
  readonly amountTiyn: Tiyn;
  readonly example: boolean;
  readonly trace: readonly TraceStep[];
}

/** The holiday assistance due on `date` under a rules version (p.5), with amounts at `asOf` (default: the date). */
export function holidayAssistanceOn(version: RulesVersion, date: Temporal.PlainDate, asOf: Temporal.PlainDate = date): HolidayAssistance[] {
  const md = `${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  return version.holidays
    .filter((h) => h.date === md)
    .map((h) => {
      const source = { act: version.act, clause: 'p.5', ...(h.example ? { note: h.note ?? 'example — to be confirmed against decision 15-63' } : {}) };
      const amount = computeAmount(h.amountRule, 'p.5', { asOf, config: version.config, ruleSource: source });
      const intro: TraceStep = {
        clause: 'p.10',
        // The list has kk and ru names only; the English text shows the Russian name.
        text: say('holidayNoApplication', { name: { kk: h.name_kk, ru: h.name_ru, en: h.name_ru }, date: md }),
        values: { date: md, categories: h.categories.join(','), example: h.example },
        sources: [{ act: version.act, clause: 'p.10' }, source],
      };
      return { holiday: h, categories: h.categories, amountTiyn: amount.amountTiyn, example: h.example, trace: [intro, ...amount.trace] };
    });
}
