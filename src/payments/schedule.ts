/**
 * The payment schedule of a decision (p.26, p.27): which payments, for which period, in which financial
 * year, and by when the State Corporation must form the demand that includes each one — dates from the
 * rules core (demandFormationDeadline) on the working-day calendar, never computed here.
 */
import { Temporal } from 'temporal-polyfill';
import type { Calendar } from '../rules/calendar';
import { demandFormationDeadline, type Periodicity } from '../rules/deadlines';
import type { Deadline } from '../rules/explain';
import { AppError } from '../errors';

export interface ScheduledPayment {
  /** 'once' | 'YYYY-MM' | 'YYYY-Qn': with the basis and the recipient, the payment's unique key. */
  readonly period: string;
  readonly payOn: Temporal.PlainDate;
  readonly financialYear: number;
  /** p.27: the demand deadline and its explanation. */
  readonly demand: Deadline;
}

export interface ScheduleInput {
  readonly periodicity: Periodicity;
  /** The first payment date of the decision (for periodic payments its month is the first payment month). */
  readonly firstPaymentDate: Temporal.PlainDate;
  /** Number of payments (1 for one-time). */
  readonly periods: number;
  /** The day the decision reaches the State Corporation (p.26): the decision day. */
  readonly decidedOn: Temporal.PlainDate;
}

/** The dated payments of one decision. Throws VALIDATION for impossible inputs or dates off the calendar. */
export function scheduleDecisionPayments(cal: Calendar, input: ScheduleInput): ScheduledPayment[] {
  const { periodicity, firstPaymentDate, periods } = input;
  if (!Number.isInteger(periods) || periods < 1 || periods > 120) throw new AppError('VALIDATION', [{ path: 'periods', message: 'кезеңдер саны 1..120 | число периодов 1..120 | periods must be 1..120' }]);
  if (periodicity === 'one-time' && periods !== 1) throw new AppError('VALIDATION', [{ path: 'periods', message: 'біржолғы төлем — бір кезең | единовременная выплата — один период | a one-time payment has one period' }]);
  try {
    if (periodicity === 'one-time') {
      const received = Temporal.PlainDate.compare(firstPaymentDate, input.decidedOn) > 0 ? firstPaymentDate : input.decidedOn;
      return [{ period: 'once', payOn: firstPaymentDate, financialYear: firstPaymentDate.year, demand: demandFormationDeadline(cal, { periodicity, decisionReceivedOn: received }) }];
    }
    const step = periodicity === 'monthly' ? 1 : 3;
    const first = firstPaymentDate.toPlainYearMonth();
    const out: ScheduledPayment[] = [];
    for (let i = 0; i < periods; i++) {
      const month = first.add({ months: i * step });
      const payOn = i === 0 ? firstPaymentDate : month.toPlainDate({ day: 1 });
      const period = periodicity === 'monthly' ? month.toString() : `${month.year}-Q${Math.ceil(month.month / 3)}`;
      out.push({ period, payOn, financialYear: month.year, demand: demandFormationDeadline(cal, { periodicity, paymentMonth: month }) });
    }
    return out;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', [{ path: 'firstPaymentDate', message: `${(e as Error).message} | ${(e as Error).message} | ${(e as Error).message}` }]);
  }
}
