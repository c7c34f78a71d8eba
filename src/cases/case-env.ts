/**
 * What every case use case needs besides the database: the district's Rules (configuration), the
 * working-day calendar, office hours (p.12) and the counting convention — built once per district — and
 * the explicit context (actor, clock) of src/context.ts.
 */
import { Temporal } from 'temporal-polyfill';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { buildCalendar, type Calendar, type OfficeHours } from '../rules/calendar';
import { parseDistrictConfig, type DistrictConfig } from '../rules/district/config';
import type { CountingConvention } from '../rules/deadlines';
import koksu from '../rules/districts/koksu.json';
import sample from '../rules/districts/sample-fictional.json';

export interface CaseEnv {
  readonly config: DistrictConfig;
  readonly cal: Calendar;
  readonly officeHours: OfficeHours;
  readonly convention: CountingConvention;
  /** Prefix of registration numbers, e.g. "KOK" (first three letters of the district code). */
  readonly numberPrefix: string;
}

const DISTRICT_FILES: Readonly<Record<string, unknown>> = { koksu, 'sample-fictional': sample };
const cache = new Map<string, CaseEnv>();

/** The case environment of a district (cached; the configuration is validated on first use). */
export function caseEnv(district = 'koksu'): CaseEnv {
  const known = cache.get(district);
  if (known) return known;
  const raw = DISTRICT_FILES[district];
  if (!raw) throw new Error(`unknown district configuration "${district}"`);
  const config = parseDistrictConfig(raw, `${district}.json`);
  const env: CaseEnv = {
    config,
    cal: buildCalendar(),
    officeHours: { timeZone: config.officeHours.timeZone, start: config.officeHours.opens, end: config.officeHours.closes },
    convention: config.countingConvention,
    numberPrefix: config.code.slice(0, 3).toUpperCase(),
  };
  cache.set(district, env);
  return env;
}

/** The context of a case use case: the platform context plus the district's rules environment. */
export interface CaseCtx extends Ctx {
  readonly env: CaseEnv;
}

/** Today in the district's time zone (Asia/Almaty for Koksu), from the context's clock. */
export function today(ctx: CaseCtx): Temporal.PlainDate {
  return ctx.clock.now().toZonedDateTimeISO(ctx.env.officeHours.timeZone).toPlainDate();
}

/** Parses a civil date given by a user, or fails with VALIDATION naming the field. */
export function civilDate(value: string, path: string): Temporal.PlainDate {
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError('format');
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    throw new AppError('VALIDATION', [{ path, message: 'Күн дұрыс емес (ЖЖЖЖ-АА-КК). | Неверная дата (ГГГГ-ММ-ДД). | Not a valid date (YYYY-MM-DD).' }]);
  }
}
