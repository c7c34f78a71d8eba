/** Civil dates for payment use cases: the Almaty day of an instant, and strict ISO parsing with a field error. */
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../errors';
import type { Deadline } from '../rules/explain';

export const TIME_ZONE = 'Asia/Almaty';

/** The civil date in Asia/Almaty of an instant (the injected clock's `at`). */
export function almatyDay(at: Temporal.Instant): Temporal.PlainDate {
  return at.toZonedDateTimeISO(TIME_ZONE).toPlainDate();
}

/** Parses 'YYYY-MM-DD' or throws VALIDATION naming the field. */
export function isoDate(value: string, path: string): Temporal.PlainDate {
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error('format');
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    throw new AppError('VALIDATION', [{ path, message: 'күн YYYY-MM-DD пішімінде болуы керек | дата должна быть в формате YYYY-MM-DD | the date must be YYYY-MM-DD' }]);
  }
}

/** A deadline as stored in jsonb: step name, date, clause and the kk/ru/en explanation. */
export function storedDeadline(step: string, d: Deadline): { step: string; date: string; clause: string; explanation: Deadline['explanation'] } {
  return { step, date: d.date.toString(), clause: d.clause, explanation: d.explanation };
}

/** Runs a rules-core date computation, turning an out-of-calendar date into VALIDATION on `path`. */
export function onCalendar<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError) throw e;
    const m = (e as Error).message;
    throw new AppError('VALIDATION', [{ path, message: `${m} | ${m} | ${m}` }]);
  }
}
