/**
 * Runs the legal scenarios of the calendar and deadlines (calendar-*.json, deadlines-*.json): each is
 * data — name, asOf, input (function and arguments), expected (date/clause, value, or error code), clauses.
 */
import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import * as calendar from '../calendar/calendar';
import * as deadlines from '../deadlines';
import type { Deadline } from '../explain';
import calendarWorkingDays from './calendar-working-days.json';
import deadlinesIntake from './deadlines-intake.json';
import deadlinesPayments from './deadlines-payments.json';

interface Scenario {
  name: string;
  asOf: string;
  input: { fn: string; args: Record<string, unknown>; convention?: string; overrides?: calendar.CalendarOverride[] };
  expected: { date?: string; clause?: string; explanationEn?: string; value?: unknown; error?: string };
  clauses: string[];
}

const SUITES: Record<string, readonly Scenario[]> = {
  'calendar-working-days.json': calendarWorkingDays as Scenario[],
  'deadlines-intake.json': deadlinesIntake as Scenario[],
  'deadlines-payments.json': deadlinesPayments as Scenario[],
};

/** Turns JSON strings into the Temporal values the functions take: dates, year-months, instants. */
function revive(v: unknown): unknown {
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return calendar.parseCivilDate(v);
    if (/^\d{4}-\d{2}$/.test(v)) return Temporal.PlainYearMonth.from(v);
    if (/^\d{4}-\d{2}-\d{2}T.*Z$/.test(v)) return Temporal.Instant.from(v);
    return v;
  }
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
  return v;
}

/** Shapes results as JSON-comparable data. */
function plain(v: unknown): unknown {
  if (v instanceof Temporal.PlainDate) return v.toString();
  if (Array.isArray(v)) return v.map((o: calendar.DayOff) => ({ date: o.date.toString(), kind: o.kind }));
  return v;
}

function run(s: Scenario): unknown {
  const cal = calendar.buildCalendar({ overrides: s.input.overrides ?? [] });
  const a = revive(s.input.args) as Record<string, never>;
  const opts = s.input.convention ? { convention: s.input.convention as deadlines.CountingConvention } : {};
  switch (s.input.fn) {
    case 'isWorkingDay':
      return calendar.isWorkingDay(cal, a.date as never);
    case 'addWorkingDays':
      return calendar.addWorkingDays(cal, a.from as never, a.n as never);
    case 'workingDaysBetween':
      return calendar.workingDaysBetween(cal, a.from as never, a.to as never);
    case 'daysOff':
      return calendar.daysOff(cal, a.from as never, a.to as never);
    case 'registrationDeadline':
      return deadlines.registrationDeadline(cal, a as never);
    case 'precinctRoutingDeadline':
      return deadlines.precinctRoutingDeadline(cal, a as never, opts);
    case 'precinctSurveyDeadline':
      return deadlines.precinctSurveyDeadline(cal, a as never, opts);
    case 'akimForwardingDeadline':
      return deadlines.akimForwardingDeadline(cal, a as never, opts);
    case 'incomeComputationDeadline':
      return deadlines.incomeComputationDeadline(cal, a as never, opts);
    case 'specialCommissionDeadline':
      return deadlines.specialCommissionDeadline(cal, a as never, opts);
    case 'decisionDeadline':
      return deadlines.decisionDeadline(cal, a as never, opts);
    case 'preliminaryDecisionNoticeDeadline':
      return deadlines.preliminaryDecisionNoticeDeadline(cal, a as never);
    case 'objectionDeadline':
      return deadlines.objectionDeadline(cal, a as never, opts);
    case 'protocolRemarksDeadline':
      return deadlines.protocolRemarksDeadline(cal, a as never, opts);
    case 'cabinetNoticeDeadline':
      return deadlines.cabinetNoticeDeadline(cal, a as never, opts);
    case 'changeReportDeadline':
      return deadlines.changeReportDeadline(cal, a as never, opts);
    case 'demandFormationDeadline':
      return deadlines.demandFormationDeadline(cal, a as never);
    case 'demandApplicationDeadline':
      return deadlines.demandApplicationDeadline(cal, a as never, opts);
    case 'transferDeadline':
      return deadlines.transferDeadline(cal, a as never, opts);
    case 'paymentOrderDeadline':
      return deadlines.paymentOrderDeadline(cal, a as never, opts);
    case 'returnedSumUpdateDeadline':
      return deadlines.returnedSumUpdateDeadline(cal, a as never, opts);
    case 'overCreditedReturnDeadline':
      return deadlines.overCreditedReturnDeadline(cal, a as never);
    default:
      throw new Error(`scenario runner does not know function ${s.input.fn}`);
  }
}

const all = Object.values(SUITES).flat();

describe('calendar and deadline scenarios', () => {
  it('are at least 25, each with a name, an asOf date and clauses, every name unique', () => {
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(new Set(all.map((s) => s.name)).size).toBe(all.length);
    for (const s of all) expect(() => calendar.parseCivilDate(s.asOf)).not.toThrow();
  });

  it('cover every deadline clause of the Rules implemented here', () => {
    const covered = new Set(all.flatMap((s) => s.clauses));
    for (const c of ['p.12', 'p.13', 'p.14', 'p.16', 'p.17', 'p.18', 'p.19', 'p.22', 'p.27', 'p.28', 'p.29', 'p.30', 'p.31']) expect(covered).toContain(c);
  });

  for (const [file, scenarios] of Object.entries(SUITES)) {
    describe(file, () => {
      for (const s of scenarios) {
        it(s.name, () => {
          if (s.expected.error) {
            expect(() => run(s)).toThrow(expect.objectContaining({ code: s.expected.error }));
            return;
          }
          const result = run(s);
          if ('value' in s.expected) {
            expect(plain(result)).toEqual(s.expected.value);
            return;
          }
          const d = result as Deadline;
          expect(d.date.toString()).toBe(s.expected.date);
          expect(d.clause).toBe(s.expected.clause);
          if (s.expected.explanationEn) expect(d.explanation.en).toContain(s.expected.explanationEn);
          for (const lang of ['kk', 'ru', 'en'] as const) expect(d.explanation[lang]).toContain(s.expected.date);
        });
      }
    });
  }
});
