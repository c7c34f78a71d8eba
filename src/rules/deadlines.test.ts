import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { addWorkingDays, buildCalendar, isWorkingDay, parseCivilDate as d, workingDaysBetween } from './calendar/calendar';
import {
  DeadlineError,
  STATUTORY_PERIODS,
  caseTiming,
  countWorkingDays,
  decisionDeadline,
  periodDeadline,
  validateExtensionBasis,
  type StatutoryPeriodKey,
} from './deadlines';

const cal = buildCalendar();

describe('the counting convention', () => {
  it('by default ends on the N-th working day after the triggering day', () => {
    expect(countWorkingDays(cal, d('2025-03-04'), 8).toString()).toBe('2025-03-17');
  });

  it('can count the triggering day as day 1 when it is a working day, and only then', () => {
    expect(countWorkingDays(cal, d('2025-03-04'), 8, 'trigger-day-is-day-1').toString()).toBe('2025-03-14');
    // Saturday 8 March 2025 is a holiday: it cannot be day 1, so both conventions agree.
    expect(countWorkingDays(cal, d('2025-03-08'), 2, 'trigger-day-is-day-1').toString()).toBe(countWorkingDays(cal, d('2025-03-08'), 2).toString());
  });

  it('gives every statutory period a working-day deadline exactly N working days later (property)', () => {
    const keys = Object.keys(STATUTORY_PERIODS) as StatutoryPeriodKey[];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1700 }), fc.constantFrom(...keys), (offset, key) => {
        const from = d('2023-01-01').add({ days: offset });
        const deadline = periodDeadline(cal, key, from);
        expect(isWorkingDay(cal, deadline.date)).toBe(true);
        expect(workingDaysBetween(cal, from, deadline.date)).toBe(STATUTORY_PERIODS[key].workingDays);
        expect(deadline.clause).toBe(STATUTORY_PERIODS[key].clause);
      }),
    );
  });
});

describe('the 20-working-day decision track (p.18 with p.14/p.15)', () => {
  const registeredOn = d('2025-03-04');
  const basis = { clause: 'p.14' as const, reason: 'Income data requested from the employer', recordedOn: d('2025-03-05') };

  it('is used only with a recorded p.14 or p.15 basis', () => {
    const extended = decisionDeadline(cal, { registeredOn, extension: { documentsAcceptedOn: registeredOn, basis } });
    expect(extended.date.toString()).toBe('2025-04-07');
    expect(extended.explanation.en).toContain('case of p.14');
  });

  it('rejects any other clause, an empty reason, a missing or non-date recordedOn, extra fields, or a basis recorded before registration', () => {
    const bad: unknown[] = [
      { ...basis, clause: 'p.16' },
      { ...basis, reason: '   ' },
      { clause: 'p.15', reason: 'lost documents' },
      { ...basis, recordedOn: '2025-03-05' },
      { ...basis, approvedBy: 'head' },
      null,
    ];
    for (const b of bad) expect(() => validateExtensionBasis(b)).toThrow(expect.objectContaining({ code: 'INVALID_EXTENSION_BASIS' }));
    expect(() => decisionDeadline(cal, { registeredOn, extension: { documentsAcceptedOn: registeredOn, basis: { ...basis, recordedOn: d('2025-03-03') } } })).toThrow(DeadlineError);
  });

  it('keeps the 8-working-day deadline when there is no extension', () => {
    expect(decisionDeadline(cal, { registeredOn, extension: null }).date.toString()).toBe('2025-03-17');
  });
});

describe('caseTiming: target and hard dates', () => {
  const hard = decisionDeadline(cal, { registeredOn: d('2025-03-04') }); // 2025-03-17 (Monday)

  it('sets the target a margin of working days before the hard date and judges the status', () => {
    expect(caseTiming(cal, { hard, asOf: d('2025-03-05') })).toMatchObject({ status: 'on-time', workingDaysLeft: 7 });
    expect(caseTiming(cal, { hard, asOf: d('2025-03-05') }).target.toString()).toBe('2025-03-13');
    expect(caseTiming(cal, { hard, asOf: d('2025-03-13') }).status).toBe('at-risk');
    expect(caseTiming(cal, { hard, asOf: d('2025-03-17') }).status).toBe('at-risk');
    expect(caseTiming(cal, { hard, asOf: d('2025-03-18') })).toMatchObject({ status: 'overdue', workingDaysLeft: -1 });
    expect(caseTiming(cal, { hard, asOf: d('2025-03-05'), warningMarginWd: 4 }).target.toString()).toBe('2025-03-11');
  });

  it('judges a completed act by its completion day', () => {
    expect(caseTiming(cal, { hard, asOf: d('2025-03-20'), completedOn: d('2025-03-14') }).status).toBe('on-time');
    expect(caseTiming(cal, { hard, asOf: d('2025-03-20'), completedOn: d('2025-03-18') }).status).toBe('overdue');
  });

  it('lets pauses move the target but never the hard date, nor the target past it', () => {
    const t = caseTiming(cal, { hard, asOf: d('2025-03-05'), pauses: [{ from: d('2025-03-05'), to: d('2025-03-05') }] });
    expect(t.pausedWorkingDays).toBe(1);
    expect(t.target.toString()).toBe('2025-03-14');
    const long = caseTiming(cal, { hard, asOf: d('2025-03-05'), pauses: [{ from: d('2025-03-05'), to: d('2025-04-30') }] });
    expect(long.target.toString()).toBe('2025-03-17');
    expect(long.hard.date.toString()).toBe('2025-03-17');
  });

  it('never puts the target after the hard date, whatever the pauses (property)', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => d('2025-02-20').add({ days: n }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, fc.integer({ min: 0, max: 30 })), { maxLength: 4 }),
        fc.integer({ min: 0, max: 8 }),
        day,
        (pauses, margin, asOf) => {
          const t = caseTiming(cal, { hard, asOf, warningMarginWd: margin, pauses: pauses.map(([from, len]) => ({ from, to: from.add({ days: len }) })) });
          expect(t.hard).toBe(hard);
          expect(Temporal.PlainDate.compare(t.target, hard.date)).toBeLessThanOrEqual(0);
          if (Temporal.PlainDate.compare(asOf, hard.date) > 0) expect(t.status).toBe('overdue');
        },
      ),
    );
  });

  it('counts overlapping pauses once', () => {
    const t = caseTiming(cal, { hard, asOf: d('2025-03-05'), warningMarginWd: 8, pauses: [{ from: d('2025-03-05'), to: d('2025-03-06') }, { from: d('2025-03-06'), to: d('2025-03-07') }] });
    expect(t.pausedWorkingDays).toBe(3);
    expect(t.target.toString()).toBe(addWorkingDays(cal, d('2025-03-04'), 3).toString());
  });

  it('rejects a negative margin and a pause that ends before it starts', () => {
    expect(() => caseTiming(cal, { hard, asOf: d('2025-03-05'), warningMarginWd: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_DEADLINE_INPUT' }));
    expect(() => caseTiming(cal, { hard, asOf: d('2025-03-05'), pauses: [{ from: d('2025-03-06'), to: d('2025-03-05') }] })).toThrow(DeadlineError);
  });
});
