/**
 * The working-day calendar of Kazakhstan, on which every "N working days" of the Rules is counted
 * (p.12, p.13, p.16–p.19, p.22, p.28–p.31). Built once from data (kz-calendar.json, each entry with its
 * act) plus runtime overrides stored by the administrator, into a day table indexed by epoch day, so that
 * every lookup below is O(1). Nothing here reads the clock: callers pass the dates they judge.
 *
 * Legal basis: Labour Code art. 84 (five-day week; 7 January and Kurban Ait day 1 are days off without
 * carry-over), art. 85 p. 3 (transfers by decree/order); Law «On holidays» No. 267-II art. 5 (a holiday on a
 * Saturday or Sunday makes the next working day a day off). Notes: law/calendar.md.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import rawCalendarData from './kz-calendar.json';

/** Why a day is not a working day. `weekend` = Saturday/Sunday with nothing else on it. */
export const DAY_OFF_KINDS = ['weekend', 'holiday', 'carried-over', 'transferred', 'religious'] as const;
export type DayOffKind = (typeof DAY_OFF_KINDS)[number];

export interface DayOff {
  readonly date: Temporal.PlainDate;
  readonly kind: DayOffKind;
  readonly name_kk: string;
  readonly name_ru: string;
  readonly source: string;
}

/** A calendar change stored by the administrator (e.g. a new transfer order, the official Kurban Ait date). */
export const OVERRIDE_KINDS = ['day-off', 'working-day', 'kurban-ait', 'holiday'] as const;
export type CalendarOverrideKind = (typeof OVERRIDE_KINDS)[number];

export interface CalendarOverride {
  readonly date: string;
  readonly kind: CalendarOverrideKind;
  readonly name_kk: string;
  readonly name_ru: string;
  readonly source: string;
}

/** Thrown for a date outside the supported years, or a count that would leave them. Never guessed. */
export class CalendarRangeError extends RangeError {
  override readonly name = 'CalendarRangeError';
  readonly code = 'CALENDAR_OUT_OF_RANGE' as const;
}

/** Thrown when the calendar data file or an override is malformed; `issues` lists every problem. */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
  readonly code = 'INVALID_CALENDAR_DATA' as const;
  constructor(readonly issues: readonly string[]) {
    super(`Invalid calendar data:\n  ${issues.join('\n  ')}`);
  }
}

/** A built calendar. Treat as opaque: use the functions of this module. */
export interface Calendar {
  readonly from: Temporal.PlainDate;
  readonly to: Temporal.PlainDate;
  /** Epoch day of `from`. */
  readonly base: number;
  /** Per day: 0 working, else DayOffKind index + 1. */
  readonly kinds: Uint8Array;
  /** Per day: index into `offs` for non-working days, -1 for working days. */
  readonly offIndex: Int32Array;
  readonly offs: readonly DayOff[];
  /** cum[i] = number of working days among days 0..i. */
  readonly cum: Int32Array;
  /** Day indices of the working days, ascending. */
  readonly working: Int32Array;
  /** Every date of the range, shared immutable instances. */
  readonly dates: readonly Temporal.PlainDate[];
  readonly kurbanAit: ReadonlyMap<number, { readonly date: Temporal.PlainDate; readonly estimated: boolean; readonly source: string }>;
}

// ------------------------------------------------------------------------------------ data schema

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((s) => parseIsoDate(s) !== null, 'is not a real calendar date');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

const calendarDataSchema = z.object({
  supported: z.object({ from: isoDate, to: isoDate }),
  weekend: z.object({ isoDays: z.array(z.number().int().min(1).max(7)), name_kk: nonEmpty, name_ru: nonEmpty, source: nonEmpty }),
  carryOver: z.object({ name_kk: nonEmpty, name_ru: nonEmpty, source: nonEmpty }),
  fixedHolidays: z.array(
    z.object({
      id: nonEmpty,
      month: z.number().int().min(1).max(12),
      day: z.number().int().min(1).max(31),
      religious: z.boolean(),
      name_kk: nonEmpty,
      name_ru: nonEmpty,
      validFrom: isoDate.nullable(),
      validTo: isoDate.nullable(),
      source: nonEmpty,
    }),
  ),
  kurbanAit: z.object({
    name_kk: nonEmpty,
    name_ru: nonEmpty,
    dates: z.array(z.object({ year: z.number().int(), date: isoDate, estimated: z.boolean(), source: nonEmpty })),
  }),
  transfers: z.array(z.object({ date: isoDate, kind: z.enum(['day-off', 'working-day']), name_kk: nonEmpty, name_ru: nonEmpty, source: nonEmpty })),
});
export type CalendarData = z.infer<typeof calendarDataSchema>;

const overrideSchema = z.object({
  date: isoDate,
  kind: z.enum(OVERRIDE_KINDS),
  name_kk: nonEmpty,
  name_ru: nonEmpty,
  source: nonEmpty,
});

function zodIssues(prefix: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.')}: ${i.message}`);
}

/** Validates runtime overrides, returning every problem found (empty when valid). */
export function validateCalendarOverrides(overrides: readonly unknown[], supported?: { from: string; to: string }): string[] {
  const issues: string[] = [];
  const seen = new Map<string, number>();
  const kurbanYears = new Map<number, number>();
  overrides.forEach((o, i) => {
    const parsed = overrideSchema.safeParse(o);
    if (!parsed.success) {
      issues.push(...zodIssues(`overrides[${i}]`, parsed.error));
      return;
    }
    const { date, kind } = parsed.data;
    if (supported && (date < supported.from || date > supported.to)) {
      issues.push(`overrides[${i}].date: ${date} is outside the supported calendar ${supported.from}..${supported.to}`);
    }
    const prev = seen.get(date);
    if (prev !== undefined) issues.push(`overrides[${i}].date: ${date} is already overridden by overrides[${prev}]`);
    else seen.set(date, i);
    if (kind === 'kurban-ait') {
      const year = Number(date.slice(0, 4));
      const prevYear = kurbanYears.get(year);
      if (prevYear !== undefined) issues.push(`overrides[${i}]: a second Kurban Ait date for ${year} (first in overrides[${prevYear}])`);
      else kurbanYears.set(year, i);
    }
  });
  return issues;
}

// ------------------------------------------------------------------------------- date arithmetic

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const epochDayCache = new WeakMap<Temporal.PlainDate, number>();

/**
 * Epoch day of a PlainDate, memoised per instance: the polyfill's field getters are slow, and the same
 * instances (the calendar's own dates, a case's registration date) are looked up again and again.
 */
export function epochDayOfDate(date: Temporal.PlainDate): number {
  let e = epochDayCache.get(date);
  if (e === undefined) {
    e = epochDayOf(date.year, date.month, date.day);
    epochDayCache.set(date, e);
  }
  return e;
}

const isoCache = new WeakMap<Temporal.PlainDate, string>();

/** `YYYY-MM-DD` of a PlainDate, memoised per instance (explanations format the same dates repeatedly). */
export function formatCivilDate(date: Temporal.PlainDate): string {
  let s = isoCache.get(date);
  if (s === undefined) {
    s = date.toString();
    isoCache.set(date, s);
  }
  return s;
}

/**
 * Whether year-month-day is a real day of the ISO (proleptic Gregorian) calendar — exactly what
 * `Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' })` accepts — decided without the
 * polyfill (its parsing and checks cost microseconds, and forms carry many dates). undefined for
 * non-integers and years outside 0–9999: ask Temporal.
 */
export function isIsoDay(year: number, month: number, day: number): boolean | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 0 || year > 9999) return undefined;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

/**
 * Whether a strict `YYYY-MM-DD` string names a real day: what `Temporal.PlainDate.from(s, { overflow:
 * 'reject' })` accepts among such strings. undefined for any other string (Temporal reads more formats).
 */
export function isIsoDateString(s: string): boolean | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? isIsoDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** ISO day of week (1 = Monday … 7 = Sunday) of an epoch day. */
function isoDayOfWeek(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

function parseIsoDate(s: string): Temporal.PlainDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  try {
    return Temporal.PlainDate.from({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { overflow: 'reject' });
  } catch {
    return null;
  }
}

/**
 * Parses a strict `YYYY-MM-DD` civil date, throwing a RangeError with a clear message otherwise. For CLI
 * and HTTP inputs.
 */
export function parseCivilDate(s: string): Temporal.PlainDate {
  const d = parseIsoDate(s);
  if (!d) throw new RangeError(`"${s}" is not a valid date (expected YYYY-MM-DD, a real calendar day)`);
  return d;
}

// ------------------------------------------------------------------------------------------ build

const KIND_CODE: Readonly<Record<DayOffKind, number>> = { weekend: 1, holiday: 2, 'carried-over': 3, transferred: 4, religious: 5 };

const defaultData: CalendarData = (() => {
  const parsed = calendarDataSchema.safeParse(rawCalendarData);
  if (!parsed.success) throw new CalendarDataError(zodIssues('kz-calendar.json', parsed.error));
  return parsed.data;
})();

/** The calendar data shipped with Komek (validated). */
export function defaultCalendarData(): CalendarData {
  return defaultData;
}

export interface BuildCalendarOptions {
  /** Administrator's changes, applied over the data file; validated (CalendarDataError lists all problems). */
  readonly overrides?: readonly CalendarOverride[];
  /** Replaces the shipped data file (tests, other countries' calendars). Validated the same way. */
  readonly data?: unknown;
}

interface Mark {
  kind: DayOffKind;
  name_kk: string;
  name_ru: string;
  source: string;
}

/**
 * Builds the calendar once: weekends, holidays valid on each date, Kurban Ait day 1 (an override of kind
 * 'kurban-ait' replaces that year's date), carry-over of holidays that fall on a weekend (Law on holidays
 * art. 5; not for religious days, Labour Code art. 84 p. 5) — each to the next weekday that is not already
 * a holiday, a carried-over day or a day made a day off by a transfer, in date order — and transfers
 * (data file, then overrides of kind 'day-off' / 'working-day', an override winning on its date). An
 * override of kind 'holiday' is a new holiday and is carried over like one.
 */
export function buildCalendar(options: BuildCalendarOptions = {}): Calendar {
  let data = defaultData;
  if (options.data !== undefined) {
    const parsed = calendarDataSchema.safeParse(options.data);
    if (!parsed.success) throw new CalendarDataError(zodIssues('data', parsed.error));
    data = parsed.data;
  }
  const overrides = options.overrides ?? [];
  const issues = validateCalendarOverrides(overrides, data.supported);
  if (issues.length) throw new CalendarDataError(issues);

  const from = parseCivilDate(data.supported.from);
  const to = parseCivilDate(data.supported.to);
  const base = epochDayOf(from.year, from.month, from.day);
  const size = epochDayOf(to.year, to.month, to.day) - base + 1;
  if (size <= 0) throw new CalendarDataError([`supported: ${data.supported.from} is after ${data.supported.to}`]);

  const dates: Temporal.PlainDate[] = new Array(size);
  for (let i = 0; i < size; i++) dates[i] = i === 0 ? from : (dates[i - 1] as Temporal.PlainDate).add({ days: 1 });
  const indexOf = (iso: string): number => {
    const d = parseCivilDate(iso);
    return epochDayOf(d.year, d.month, d.day) - base;
  };

  const marks: (Mark | undefined)[] = new Array(size);
  const weekendDays = new Set(data.weekend.isoDays);
  const isWeekend = (i: number): boolean => weekendDays.has(isoDayOfWeek(base + i));

  // Holidays that may carry over, in date order.
  const carrying: { index: number; name_kk: string; name_ru: string; iso: string }[] = [];

  for (let year = from.year; year <= to.year; year++) {
    for (const h of data.fixedHolidays) {
      const iso = `${year}-${String(h.month).padStart(2, '0')}-${String(h.day).padStart(2, '0')}`;
      if (h.validFrom !== null && iso < h.validFrom) continue;
      if (h.validTo !== null && iso > h.validTo) continue;
      if (parseIsoDate(iso) === null) continue;
      const i = indexOf(iso);
      if (i < 0 || i >= size) continue;
      marks[i] = { kind: h.religious ? 'religious' : 'holiday', name_kk: h.name_kk, name_ru: h.name_ru, source: h.source };
      if (!h.religious) carrying.push({ index: i, name_kk: h.name_kk, name_ru: h.name_ru, iso });
    }
  }

  const kurban = new Map<number, { date: Temporal.PlainDate; estimated: boolean; source: string }>();
  for (const k of data.kurbanAit.dates) kurban.set(k.year, { date: parseCivilDate(k.date), estimated: k.estimated, source: k.source });
  for (const o of overrides) if (o.kind === 'kurban-ait') kurban.set(Number(o.date.slice(0, 4)), { date: parseCivilDate(o.date), estimated: false, source: o.source });
  for (const [, k] of kurban) {
    const i = epochDayOf(k.date.year, k.date.month, k.date.day) - base;
    if (i < 0 || i >= size) continue;
    if (marks[i]?.kind === 'holiday') continue; // a national holiday on the same day keeps its carry-over
    marks[i] = { kind: 'religious', name_kk: data.kurbanAit.name_kk, name_ru: data.kurbanAit.name_ru, source: k.source };
  }

  for (const o of overrides) {
    if (o.kind !== 'holiday') continue;
    const i = indexOf(o.date);
    marks[i] = { kind: 'holiday', name_kk: o.name_kk, name_ru: o.name_ru, source: o.source };
    carrying.push({ index: i, name_kk: o.name_kk, name_ru: o.name_ru, iso: o.date });
  }

  // Transfers: the data file's, then overrides (an override wins on its date). Days made days off are
  // marked before the carry-over so that a carried day never lands on them; days made working days are
  // applied after it, as the order that sets them overrides everything else on that date.
  const transfers = new Map<number, { kind: 'day-off' | 'working-day'; name_kk: string; name_ru: string; source: string }>();
  for (const t of data.transfers) {
    const i = indexOf(t.date);
    if (i >= 0 && i < size) transfers.set(i, t);
  }
  for (const o of overrides) if (o.kind === 'day-off' || o.kind === 'working-day') transfers.set(indexOf(o.date), { ...o, kind: o.kind });
  for (const [i, t] of transfers) if (t.kind === 'day-off') marks[i] = { kind: 'transferred', name_kk: t.name_kk, name_ru: t.name_ru, source: t.source };

  carrying.sort((a, b) => a.index - b.index);
  for (const h of carrying) {
    if (!isWeekend(h.index)) continue;
    let j = h.index + 1;
    while (j < size && (isWeekend(j) || marks[j] !== undefined)) j++;
    if (j >= size) continue; // the carried day falls beyond the supported range; lookups there fail anyway
    marks[j] = {
      kind: 'carried-over',
      name_kk: data.carryOver.name_kk.replace('{holiday}', h.name_kk).replace('{date}', h.iso),
      name_ru: data.carryOver.name_ru.replace('{holiday}', h.name_ru).replace('{date}', h.iso),
      source: `${data.carryOver.source} (${h.iso})`,
    };
  }

  const working = new Set<number>();
  for (const [i, t] of transfers) {
    if (t.kind !== 'working-day') continue;
    marks[i] = undefined;
    working.add(i);
  }

  const kinds = new Uint8Array(size);
  const offIndex = new Int32Array(size).fill(-1);
  const cum = new Int32Array(size);
  const offs: DayOff[] = [];
  const workingList: number[] = [];
  let count = 0;
  for (let i = 0; i < size; i++) {
    const date = dates[i] as Temporal.PlainDate;
    const mark = marks[i];
    let off: DayOff | undefined;
    if (mark) off = { date, ...mark };
    else if (isWeekend(i) && !working.has(i)) off = { date, kind: 'weekend', name_kk: data.weekend.name_kk, name_ru: data.weekend.name_ru, source: data.weekend.source };
    if (off) {
      kinds[i] = KIND_CODE[off.kind];
      offIndex[i] = offs.length;
      offs.push(off);
    } else {
      count++;
      workingList.push(i);
    }
    cum[i] = count;
  }
  return { from, to, base, kinds, offIndex, offs, cum, working: Int32Array.from(workingList), dates, kurbanAit: kurban };
}

let shipped: Calendar | undefined;

/** The calendar built from the shipped data without overrides, built once on first use. */
export function defaultCalendar(): Calendar {
  shipped ??= buildCalendar();
  return shipped;
}

// -------------------------------------------------------------------------------------- lookups

function describe(cal: Calendar): string {
  return `${cal.from.toString()}..${cal.to.toString()}`;
}

/** Day index of `date` in the table, or a CalendarRangeError outside the supported years. */
function indexIn(cal: Calendar, date: Temporal.PlainDate): number {
  const i = epochDayOfDate(date) - cal.base;
  if (i < 0 || i >= cal.kinds.length) {
    throw new CalendarRangeError(`${date.toString()} is outside the supported calendar ${describe(cal)}; add the year's data before counting working days in it`);
  }
  return i;
}

/** True when `date` is a working day of the authorized body (Labour Code art. 84–85, Law on holidays art. 5). */
export function isWorkingDay(cal: Calendar, date: Temporal.PlainDate): boolean {
  return cal.kinds[indexIn(cal, date)] === 0;
}

/** Why `date` is not a working day, or `null` when it is one. */
export function dayOff(cal: Calendar, date: Temporal.PlainDate): DayOff | null {
  const k = cal.offIndex[indexIn(cal, date)] ?? -1;
  return k < 0 ? null : (cal.offs[k] ?? null);
}

/**
 * The date `n` working days after `from` (n ≥ 0). Convention: `from` — the triggering day — is day 0,
 * whether or not it is a working day; +1 is the first working day after it; +0 is `from` itself.
 * Deadlines in deadlines.ts add the configurable counting convention on top of this.
 */
export function addWorkingDays(cal: Calendar, from: Temporal.PlainDate, n: number): Temporal.PlainDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole n ≥ 0, got ${n}`);
  const i = indexIn(cal, from);
  if (n === 0) return cal.dates[i] as Temporal.PlainDate;
  const k = (cal.cum[i] as number) + n - 1;
  const target = cal.working[k];
  if (target === undefined) {
    throw new CalendarRangeError(`${from.toString()} + ${n} working days goes beyond the supported calendar ${describe(cal)}`);
  }
  return cal.dates[target] as Temporal.PlainDate;
}

/**
 * The date `n` working days before `from` (n ≥ 0): the n-th working day strictly before it; 0 gives
 * `from`. The inverse of {@link addWorkingDays} on working days: addWorkingDays(subtract(d, n), n) = d.
 */
export function subtractWorkingDays(cal: Calendar, from: Temporal.PlainDate, n: number): Temporal.PlainDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`subtractWorkingDays needs a whole n ≥ 0, got ${n}`);
  const i = indexIn(cal, from);
  if (n === 0) return cal.dates[i] as Temporal.PlainDate;
  // Working days strictly before i: cum[i] minus 1 if i itself is working.
  const before = (cal.cum[i] as number) - (cal.kinds[i] === 0 ? 1 : 0);
  const target = cal.working[before - n];
  if (before - n < 0 || target === undefined) {
    throw new CalendarRangeError(`${from.toString()} − ${n} working days goes before the supported calendar ${describe(cal)}`);
  }
  return cal.dates[target] as Temporal.PlainDate;
}

/** The first working day strictly after `date` (= addWorkingDays(date, 1)). */
export function nextWorkingDay(cal: Calendar, date: Temporal.PlainDate): Temporal.PlainDate {
  return addWorkingDays(cal, date, 1);
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function workingDayOnOrAfter(cal: Calendar, date: Temporal.PlainDate): Temporal.PlainDate {
  return isWorkingDay(cal, date) ? date : nextWorkingDay(cal, date);
}

/** `date` itself when it is a working day, otherwise the previous working day. */
export function workingDayOnOrBefore(cal: Calendar, date: Temporal.PlainDate): Temporal.PlainDate {
  return isWorkingDay(cal, date) ? date : subtractWorkingDays(cal, date, 1);
}

/**
 * The number of working days in (a, b] — a excluded, b included — negative when b is before a. The inverse
 * of adding: workingDaysBetween(a, addWorkingDays(a, n)) = n.
 */
export function workingDaysBetween(cal: Calendar, a: Temporal.PlainDate, b: Temporal.PlainDate): number {
  return (cal.cum[indexIn(cal, b)] as number) - (cal.cum[indexIn(cal, a)] as number);
}

/** The last working day of the month containing `date` (p.31). */
export function lastWorkingDayOfMonth(cal: Calendar, date: Temporal.PlainDate | Temporal.PlainYearMonth): Temporal.PlainDate {
  const last = Temporal.PlainDate.from({ year: date.year, month: date.month, day: 1 }).add({ months: 1 }).subtract({ days: 1 });
  const result = workingDayOnOrBefore(cal, last);
  if (result.month !== date.month || result.year !== date.year) {
    throw new CalendarRangeError(`${date.year}-${String(date.month).padStart(2, '0')} has no working day`);
  }
  return result;
}

/** Every non-working day in [from, to] (both included), with why and its legal source. */
export function daysOff(cal: Calendar, from: Temporal.PlainDate, to: Temporal.PlainDate): DayOff[] {
  const a = indexIn(cal, from);
  const b = indexIn(cal, to);
  const out: DayOff[] = [];
  for (let i = a; i <= b; i++) {
    const k = cal.offIndex[i] ?? -1;
    if (k >= 0) out.push(cal.offs[k] as DayOff);
  }
  return out;
}

/** Kurban Ait day 1 of a year as the calendar uses it, and whether it is still an estimate. */
export function kurbanAitOf(cal: Calendar, year: number): { date: Temporal.PlainDate; estimated: boolean; source: string } | null {
  return cal.kurbanAit.get(year) ?? null;
}

// ------------------------------------------------------------------------------ registration day

/** Office hours of the authorized body, judged in local time (p.12 "outside working time"). */
export interface OfficeHours {
  /** IANA zone or fixed offset ('+05:00'); default 'Asia/Almaty' (UTC+5 since 2024-03-01, UTC+6 before). */
  readonly timeZone: string;
  /** 'HH:MM', inclusive. */
  readonly start: string;
  /** 'HH:MM', exclusive: an application arriving at 18:30 sharp is outside working time. */
  readonly end: string;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { timeZone: 'Asia/Almaty', start: '09:00', end: '18:30' };

/** Office-hour clock times parsed so far (a PlainTime is immutable; a district has two). */
const clockTimes = new Map<string, Temporal.PlainTime>();

function parseClock(s: string, what: string): Temporal.PlainTime {
  const known = clockTimes.get(s);
  if (known) return known;
  if (!/^\d{2}:\d{2}$/.test(s)) throw new RangeError(`office hours ${what} must be HH:MM, got "${s}"`);
  const time = Temporal.PlainTime.from(s);
  if (clockTimes.size < 64) clockTimes.set(s, time);
  return time;
}

/** Local arrival date and whether the arrival was within office hours on a working day. */
export function arrivalInOfficeTime(
  cal: Calendar,
  receivedAt: Temporal.Instant,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): { localDate: Temporal.PlainDate; localTime: Temporal.PlainTime; withinWorkingTime: boolean; offset: string } {
  const start = parseClock(officeHours.start, 'start');
  const end = parseClock(officeHours.end, 'end');
  const zoned = receivedAt.toZonedDateTimeISO(officeHours.timeZone);
  const localDate = zoned.toPlainDate();
  const localTime = zoned.toPlainTime();
  const inHours = Temporal.PlainTime.compare(localTime, start) >= 0 && Temporal.PlainTime.compare(localTime, end) < 0;
  return { localDate, localTime, withinWorkingTime: inHours && isWorkingDay(cal, localDate), offset: zoned.offset };
}

/**
 * p.12: the day an application is registered — the day it arrives when that is a working day and it
 * arrives within office hours; otherwise the first working day after the day of arrival (the Rules say
 * "the first working day after the day the application arrived", so 07:00 on a Tuesday gives Wednesday).
 */
export function registrationDay(cal: Calendar, receivedAt: Temporal.Instant, officeHours: OfficeHours = DEFAULT_OFFICE_HOURS): Temporal.PlainDate {
  const a = arrivalInOfficeTime(cal, receivedAt, officeHours);
  return a.withinWorkingTime ? a.localDate : nextWorkingDay(cal, a.localDate);
}
