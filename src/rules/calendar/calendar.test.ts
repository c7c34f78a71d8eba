import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import {
  CalendarDataError,
  CalendarRangeError,
  addWorkingDays,
  buildCalendar,
  dayOff,
  daysOff,
  defaultCalendarData,
  isIsoDateString,
  isIsoDay,
  isWorkingDay,
  kurbanAitOf,
  lastWorkingDayOfMonth,
  nextWorkingDay,
  parseCivilDate,
  registrationDay,
  subtractWorkingDays,
  workingDaysBetween,
} from './calendar';

const d = parseCivilDate;
const cal = buildCalendar();
const FIRST = d('2023-01-01');
const DAYS = 1826; // 2023-01-01 .. 2027-12-31

/**
 * A deliberately naive reference: recomputes each day's status from the data file by walking dates
 * one by one, with no table. The built calendar must agree with it everywhere.
 */
function naiveIsWorkingDay(date: Temporal.PlainDate): boolean {
  const data = defaultCalendarData();
  const iso = date.toString();
  const transfer = data.transfers.find((t) => t.date === iso);
  if (transfer) return transfer.kind === 'working-day';
  const holidayOn = (x: Temporal.PlainDate): { religious: boolean } | undefined => {
    const xi = x.toString();
    const h = data.fixedHolidays.find((f) => f.month === x.month && f.day === x.day && (f.validFrom === null || xi >= f.validFrom) && (f.validTo === null || xi <= f.validTo));
    if (h) return { religious: h.religious };
    if (data.kurbanAit.dates.some((k) => k.date === xi)) return { religious: true };
    return undefined;
  };
  // Simulate a queue of pending carry-overs from two weeks earlier: a weekend holiday adds one, the
  // next plain weekday takes one.
  let pending = 0;
  for (let x = date.subtract({ days: 14 }); ; x = x.add({ days: 1 })) {
    const h = holidayOn(x);
    const weekend = x.dayOfWeek >= 6;
    const isTarget = x.equals(date);
    if (data.transfers.some((t) => t.kind === 'day-off' && t.date === x.toString())) continue;
    if (weekend && h && !h.religious) pending++;
    if (!weekend && !h && pending > 0) {
      pending--;
      if (isTarget) return false;
    } else if (isTarget) {
      return !weekend && !h;
    }
  }
}

describe('the working-day calendar', () => {
  it('agrees with a naive day-by-day reference on every day of 2023–2027', () => {
    for (let i = 0; i < DAYS; i++) {
      const date = FIRST.add({ days: i });
      expect([date.toString(), isWorkingDay(cal, date)]).toEqual([date.toString(), naiveIsWorkingDay(date)]);
    }
  });

  it('treats Saturday 4 May 2024 as worked and Wednesday 8 May 2024 as a day off (transfer order)', () => {
    expect(isWorkingDay(cal, d('2024-05-04'))).toBe(true);
    expect(dayOff(cal, d('2024-05-08'))?.kind).toBe('transferred');
  });

  it('treats Sunday 5 January 2025 as worked and Friday 3 January 2025 as a day off', () => {
    expect(isWorkingDay(cal, d('2025-01-05'))).toBe(true);
    expect(dayOff(cal, d('2025-01-03'))?.kind).toBe('transferred');
  });

  it('does not carry over Kurban Ait on Sunday 16 June 2024, nor 7 January on Sunday 2024', () => {
    expect(dayOff(cal, d('2024-06-16'))?.kind).toBe('religious');
    expect(isWorkingDay(cal, d('2024-06-17'))).toBe(true);
    expect(isWorkingDay(cal, d('2024-01-08'))).toBe(true);
  });

  it('carries Nauryz 2026 (Sat 21, Sun 22, Mon 23 March) to Tuesday 24 and Wednesday 25', () => {
    expect(daysOff(cal, d('2026-03-21'), d('2026-03-26')).map((o) => [o.date.toString(), o.kind])).toEqual([
      ['2026-03-21', 'holiday'],
      ['2026-03-22', 'holiday'],
      ['2026-03-23', 'holiday'],
      ['2026-03-24', 'carried-over'],
      ['2026-03-25', 'carried-over'],
    ]);
    expect(isWorkingDay(cal, d('2026-03-26'))).toBe(true);
  });

  it('carries New Year 2023 (Sunday 1 January) past the 2 January holiday to Tuesday 3 January', () => {
    expect(dayOff(cal, d('2023-01-03'))?.kind).toBe('carried-over');
    expect(isWorkingDay(cal, d('2023-01-04'))).toBe(true);
  });

  it('keeps 30 August a holiday up to 2025 only, and makes 15 March one from 2027', () => {
    expect(dayOff(cal, d('2025-08-30'))?.kind).toBe('holiday');
    expect(dayOff(cal, d('2025-09-01'))?.kind).toBe('carried-over');
    expect(dayOff(cal, d('2026-08-30'))?.kind).toBe('weekend');
    expect(isWorkingDay(cal, d('2026-08-31'))).toBe(true);
    expect(isWorkingDay(cal, d('2026-03-16'))).toBe(true);
    expect(dayOff(cal, d('2027-03-15'))?.kind).toBe('holiday');
  });

  it('marks the 2027 Kurban Ait date as an estimate, and lets an override replace it', () => {
    expect(kurbanAitOf(cal, 2027)?.estimated).toBe(true);
    const official = buildCalendar({ overrides: [{ date: '2027-05-17', kind: 'kurban-ait', name_kk: 'Құрбан айт', name_ru: 'Курбан айт', source: 'Приказ МТСЗН (test)' }] });
    expect(kurbanAitOf(official, 2027)).toMatchObject({ estimated: false });
    expect(dayOff(official, d('2027-05-17'))?.kind).toBe('religious');
    expect(dayOff(official, d('2027-05-16'))?.kind).toBe('weekend');
  });

  it('applies a new transfer order given as overrides', () => {
    const withOrder = buildCalendar({
      overrides: [
        { date: '2026-12-19', kind: 'working-day', name_kk: 'Жұмыс күні', name_ru: 'Рабочий день', source: 'Приказ (test)' },
        { date: '2026-12-18', kind: 'day-off', name_kk: 'Демалыс', name_ru: 'Выходной', source: 'Приказ (test)' },
      ],
    });
    expect(isWorkingDay(withOrder, d('2026-12-19'))).toBe(true);
    expect(dayOff(withOrder, d('2026-12-18'))).toMatchObject({ kind: 'transferred', source: 'Приказ (test)' });
    expect(isWorkingDay(cal, d('2026-12-18'))).toBe(true);
  });

  it('never carries a holiday onto a day already made a day off by a transfer', () => {
    // 7 November 2026 is a Saturday; Monday 9 November is made a day off by an order, so the carried
    // day of a new Saturday holiday goes to Tuesday 10 November.
    const both = buildCalendar({
      overrides: [
        { date: '2026-11-07', kind: 'holiday', name_kk: 'Мереке', name_ru: 'Праздник', source: 'Закон (test)' },
        { date: '2026-11-09', kind: 'day-off', name_kk: 'Демалыс', name_ru: 'Выходной', source: 'Приказ (test)' },
      ],
    });
    expect(dayOff(both, d('2026-11-09'))?.kind).toBe('transferred');
    expect(dayOff(both, d('2026-11-10'))?.kind).toBe('carried-over');
    expect(isWorkingDay(both, d('2026-11-11'))).toBe(true);
  });

  it('lets an override revoke a transfer of the data file', () => {
    const revoked = buildCalendar({ overrides: [{ date: '2024-05-04', kind: 'day-off', name_kk: 'Демалыс', name_ru: 'Выходной', source: 'Приказ (test)' }] });
    expect(isWorkingDay(revoked, d('2024-05-04'))).toBe(false);
  });

  it('carries over a holiday added by override when it falls on a weekend', () => {
    const withHoliday = buildCalendar({ overrides: [{ date: '2026-11-07', kind: 'holiday', name_kk: 'Мереке', name_ru: 'Праздник', source: 'Закон (test)' }] });
    expect(dayOff(withHoliday, d('2026-11-09'))?.kind).toBe('carried-over');
  });

  it('rejects malformed overrides with every problem listed', () => {
    let error: unknown;
    try {
      buildCalendar({
        overrides: [
          { date: '2025-02-30', kind: 'day-off', name_kk: 'x', name_ru: 'x', source: 's' },
          { date: '2025-03-03', kind: 'weekend' as never, name_kk: 'x', name_ru: 'x', source: 's' },
          { date: '2025-03-04', kind: 'day-off', name_kk: '', name_ru: 'x', source: 's' },
          { date: '2031-01-05', kind: 'day-off', name_kk: 'x', name_ru: 'x', source: 's' },
          { date: '2025-03-06', kind: 'day-off', name_kk: 'x', name_ru: 'x', source: 's' },
          { date: '2025-03-06', kind: 'working-day', name_kk: 'x', name_ru: 'x', source: 's' },
        ],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarDataError);
    const issues = (error as CalendarDataError).issues.join('\n');
    expect(issues).toMatch(/overrides\[0\]\.date: is not a real calendar date/);
    expect(issues).toMatch(/overrides\[1\]\.kind/);
    expect(issues).toMatch(/overrides\[2\]\.name_kk/);
    expect(issues).toMatch(/overrides\[3\]\.date: 2031-01-05 is outside/);
    expect(issues).toMatch(/overrides\[5\]\.date: 2025-03-06 is already overridden/);
  });

  it('fails clearly outside the supported years instead of guessing', () => {
    expect(() => isWorkingDay(cal, d('2022-12-31'))).toThrow(CalendarRangeError);
    expect(() => isWorkingDay(cal, d('2028-01-03'))).toThrow(/outside the supported calendar 2023-01-01\.\.2027-12-31/);
    expect(() => addWorkingDays(cal, d('2027-12-29'), 5)).toThrow(CalendarRangeError);
    expect(() => subtractWorkingDays(cal, d('2023-01-05'), 3)).toThrow(CalendarRangeError);
  });

  it('counts day 0 as the triggering day: +1 is the next working day even from a day off', () => {
    expect(addWorkingDays(cal, d('2025-03-04'), 0).toString()).toBe('2025-03-04');
    expect(addWorkingDays(cal, d('2025-03-04'), 1).toString()).toBe('2025-03-05');
    expect(addWorkingDays(cal, d('2025-03-08'), 1).toString()).toBe('2025-03-11'); // Sat holiday, Mon carried over
    expect(nextWorkingDay(cal, d('2024-12-31')).toString()).toBe('2025-01-05'); // Sunday made a working day
  });

  it('gives the last working day of a month, skipping weekends and holidays', () => {
    expect(lastWorkingDayOfMonth(cal, d('2025-08-10')).toString()).toBe('2025-08-29');
    expect(lastWorkingDayOfMonth(cal, Temporal.PlainYearMonth.from('2026-05')).toString()).toBe('2026-05-29');
    expect(lastWorkingDayOfMonth(cal, d('2027-10-01')).toString()).toBe('2027-10-29');
  });

  it('lists days off with kind, names and source', () => {
    const list = daysOff(cal, d('2025-01-01'), d('2025-01-07'));
    expect(list.map((o) => [o.date.toString(), o.kind])).toEqual([
      ['2025-01-01', 'holiday'],
      ['2025-01-02', 'holiday'],
      ['2025-01-03', 'transferred'],
      ['2025-01-04', 'weekend'],
      ['2025-01-07', 'religious'],
    ]);
    for (const o of list) {
      expect(o.name_kk.length).toBeGreaterThan(0);
      expect(o.name_ru.length).toBeGreaterThan(0);
      expect(o.source.length).toBeGreaterThan(0);
    }
  });
});

describe('registrationDay (p.12)', () => {
  const at = (iso: string) => Temporal.Instant.from(iso);

  it('registers on the day of arrival within office hours on a working day', () => {
    expect(registrationDay(cal, at('2025-03-04T04:00:00Z')).toString()).toBe('2025-03-04'); // 09:00 +05
  });

  it('registers on the next working day when it arrives after hours, at night or on a day off', () => {
    expect(registrationDay(cal, at('2025-03-04T13:30:00Z')).toString()).toBe('2025-03-05'); // 18:30 +05, end exclusive
    expect(registrationDay(cal, at('2025-03-04T03:59:00Z')).toString()).toBe('2025-03-05'); // 08:59 +05
    expect(registrationDay(cal, at('2025-03-08T06:00:00Z')).toString()).toBe('2025-03-11');
  });

  it('judges local time across the UTC+6 → UTC+5 switch of 1 March 2024', () => {
    // 29 Feb 2024 03:30Z = 09:30 at UTC+6 (inside hours); the same clock time on 1 March is 08:30 at UTC+5.
    expect(registrationDay(cal, at('2024-02-29T03:30:00Z')).toString()).toBe('2024-02-29');
    expect(registrationDay(cal, at('2024-03-01T03:30:00Z')).toString()).toBe('2024-03-04');
    // 12:15Z: 18:15 at UTC+6 on 29 Feb (inside), 17:15 at UTC+5 on 1 March (inside).
    expect(registrationDay(cal, at('2024-02-29T12:15:00Z')).toString()).toBe('2024-02-29');
    expect(registrationDay(cal, at('2024-03-01T12:15:00Z')).toString()).toBe('2024-03-01');
    // 12:45Z: 18:45 at UTC+6 (outside) vs 17:45 at UTC+5 (inside).
    expect(registrationDay(cal, at('2024-02-28T12:45:00Z')).toString()).toBe('2024-02-29');
    expect(registrationDay(cal, at('2024-03-05T12:45:00Z')).toString()).toBe('2024-03-05');
  });

  it('accepts a fixed offset instead of a zone name', () => {
    expect(registrationDay(cal, at('2024-02-28T12:45:00Z'), { timeZone: '+05:00', start: '09:00', end: '18:30' }).toString()).toBe('2024-02-28');
  });
});

describe('calendar properties', () => {
  const dayIndex = fc.integer({ min: 0, max: DAYS - 400 });
  const count = fc.integer({ min: 0, max: 120 });

  it('adding a then b working days equals adding a + b', () => {
    fc.assert(
      fc.property(dayIndex, count, count, (i, a, b) => {
        const from = FIRST.add({ days: i });
        expect(addWorkingDays(cal, addWorkingDays(cal, from, a), b).toString()).toBe(addWorkingDays(cal, from, a + b).toString());
      }),
    );
  });

  it('lands on a working day for n ≥ 1, and on a later date', () => {
    fc.assert(
      fc.property(dayIndex, fc.integer({ min: 1, max: 120 }), (i, n) => {
        const from = FIRST.add({ days: i });
        const to = addWorkingDays(cal, from, n);
        expect(isWorkingDay(cal, to)).toBe(true);
        expect(Temporal.PlainDate.compare(to, from)).toBe(1);
      }),
    );
  });

  it('workingDaysBetween inverts adding, and subtracting inverts adding on working days', () => {
    fc.assert(
      fc.property(dayIndex, count, (i, n) => {
        const from = FIRST.add({ days: i });
        const to = addWorkingDays(cal, from, n);
        expect(workingDaysBetween(cal, from, to)).toBe(n);
        expect(workingDaysBetween(cal, to, from)).toBe(n === 0 ? 0 : -n);
        if (isWorkingDay(cal, from)) expect(subtractWorkingDays(cal, to, n).toString()).toBe(from.toString());
      }),
    );
  });

  it('addWorkingDays agrees with a naive day-by-day walk', () => {
    fc.assert(
      fc.property(dayIndex, fc.integer({ min: 0, max: 40 }), (i, n) => {
        const from = FIRST.add({ days: i });
        let x = from;
        for (let left = n; left > 0; ) {
          x = x.add({ days: 1 });
          if (naiveIsWorkingDay(x)) left--;
        }
        expect(addWorkingDays(cal, from, n).toString()).toBe(x.toString());
      }),
      { numRuns: 60 },
    );
  });
});

describe('a real day of the ISO calendar, decided without the polyfill', () => {
  const temporalAccepts = (f: () => unknown) => {
    try {
      f();
      return true;
    } catch {
      return false;
    }
  };

  it('is exactly what Temporal accepts with overflow reject, for numbers and for YYYY-MM-DD strings', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 10_001 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }), (year, month, day) => {
        const known = isIsoDay(year, month, day);
        if (known !== undefined) expect(known).toBe(temporalAccepts(() => Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' })));
        if (year >= 0 && year <= 9999 && month >= 0 && day >= 0) {
          const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isIsoDateString(s)).toBe(temporalAccepts(() => Temporal.PlainDate.from(s, { overflow: 'reject' })));
        }
      }),
      { numRuns: 3000 },
    );
    for (const [s, real] of [['2024-02-29', true], ['2025-02-29', false], ['1900-02-29', false], ['2000-02-29', true], ['0000-01-01', true], ['2025-04-31', false], ['2025-12-31', true], ['2025-13-01', false], ['2025-00-10', false]] as const) {
      expect(isIsoDateString(s)).toBe(real);
    }
    // Anything else is left to Temporal.
    for (const s of ['20250304', '2025-3-4', '+002025-03-04', '2025-03-04T10:00', ' 2025-03-04']) expect(isIsoDateString(s)).toBeUndefined();
    expect(isIsoDay(2025, 1.5, 1)).toBeUndefined();
    expect(isIsoDay(10_000, 1, 1)).toBeUndefined();
  });
});
