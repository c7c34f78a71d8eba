/**
 * Every statutory deadline of the Koksu Rules (decision 15-63 as amended by 35-140), each returning a
 * `Deadline`: the last civil date on which the act is on time, the clause, and a kk/ru/en explanation of
 * how the date was counted. Pure: callers pass the calendar (buildCalendar) and the dates of the events.
 *
 * Counting convention (ONE choice, configurable per call, default 'trigger-day-is-day-0'): "within N
 * working days from X" ends at the end of the N-th working day after the day of X; the day of X is day 0
 * whether or not it is a working day. The alternative 'trigger-day-is-day-1' counts the day of X as the
 * first day when it is a working day. The convention applies to "within N working days" periods only;
 * fixed dates (p.27 the 29th, p.28 "before the 1st", p.31 the month's last working day) and "at least N
 * working days before" (p.18 hearing notice) do not depend on it.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Deadline, Text } from './explain';
import {
  addWorkingDays,
  arrivalInOfficeTime,
  epochDayOfDate,
  formatCivilDate,
  DEFAULT_OFFICE_HOURS,
  isWorkingDay,
  lastWorkingDayOfMonth,
  nextWorkingDay,
  subtractWorkingDays,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  workingDaysBetween,
  type Calendar,
  type OfficeHours,
} from './calendar/calendar';

export const COUNTING_CONVENTIONS = ['trigger-day-is-day-0', 'trigger-day-is-day-1'] as const;
export type CountingConvention = (typeof COUNTING_CONVENTIONS)[number];
export const DEFAULT_COUNTING_CONVENTION: CountingConvention = 'trigger-day-is-day-0';

export interface DeadlineOptions {
  readonly convention?: CountingConvention;
}

/** Thrown for inputs a deadline cannot be computed from; `code` is stable, tests assert it. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
  constructor(
    readonly code: 'INVALID_EXTENSION_BASIS' | 'INVALID_DEADLINE_INPUT',
    message: string,
  ) {
    super(message);
  }
}

// --------------------------------------------------------------------------------- wording helpers

/** A clause in each language's usual form: p.18 → «18-т.», «п. 18», «p.18». */
export function clauseText(clause: string): Text {
  const n = clause.replace(/^p\./, '');
  return { kk: `${n}-т.`, ru: `п. ${n}`, en: `p.${n}` };
}

function ruPlural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

function enWorkingDays(n: number): string {
  return `${n} working day${n === 1 ? '' : 's'}`;
}

function ruWorkingDays(n: number): string {
  return `${n} ${ruPlural(n, 'рабочий день', 'рабочих дня', 'рабочих дней')}`;
}

/** Non-working days strictly between a and b (a < b), for the explanation. */
function skippedDaysOff(cal: Calendar, a: Temporal.PlainDate, b: Temporal.PlainDate): number {
  const calendarDays = epochDayOfDate(b) - epochDayOfDate(a);
  if (calendarDays <= 1) return 0;
  const workingInside = workingDaysBetween(cal, a, b) - (isWorkingDay(cal, b) ? 1 : 0);
  return calendarDays - 1 - workingInside;
}

function skippedText(n: number): Text {
  if (n === 0) return { kk: '', ru: '', en: '' };
  return {
    kk: `; ${n} жұмыс емес күн есептелмеді`,
    ru: `; ${n} ${ruPlural(n, 'нерабочий день не учтён', 'нерабочих дня не учтены', 'нерабочих дней не учтены')}`,
    en: `; ${n} non-working day${n === 1 ? '' : 's'} not counted`,
  };
}

function conventionText(convention: CountingConvention): Text {
  return convention === 'trigger-day-is-day-0'
    ? { kk: 'оқиға күні есепке алынбайды', ru: 'день события не считается', en: 'the day of the event is day 0' }
    : { kk: 'оқиға жұмыс күні болса, бірінші күн болып есептеледі', ru: 'день события, если он рабочий, считается первым днём', en: 'the day of the event counts as day 1 when it is a working day' };
}

// ------------------------------------------------------------------------------ statutory periods

export interface StatutoryPeriod {
  readonly clause: string;
  readonly workingDays: number;
  /** The event that starts the period, worded to follow "from" (en), «со дня» (ru), and as a kk clause. */
  readonly event: Text;
}

/** Every "within N working days" of the Rules, with the event that starts it. */
export const STATUTORY_PERIODS = {
  /** p.12: documents to the precinct commission (grounds 6.1, 6.2, 6.4) within 1 WD of registration. */
  precinctRouting: { clause: 'p.12', workingDays: 1, event: { kk: 'өтініш тіркелді', ru: 'регистрации заявления', en: 'registration of the application' } },
  /** p.13: precinct commission surveys within 2 WD of receiving the documents. */
  precinctSurvey: { clause: 'p.13', workingDays: 2, event: { kk: 'учаскелік комиссия құжаттарды алды', ru: 'получения документов участковой комиссией', en: 'receipt of the documents by the precinct commission' } },
  /** p.13: the rural akim forwards the act, conclusion and documents within 2 WD. */
  akimForwarding: { clause: 'p.13', workingDays: 2, event: { kk: 'әкім зерттеп-қарау актісі мен қорытындыны алды', ru: 'получения акимом акта обследования и заключения', en: 'receipt of the survey act and conclusion by the akim' } },
  /** p.16: the authorized body computes per-capita income and passes the file on within 1 WD. */
  incomeComputation: { clause: 'p.16', workingDays: 1, event: { kk: 'уәкілетті орган құжаттарды алды', ru: 'получения документов уполномоченным органом', en: 'receipt of the file by the authorized body' } },
  /** p.17: the special commission concludes within 2 WD. */
  specialCommission: { clause: 'p.17', workingDays: 2, event: { kk: 'арнайы комиссия құжаттарды алды', ru: 'получения документов специальной комиссией', en: 'receipt of the file by the special commission' } },
  /** p.18: decision within 8 WD of registration. */
  decision: { clause: 'p.18', workingDays: 8, event: { kk: 'өтініш берушінің құжаттары тіркелді', ru: 'регистрации документов заявителя', en: 'registration of the documents' } },
  /** p.18 second paragraph: in the cases of p.14 and p.15, decision within 20 WD of acceptance of the documents. */
  decisionExtended: { clause: 'p.18', workingDays: 20, event: { kk: 'өтініш берушіден немесе әкімнен құжаттар қабылданды', ru: 'принятия документов от заявителя или акима', en: 'acceptance of the documents from the applicant or the akim' } },
  /** p.18: the applicant may object within 2 WD of receiving the preliminary decision. */
  objection: { clause: 'p.18', workingDays: 2, event: { kk: 'өтініш беруші алдын ала шешімді алды', ru: 'получения заявителем предварительного решения', en: 'receipt of the preliminary decision by the applicant' } },
  /** p.18: remarks on the hearing protocol within 3 WD after reading it. */
  protocolRemarks: { clause: 'p.18', workingDays: 3, event: { kk: 'өтініш беруші тыңдау хаттамасымен танысты', ru: 'ознакомления заявителя с протоколом заслушивания', en: 'the applicant reading the hearing protocol' } },
  /** p.19: notice to the portal personal cabinet within 1 WD of the decision. */
  cabinetNotice: { clause: 'p.19', workingDays: 1, event: { kk: 'шешім қабылданды', ru: 'принятия решения', en: 'the decision' } },
  /** p.22: recipients report circumstances affecting their right within 10 WD. */
  changeReport: { clause: 'p.22', workingDays: 10, event: { kk: 'құқыққа әсер ететін мән-жай туындады', ru: 'возникновения обстоятельства, влияющего на право', en: 'the circumstance affecting the right arising' } },
  /** p.28: the State Corporation sends the application on the demand amount no later than the next WD. */
  demandApplication: { clause: 'p.28', workingDays: 1, event: { kk: 'сұраныс қалыптастырылды', ru: 'формирования потребности', en: 'forming the demand' } },
  /** p.28: the authorized body transfers the money within 2 WD of receiving the application. */
  transfer: { clause: 'p.28', workingDays: 2, event: { kk: 'сұраныс сомасы туралы өтінім түсті', ru: 'поступления заявки на сумму потребности', en: 'receipt of the application on the demand amount' } },
  /** p.29: payment orders and crediting within 2 WD after the transfer arrives. */
  paymentOrders: { clause: 'p.29', workingDays: 2, event: { kk: 'трансферттер түсті', ru: 'поступления трансфертов', en: 'arrival of the transfer' } },
  /** p.30: the information system is updated within 3 WD of receiving returned-sum data. */
  returnedSumUpdate: { clause: 'p.30', workingDays: 3, event: { kk: 'төлем ұйымынан қайтарылған сома туралы мәліметтер алынды', ru: 'получения сведений о возврате от организации по выплате', en: 'receipt of the returned-sum data from the payment organisation' } },
} as const satisfies Record<string, StatutoryPeriod>;
export type StatutoryPeriodKey = keyof typeof STATUTORY_PERIODS;

/** N working days after `from` under the counting convention (see the module comment). */
export function countWorkingDays(cal: Calendar, from: Temporal.PlainDate, n: number, convention: CountingConvention = DEFAULT_COUNTING_CONVENTION): Temporal.PlainDate {
  if (convention === 'trigger-day-is-day-1' && n >= 1 && isWorkingDay(cal, from)) return addWorkingDays(cal, from, n - 1);
  return addWorkingDays(cal, from, n);
}

function periodDeadlineWith(cal: Calendar, period: StatutoryPeriod, from: Temporal.PlainDate, options: DeadlineOptions, extra: Text = { kk: '', ru: '', en: '' }): Deadline {
  const convention = options.convention ?? DEFAULT_COUNTING_CONVENTION;
  const date = countWorkingDays(cal, from, period.workingDays, convention);
  const n = period.workingDays;
  const c = clauseText(period.clause);
  const conv = conventionText(convention);
  const skipped = skippedText(skippedDaysOff(cal, from, date));
  return {
    date,
    clause: period.clause,
    explanation: {
      kk: `${formatCivilDate(from)} күні ${period.event.kk}; осы күннен бастап ${n} жұмыс күні ішінде (${c.kk}${extra.kk}; ${conv.kk}${skipped.kk}): соңғы күн — ${formatCivilDate(date)}.`,
      ru: `${ruWorkingDays(n)} со дня ${period.event.ru} ${formatCivilDate(from)} (${c.ru}${extra.ru}; ${conv.ru}${skipped.ru}): последний день — ${formatCivilDate(date)}.`,
      en: `${enWorkingDays(n)} from ${period.event.en} on ${formatCivilDate(from)} (${c.en}${extra.en}; ${conv.en}${skipped.en}): last day ${formatCivilDate(date)}.`,
    },
  };
}

/** The deadline of one of the STATUTORY_PERIODS counted from the day of its triggering event. */
export function periodDeadline(cal: Calendar, period: StatutoryPeriodKey, from: Temporal.PlainDate, options: DeadlineOptions = {}): Deadline {
  return periodDeadlineWith(cal, STATUTORY_PERIODS[period], from, options);
}

// -------------------------------------------------------------------------------- p.12 – p.17

/**
 * p.12: the registration day of an application that arrived at `receivedAt` — that day if it is a working
 * day and within office hours, else the first working day after the day of arrival (local time).
 */
export function registrationDeadline(cal: Calendar, input: { readonly receivedAt: Temporal.Instant; readonly officeHours?: OfficeHours }): Deadline {
  const hours = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  const a = arrivalInOfficeTime(cal, input.receivedAt, hours);
  const date = a.withinWorkingTime ? a.localDate : nextWorkingDay(cal, a.localDate);
  const when = `${formatCivilDate(a.localDate)} ${a.localTime.toString({ smallestUnit: 'minute' })} (${hours.timeZone}, UTC${a.offset})`;
  const span = `${hours.start}–${hours.end}`;
  const c = clauseText('p.12');
  return {
    date,
    clause: 'p.12',
    explanation: a.withinWorkingTime
      ? {
          kk: `Өтініш ${when} жұмыс уақытында (${span}) түсті: сол күні тіркеледі (${c.kk}) — ${formatCivilDate(date)}.`,
          ru: `Заявление поступило ${when} в рабочее время (${span}): регистрируется в тот же день (${c.ru}) — ${formatCivilDate(date)}.`,
          en: `Received ${when} within working time (${span}): registered the same day (${c.en}), ${formatCivilDate(date)}.`,
        }
      : {
          kk: `Өтініш ${when} жұмыс уақытынан тыс түсті (жұмыс күндері ${span}): түскен күннен кейінгі бірінші жұмыс күні тіркеледі (${c.kk}) — ${formatCivilDate(date)}.`,
          ru: `Заявление поступило ${when} вне рабочего времени (рабочие дни, ${span}): регистрируется в первый рабочий день после дня поступления (${c.ru}) — ${formatCivilDate(date)}.`,
          en: `Received ${when} outside working time (working days ${span}): registered on the first working day after the day of receipt (${c.en}), ${formatCivilDate(date)}.`,
        },
  };
}

/** p.12: send the documents to the precinct commission (grounds 6.1, 6.2, 6.4) within 1 WD of registration. */
export function precinctRoutingDeadline(cal: Calendar, input: { readonly registeredOn: Temporal.PlainDate }, options: DeadlineOptions = {}): Deadline {
  return periodDeadline(cal, 'precinctRouting', input.registeredOn, options);
}

/** p.13: the precinct commission's survey (act form 2, conclusion form 3) within 2 WD of receiving the documents. */
export function precinctSurveyDeadline(cal: Calendar, input: { readonly documentsReceivedOn: Temporal.PlainDate }, options: DeadlineOptions = {}): Deadline {
  return periodDeadline(cal, 'precinctSurvey', input.documentsReceivedOn, options);
}

/** p.13: the rural akim forwards act, conclusion and documents to the authorized body within 2 WD. */
export function akimForwardingDeadline(cal: Calendar, input: { readonly surveyReceivedOn: Temporal.PlainDate }, options: DeadlineOptions = {}): Deadline {
  return periodDeadline(cal, 'akimForwarding', input.surveyReceivedOn, options);
}

/** p.16: per-capita income computed and the file passed to the special commission within 1 WD. */
export function incomeComputationDeadline(cal: Calendar, input: { readonly fileReceivedOn: Temporal.PlainDate }, options: DeadlineOptions = {}): Deadline {
  return periodDeadline(cal, 'incomeComputation', input.fileReceivedOn, options);
}

/** p.17: the special commission's conclusion within 2 WD of receiving the file. */
export function specialCommissionDeadline(cal: Calendar, input: { readonly fileReceivedOn: Temporal.PlainDate }, options: DeadlineOptions = {}): Deadline {
  return periodDeadline(cal, 'specialCommission', input.fileReceivedOn, options);
}

// ------------------------------------------------------------------------------------------ p.18

/** The recorded legal basis that alone moves a case to the 20-working-day track (p.18 with p.14/p.15). */
export interface ExtensionBasis {
  /** p.14: documents insufficient, data requested from other bodies; p.15: applicant cannot present documents. */
  readonly clause: 'p.14' | 'p.15';
  readonly reason: string;
  readonly recordedOn: Temporal.PlainDate;
}

const extensionBasisSchema = z
  .object({
    clause: z.enum(['p.14', 'p.15']),
    reason: z.string().trim().min(1, 'a reason must be recorded'),
    recordedOn: z.instanceof(Temporal.PlainDate, { message: 'recordedOn must be a civil date' }),
  })
  .strict();

/**
 * Validates a legal basis for the 20-WD track; anything but p.14/p.15 with a recorded reason and date is
 * rejected with DeadlineError('INVALID_EXTENSION_BASIS').
 */
export function validateExtensionBasis(basis: unknown): ExtensionBasis {
  const parsed = extensionBasisSchema.safeParse(basis);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'basis'}: ${i.message}`).join('; ');
    throw new DeadlineError('INVALID_EXTENSION_BASIS', `The 20-working-day track (p.18) needs a recorded basis under p.14 or p.15: ${why}`);
  }
  return parsed.data;
}

export interface DecisionDeadlineInput {
  /** Registration day of the applicant's documents (p.12). */
  readonly registeredOn: Temporal.PlainDate;
  /** The p.14/p.15 track: 20 WD from acceptance of the documents from the applicant or the akim. */
  readonly extension?: { readonly documentsAcceptedOn: Temporal.PlainDate; readonly basis: ExtensionBasis } | null;
}

/**
 * p.18: the decision (form 4) within 8 WD of registration; in the cases of p.14 and p.15 — only with a
 * recorded basis — within 20 WD of acceptance of the documents from the applicant or the akim.
 */
export function decisionDeadline(cal: Calendar, input: DecisionDeadlineInput, options: DeadlineOptions = {}): Deadline {
  if (!input.extension) return periodDeadline(cal, 'decision', input.registeredOn, options);
  const basis = validateExtensionBasis(input.extension.basis);
  if (!(input.extension.documentsAcceptedOn instanceof Temporal.PlainDate)) {
    throw new DeadlineError('INVALID_EXTENSION_BASIS', 'The 20-working-day track (p.18) needs the date the documents were accepted');
  }
  if (Temporal.PlainDate.compare(basis.recordedOn, input.registeredOn) < 0) {
    throw new DeadlineError('INVALID_EXTENSION_BASIS', `The ${basis.clause} basis is recorded on ${formatCivilDate(basis.recordedOn)}, before registration on ${formatCivilDate(input.registeredOn)}`);
  }
  const on = formatCivilDate(basis.recordedOn);
  const b = clauseText(basis.clause);
  return periodDeadlineWith(cal, STATUTORY_PERIODS.decisionExtended, input.extension.documentsAcceptedOn, options, {
    kk: `, ${b.kk} жағдайы: «${basis.reason}», ${on} тіркелген`,
    ru: `, случай ${b.ru}: «${basis.reason}», записан ${on}`,
    en: `, case of ${b.en}: "${basis.reason}", recorded ${on}`,
  });
}

/**
 * p.18 hearing: the latest day to notify the applicant of the preliminary decision to refuse and of the
 * hearing — at least 3 working days before the planned decision, i.e. the 3rd working day before it
 * (notice day + 3 WD = decision day). Independent of the counting convention.
 */
export function preliminaryDecisionNoticeDeadline(cal: Calendar, input: { readonly plannedDecisionOn: Temporal.PlainDate }): Deadline {
  const date = subtractWorkingDays(cal, input.plannedDecisionOn, 3);
  const p = formatCivilDate(input.plannedDecisionOn);
  const c = clauseText('p.18');
  return {
    date,
    clause: 'p.18',
    explanation: {
      kk: `Алдын ала шешім мен тыңдау туралы хабарлама шешімнен кемінде үш жұмыс күні бұрын (${c.kk}); шешім ${p} жоспарланған: хабарлаудың соңғы күні — ${formatCivilDate(date)}.`,
      ru: `Уведомление о предварительном решении и заслушивании — не менее чем за три рабочих дня до решения (${c.ru}); решение планируется ${p}: последний день уведомления — ${formatCivilDate(date)}.`,
      en: `Notice of the preliminary decision and the hearing at least 3 working days before the decision (${c.en}); decision planned on ${p}: last day to notify ${formatCivilDate(date)}.`,
    },
  };
}

/** p.18: the applicant's objection to the preliminary decision within 2 WD of receiving it. */
export function objectionDeadline(cal: Calendar, input: { readonly preliminaryDecisionReceivedOn: Temporal.PlainDate }, options: DeadlineOptions = {}): Deadline {
  return periodDeadline(cal, 'objection', input.preliminaryDecisionReceivedOn, options);
}

/** p.18: the applicant's remarks on the hearing protocol within 3 WD after reading it. */
export function protocolRemarksDeadline(cal: Calendar, input: { readonly protocolReadOn: Temporal.PlainDate }, options: DeadlineOptions = {}): Deadline {
  return periodDeadline(cal, 'protocolRemarks', input.protocolReadOn, options);
}

// ------------------------------------------------------------------------------------ p.19, p.22

/** p.19: automatic notice to the portal personal cabinet within 1 WD of the decision. */
export function cabinetNoticeDeadline(cal: Calendar, input: { readonly decidedOn: Temporal.PlainDate }, options: DeadlineOptions = {}): Deadline {
  return periodDeadline(cal, 'cabinetNotice', input.decidedOn, options);
}

/** p.22: the recipient reports a circumstance affecting the right within 10 WD of it arising. */
export function changeReportDeadline(cal: Calendar, input: { readonly eventOn: Temporal.PlainDate }, options: DeadlineOptions = {}): Deadline {
  return periodDeadline(cal, 'changeReport', input.eventOn, options);
}

// --------------------------------------------------------------------------------- p.27 – p.31

export type Periodicity = 'one-time' | 'monthly' | 'quarterly';

export type DemandFormationInput =
  | { readonly periodicity: 'one-time'; readonly decisionReceivedOn: Temporal.PlainDate }
  | { readonly periodicity: 'monthly' | 'quarterly'; readonly paymentMonth: Temporal.PlainYearMonth };

/**
 * p.27: when the State Corporation forms the budget demand.
 * - One-time payments ("daily"): on the day the decision reaches the State Corporation if that is a
 *   working day, otherwise on the next working day.
 * - Monthly and quarterly payments ("by the 29th of the month before the payment month"): the 29th of that
 *   month; in a month without a 29th (February of a common year) its last day. A non-working date moves
 *   BACK to the last working day before it — acting earlier is always "by the 29th", and moving forward
 *   would eat into the p.28 chain that must end before the 1st of the payment month. One documented choice.
 */
export function demandFormationDeadline(cal: Calendar, input: DemandFormationInput): Deadline {
  const c = clauseText('p.27');
  if (input.periodicity === 'one-time') {
    const date = workingDayOnOrAfter(cal, input.decisionReceivedOn);
    const r = formatCivilDate(input.decisionReceivedOn);
    const moved = !date.equals(input.decisionReceivedOn);
    return {
      date,
      clause: 'p.27',
      explanation: {
        kk: `Біржолғы төлемдер бойынша сұраныс күн сайын қалыптастырылады (${c.kk}): шешім ${r} түсті${moved ? ', бұл жұмыс емес күн, сондықтан келесі жұмыс күні' : ''} — ${formatCivilDate(date)}.`,
        ru: `По единовременным выплатам потребность формируется ежедневно (${c.ru}): решение поступило ${r}${moved ? ', это нерабочий день, поэтому в следующий рабочий день' : ''} — ${formatCivilDate(date)}.`,
        en: `One-time payments: the demand is formed daily (${c.en}); the decision reached the State Corporation on ${r}${moved ? ', a non-working day, so the next working day' : ''}: ${formatCivilDate(date)}.`,
      },
    };
  }
  const before = input.paymentMonth.subtract({ months: 1 });
  const day = Math.min(29, before.daysInMonth);
  const nominal = Temporal.PlainDate.from({ year: before.year, month: before.month, day });
  const date = workingDayOnOrBefore(cal, nominal);
  const pm = input.paymentMonth.toString();
  const kind = { monthly: { kk: 'Ай сайынғы', ru: 'ежемесячным', en: 'Monthly' }, quarterly: { kk: 'Тоқсан сайынғы', ru: 'ежеквартальным', en: 'Quarterly' } }[input.periodicity];
  const note = {
    kk: `${day === 29 ? '' : ` (айда 29-ы жоқ — айдың соңғы күні ${formatCivilDate(nominal)})`}${date.equals(nominal) ? '' : `; ${formatCivilDate(nominal)} жұмыс емес күн, сондықтан алдыңғы жұмыс күні`}`,
    ru: `${day === 29 ? '' : ` (в месяце нет 29-го — последний день месяца ${formatCivilDate(nominal)})`}${date.equals(nominal) ? '' : `; ${formatCivilDate(nominal)} — нерабочий день, поэтому предыдущий рабочий день`}`,
    en: `${day === 29 ? '' : ` (the month has no 29th, so its last day ${formatCivilDate(nominal)})`}${date.equals(nominal) ? '' : `; ${formatCivilDate(nominal)} is a non-working day, so the working day before it`}`,
  };
  return {
    date,
    clause: 'p.27',
    explanation: {
      kk: `${kind.kk} төлемдер бойынша сұраныс төлем айының (${pm}) алдындағы айдың 29-на дейін қалыптастырылады (${c.kk})${note.kk}: ${formatCivilDate(date)}.`,
      ru: `По ${kind.ru} выплатам потребность формируется к 29-му числу месяца, предшествующего месяцу выплаты ${pm} (${c.ru})${note.ru}: ${formatCivilDate(date)}.`,
      en: `${kind.en} payments: the demand is formed by the 29th of the month before the payment month ${pm} (${c.en})${note.en}: ${formatCivilDate(date)}.`,
    },
  };
}

/** p.28: the State Corporation sends the application on the demand amount no later than the next WD. */
export function demandApplicationDeadline(cal: Calendar, input: { readonly demandFormedOn: Temporal.PlainDate }, options: DeadlineOptions = {}): Deadline {
  return periodDeadline(cal, 'demandApplication', input.demandFormedOn, options);
}

/**
 * p.28: the authorized body transfers the money to the State Corporation.
 * - General rule: within 2 WD of receiving the application.
 * - Applications received after the 27th (28th or later) of the month before the payment month: before
 *   the 1st of the payment month, i.e. by the last working day of the month of receipt.
 * Combined: for such late applications the deadline is the EARLIER of the two (the special rule only
 * tightens). If no working day is left before the 1st on or after the day of receipt (e.g. received on a
 * Saturday the 30th), the "before the 1st" limit cannot be met and the 2-WD rule alone applies; the
 * explanation says so. Without a payment month (one-time payments) only the 2-WD rule applies.
 */
export function transferDeadline(
  cal: Calendar,
  input: { readonly applicationReceivedOn: Temporal.PlainDate; readonly paymentMonth?: Temporal.PlainYearMonth | null },
  options: DeadlineOptions = {},
): Deadline {
  const general = periodDeadline(cal, 'transfer', input.applicationReceivedOn, options);
  const pm = input.paymentMonth;
  if (!pm) return general;
  const r = input.applicationReceivedOn;
  const before = pm.subtract({ months: 1 });
  const late = r.year === before.year && r.month === before.month && r.day > 27;
  if (!late) return general;
  const c = clauseText('p.28');
  const firstOfPayment = Temporal.PlainDate.from({ year: pm.year, month: pm.month, day: 1 });
  const lastBefore = lastWorkingDayOfMonth(cal, before);
  if (Temporal.PlainDate.compare(lastBefore, r) < 0) {
    return {
      date: general.date,
      clause: 'p.28',
      explanation: {
        kk: `${general.explanation.kk} Өтінім ${formatCivilDate(r)} (27-сінен кейін) түсті, бірақ ${formatCivilDate(firstOfPayment)} дейін жұмыс күні қалмады — 2 жұмыс күні ережесі қолданылады (${c.kk}).`,
        ru: `${general.explanation.ru} Заявка поступила ${formatCivilDate(r)} (после 27-го), но до ${formatCivilDate(firstOfPayment)} не осталось рабочих дней — применяется правило 2 рабочих дней (${c.ru}).`,
        en: `${general.explanation.en} The application arrived on ${formatCivilDate(r)} (after the 27th) when no working day was left before ${formatCivilDate(firstOfPayment)}: the 2-working-day rule applies (${c.en}).`,
      },
    };
  }
  const date = Temporal.PlainDate.compare(lastBefore, general.date) < 0 ? lastBefore : general.date;
  return {
    date,
    clause: 'p.28',
    explanation: {
      kk: `Өтінім ${formatCivilDate(r)} — төлем айы (${pm.toString()}) алдындағы айдың 27-сінен кейін түсті: қаражат ${formatCivilDate(firstOfPayment)} дейін аударылады, яғни соңғы жұмыс күні ${formatCivilDate(lastBefore)}; 2 жұмыс күні мерзімі — ${formatCivilDate(general.date)}; ерте күн қолданылады (${c.kk}): ${formatCivilDate(date)}.`,
      ru: `Заявка поступила ${formatCivilDate(r)} — после 27-го числа месяца, предшествующего месяцу выплаты ${pm.toString()}: средства перечисляются до ${formatCivilDate(firstOfPayment)}, то есть не позднее последнего рабочего дня ${formatCivilDate(lastBefore)}; срок 2 рабочих дней — ${formatCivilDate(general.date)}; применяется более ранняя дата (${c.ru}): ${formatCivilDate(date)}.`,
      en: `Application received on ${formatCivilDate(r)}, after the 27th of the month before the payment month ${pm.toString()}: money goes before ${formatCivilDate(firstOfPayment)}, i.e. by the last working day ${formatCivilDate(lastBefore)}; the 2-working-day limit is ${formatCivilDate(general.date)}; the earlier applies (${c.en}): ${formatCivilDate(date)}.`,
    },
  };
}

/** p.29: payment orders formed and recipients' accounts credited within 2 WD after the transfer arrives. */
export function paymentOrderDeadline(cal: Calendar, input: { readonly transferArrivedOn: Temporal.PlainDate }, options: DeadlineOptions = {}): Deadline {
  return periodDeadline(cal, 'paymentOrders', input.transferArrivedOn, options);
}

/** p.30: the information system updated within 3 WD of receiving data on a returned sum. */
export function returnedSumUpdateDeadline(cal: Calendar, input: { readonly dataReceivedOn: Temporal.PlainDate }, options: DeadlineOptions = {}): Deadline {
  return periodDeadline(cal, 'returnedSumUpdate', input.dataReceivedOn, options);
}

/** p.31: over-credited sums that reached the State Corporation's account go back by the last WD of that month. */
export function overCreditedReturnDeadline(cal: Calendar, input: { readonly arrivedOn: Temporal.PlainDate }): Deadline {
  const date = lastWorkingDayOfMonth(cal, input.arrivedOn);
  const a = formatCivilDate(input.arrivedOn);
  const c = clauseText('p.31');
  return {
    date,
    clause: 'p.31',
    explanation: {
      kk: `Артық есептелген сома ${a} түсті; ағымдағы айдың соңғы жұмыс күнінен кешіктірмей қайтарылады (${c.kk}): ${formatCivilDate(date)}.`,
      ru: `Излишне зачисленная сумма поступила ${a}; возвращается не позднее последнего рабочего дня текущего месяца (${c.ru}): ${formatCivilDate(date)}.`,
      en: `Over-credited sum arrived on ${a}; returned no later than the last working day of the current month (${c.en}): ${formatCivilDate(date)}.`,
    },
  };
}

// ------------------------------------------------------------------------------- target and hard

export const TIMING_STATUSES = ['on-time', 'at-risk', 'overdue'] as const;
export type TimingStatus = (typeof TIMING_STATUSES)[number];

/** Default warning margin: the target is this many working days before the statutory limit. */
export const DEFAULT_WARNING_MARGIN_WD = 2;

export interface CaseTimingInput {
  /** The statutory limit (from one of the functions above). Never moved by anything here. */
  readonly hard: Deadline;
  /** The day judged. */
  readonly asOf: Temporal.PlainDate;
  /** Working days between the target and the hard date; default DEFAULT_WARNING_MARGIN_WD. */
  readonly warningMarginWd?: number;
  /** Intervals (both ends included) when the office's own clock was paused; they move only the target. */
  readonly pauses?: readonly { readonly from: Temporal.PlainDate; readonly to: Temporal.PlainDate }[];
  /** When the act was done, if it was: the status then judges that day. */
  readonly completedOn?: Temporal.PlainDate | null;
}

export interface CaseTiming {
  readonly hard: Deadline;
  /** Internal target: hard − margin WD, moved later by paused working days, never later than `hard`. */
  readonly target: Temporal.PlainDate;
  readonly status: TimingStatus;
  /** Working days from asOf to the hard date, (asOf, hard]; negative when overdue. */
  readonly workingDaysLeft: number;
  readonly pausedWorkingDays: number;
}

/**
 * A case's target and hard dates and its status on `asOf`: 'overdue' after the hard date, 'at-risk' from
 * the target date to the hard date, else 'on-time'; when `completedOn` is given, 'on-time' if it was done
 * by the hard date, else 'overdue'. Pauses never move the hard date, and the target is clamped to it, so
 * no pause can push past the statutory limit.
 */
export function caseTiming(cal: Calendar, input: CaseTimingInput): CaseTiming {
  const margin = input.warningMarginWd ?? DEFAULT_WARNING_MARGIN_WD;
  if (!Number.isInteger(margin) || margin < 0) throw new DeadlineError('INVALID_DEADLINE_INPUT', `warningMarginWd must be a whole number ≥ 0, got ${margin}`);
  const hard = input.hard.date;
  // Merge pauses, then count the working days they cover.
  const sorted = [...(input.pauses ?? [])].sort((a, b) => Temporal.PlainDate.compare(a.from, b.from));
  let paused = 0;
  let coveredTo: Temporal.PlainDate | null = null;
  for (const p of sorted) {
    if (Temporal.PlainDate.compare(p.to, p.from) < 0) throw new DeadlineError('INVALID_DEADLINE_INPUT', `pause ends ${formatCivilDate(p.to)} before it starts ${formatCivilDate(p.from)}`);
    const start: Temporal.PlainDate = coveredTo && Temporal.PlainDate.compare(p.from, coveredTo) <= 0 ? coveredTo.add({ days: 1 }) : p.from;
    if (Temporal.PlainDate.compare(start, p.to) > 0) continue;
    paused += workingDaysBetween(cal, start, p.to) + (isWorkingDay(cal, start) ? 1 : 0);
    coveredTo = coveredTo && Temporal.PlainDate.compare(coveredTo, p.to) > 0 ? coveredTo : p.to;
  }
  let target = subtractWorkingDays(cal, hard, margin);
  if (paused > 0) {
    const room = workingDaysBetween(cal, target, hard);
    target = paused >= room ? hard : addWorkingDays(cal, target, paused);
  }
  const judged = input.completedOn ?? input.asOf;
  let status: TimingStatus;
  if (Temporal.PlainDate.compare(judged, hard) > 0) status = 'overdue';
  else if (input.completedOn) status = 'on-time';
  else status = Temporal.PlainDate.compare(judged, target) >= 0 ? 'at-risk' : 'on-time';
  return { hard: input.hard, target, status, workingDaysLeft: workingDaysBetween(cal, input.asOf, hard), pausedWorkingDays: paused };
}
