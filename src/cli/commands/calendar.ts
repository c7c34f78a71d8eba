/**
 * `komek calendar …`: the working-day calendar the deadlines of the Rules are counted on (p.12–p.31).
 * Uses the calendar data shipped with Komek (src/rules/calendar/kz-calendar.json); administrator overrides
 * stored in the database are not applied here.
 */
import { Temporal } from 'temporal-polyfill';
import { EXIT, UsageError, type CliCommand, type CliInput } from '../command';
import { addWorkingDays, CalendarRangeError, daysOff, defaultCalendar as calendar, parseCivilDate, workingDaysBetween } from '../../rules/calendar/calendar';

function dateOption(input: CliInput, name: string): Temporal.PlainDate {
  const raw = input.values[name];
  if (typeof raw !== 'string') throw new UsageError(`--${name} YYYY-MM-DD is required`);
  try {
    return parseCivilDate(raw);
  } catch (e) {
    throw new UsageError(`--${name}: ${(e as Error).message}`);
  }
}

/** Runs a calendar computation, turning out-of-range dates into a usage error (exit 2). */
function inRange<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CalendarRangeError) throw new UsageError(e.message);
    throw e;
  }
}

const daysOffCommand: CliCommand = {
  path: ['calendar', 'days-off'],
  summary: 'List the non-working days in a date range, with why and the legal source',
  usage: '--from YYYY-MM-DD --to YYYY-MM-DD [--json]',
  help: 'Both ends are included. --json prints an array of { date, kind, name_kk, name_ru, source }; kind is weekend | holiday | carried-over | transferred | religious.',
  options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
  async run(input) {
    const from = dateOption(input, 'from');
    const to = dateOption(input, 'to');
    if (Temporal.PlainDate.compare(from, to) > 0) throw new UsageError(`--from ${from.toString()} is after --to ${to.toString()}`);
    const list = inRange(() => daysOff(calendar(), from, to));
    if (input.values.json) {
      input.io.out(JSON.stringify(list.map((o) => ({ date: o.date.toString(), kind: o.kind, name_kk: o.name_kk, name_ru: o.name_ru, source: o.source })), null, 2) + '\n');
      return EXIT.ok;
    }
    const rows = list.map((o) => `${o.date.toString()}  ${o.kind.padEnd(12)}  ${o.name_kk} / ${o.name_ru}`);
    input.io.out([`Non-working days ${from.toString()} … ${to.toString()}: ${list.length}`, ...rows, ''].join('\n'));
    return EXIT.ok;
  },
};

const workingDaysCommand: CliCommand = {
  path: ['calendar', 'working-days'],
  summary: 'Count the working days after --from up to and including --to',
  usage: '--from YYYY-MM-DD --to YYYY-MM-DD',
  help: 'Counts the working days in (from, to]: the inverse of add-working-days. Negative when --to is before --from.',
  options: { from: { type: 'string' }, to: { type: 'string' } },
  async run(input) {
    const from = dateOption(input, 'from');
    const to = dateOption(input, 'to');
    input.io.out(`${inRange(() => workingDaysBetween(calendar(), from, to))}\n`);
    return EXIT.ok;
  },
};

const addWorkingDaysCommand: CliCommand = {
  path: ['calendar', 'add-working-days'],
  summary: 'The date N working days after --from (the day of --from is day 0)',
  usage: '--from YYYY-MM-DD --days N',
  help: 'N is a whole number ≥ 0; +1 is the first working day after --from, whether or not --from is a working day.',
  options: { from: { type: 'string' }, days: { type: 'string' } },
  async run(input) {
    const from = dateOption(input, 'from');
    const raw = input.values.days;
    if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new UsageError(`--days must be a whole number ≥ 0, got ${raw === undefined ? 'nothing' : `"${String(raw)}"`}`);
    input.io.out(`${inRange(() => addWorkingDays(calendar(), from, Number(raw))).toString()}\n`);
    return EXIT.ok;
  },
};

export const CALENDAR_COMMANDS: readonly CliCommand[] = [daysOffCommand, workingDaysCommand, addWorkingDaysCommand];
