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

/** The civil day last asked for per time zone, with the instants it spans ([from, to) in epoch ns). */
const dayCache = new Map<string, { fromNs: bigint; toNs: bigint; day: Temporal.PlainDate }>();

/**
 * Today in the district's time zone (Asia/Almaty for Koksu), from the context's clock. The zone
 * conversion is costly, so the day found is kept with the instants from its start to the next day's start
 * (both from the time zone rules): an instant inside that span is on the same day, exactly.
 */
export function today(ctx: CaseCtx): Temporal.PlainDate {
  const now = ctx.clock.now();
  const zone = ctx.env.officeHours.timeZone;
  const known = dayCache.get(zone);
  if (known && now.epochNanoseconds >= known.fromNs && now.epochNanoseconds < known.toNs) return known.day;
  const zoned = now.toZonedDateTimeISO(zone);
  const start = zoned.startOfDay();
  const day = zoned.toPlainDate();
  dayCache.set(zone, { fromNs: start.epochNanoseconds, toNs: start.add({ days: 1 }).startOfDay().epochNanoseconds, day });
  return day;
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
