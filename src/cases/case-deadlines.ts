/**
 * The deadlines of one case, recomputed from the rules core at every transition (p.12–p.18): the
 * decision deadline of p.18 (8 WD, or 20 WD on the recorded p.14/p.15 basis) while the case is open, and
 * the deadline of the step that waits now, with the role responsible for it. Dates come only from the
 * working-day calendar of src/rules; this module chooses which period applies to the case's state.
 */
import { Temporal } from 'temporal-polyfill';
import type { Role } from '../auth/roles';
import { formatCivilDate } from '../rules/calendar';
import type { Deadline, Text } from '../rules/explain';
import {
  akimForwardingDeadline,
  caseTiming,
  decisionDeadline,
  incomeComputationDeadline,
  precinctRoutingDeadline,
  precinctSurveyDeadline,
  specialCommissionDeadline,
} from '../rules/deadlines';
import type { CaseEnv } from './case-env';
import type { CaseStatus } from './case-status';

/** What the deadline computation reads of a case (columns of `application` and its survey/hearing). */
export interface DeadlineState {
  readonly status: CaseStatus;
  readonly channel: string;
  readonly surveyRequired: boolean;
  readonly registeredOn: string;
  readonly track: 'standard' | 'extended';
  readonly extensionClause: 'p.14' | 'p.15' | null;
  readonly extensionReason: string | null;
  readonly extensionRecordedOn: string | null;
  readonly documentsAcceptedOn: string | null;
  readonly routedOn: string | null;
  readonly surveyReceivedOn: string | null;
  readonly surveyForwardedOn: string | null;
  readonly surveyRefused: boolean;
  readonly fileReceivedOn: string | null;
  readonly specialReceivedOn: string | null;
  readonly specialNeeds: boolean | null;
  readonly hearingPlannedOn: string | null;
}

export interface CaseDeadline {
  /** The step that must be done (a TRANSITIONS name, or 'decide'). */
  readonly step: string;
  readonly role: Role;
  readonly clause: string;
  readonly hardOn: string;
  readonly targetOn: string;
  readonly explanation: Text;
}

export interface CaseDeadlines {
  readonly list: readonly CaseDeadline[];
  readonly next: CaseDeadline | null;
  readonly decisionHardOn: string | null;
}

const d = (s: string) => Temporal.PlainDate.from(s);

function entry(env: CaseEnv, step: string, role: Role, dl: Deadline, asOf: Temporal.PlainDate): CaseDeadline {
  // One working day of warning for the short (1–2 WD) periods, two for the longer ones.
  const short = dl.clause !== 'p.18';
  const timing = caseTiming(env.cal, { hard: dl, asOf, warningMarginWd: short ? 1 : 2 });
  return { step, role, clause: dl.clause, hardOn: dl.date.toString(), targetOn: timing.target.toString(), explanation: dl.explanation };
}

/** The p.18 decision deadline of a case (8 WD from registration, or 20 WD on the p.14/p.15 basis). */
export function decisionDeadlineOf(env: CaseEnv, s: DeadlineState): Deadline {
  const registeredOn = d(s.registeredOn);
  const opts = { convention: env.convention };
  if (s.track === 'extended' && s.extensionClause && s.extensionReason && s.extensionRecordedOn) {
    return decisionDeadline(env.cal, { registeredOn, extension: { documentsAcceptedOn: d(s.documentsAcceptedOn ?? s.registeredOn), basis: { clause: s.extensionClause, reason: s.extensionReason, recordedOn: d(s.extensionRecordedOn) } } }, opts);
  }
  return decisionDeadline(env.cal, { registeredOn }, opts);
}

/**
 * The deadlines computed per case environment (its calendar, convention), by every state field they read
 * and `asOf`: a pure computation that many cases of the same days repeat. A new environment (the
 * calendar or Rules changed: a new generation) starts empty. Entries are frozen (shared by callers).
 */
const computed = new WeakMap<CaseEnv, Map<string, CaseDeadlines>>();
/** Entries kept per environment before the map starts afresh (bounded memory; a day's cases fit). */
const MAX_COMPUTED = 4096;

/**
 * Every field computeCaseDeadlinesAnew reads (add a field here when it reads one more). Only the reason is
 * free text: JSON keeps it apart from null, and the other fields never contain '|'.
 */
function keyOf(s: DeadlineState, asOf: Temporal.PlainDate): string {
  return `${s.status}|${s.channel}|${s.surveyRequired}|${s.registeredOn}|${s.track}|${s.extensionClause}|${JSON.stringify(s.extensionReason)}|${s.extensionRecordedOn}|${s.documentsAcceptedOn}|${s.routedOn}|${s.surveyReceivedOn}|${s.surveyForwardedOn}|${s.surveyRefused}|${s.fileReceivedOn}|${s.specialReceivedOn}|${s.specialNeeds}|${formatCivilDate(asOf)}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The JSON text of a computed (deep-frozen, hence unchanging) deadlines list, made once per list. */
const listJson = new WeakMap<readonly CaseDeadline[], string>();

/** `JSON.stringify(deadlines.list)`, kept with the list when it is frozen (every list computeCaseDeadlines returns). */
export function deadlinesListJson(deadlines: CaseDeadlines): string {
  const list = deadlines.list;
  const known = listJson.get(list);
  if (known !== undefined) return known;
  const text = JSON.stringify(list);
  if (Object.isFrozen(list)) listJson.set(list, text);
  return text;
}

/** Recomputes every deadline of the case as it stands; `asOf` only places the warning target. */
export function computeCaseDeadlines(env: CaseEnv, s: DeadlineState, asOf: Temporal.PlainDate): CaseDeadlines {
  let byKey = computed.get(env);
  if (!byKey) computed.set(env, (byKey = new Map()));
  const key = keyOf(s, asOf);
  const known = byKey.get(key);
  if (known) return known;
  const fresh = deepFreeze(computeCaseDeadlinesAnew(env, s, asOf));
  if (byKey.size >= MAX_COMPUTED) byKey.clear();
  byKey.set(key, fresh);
  return fresh;
}

function computeCaseDeadlinesAnew(env: CaseEnv, s: DeadlineState, asOf: Temporal.PlainDate): CaseDeadlines {
  const open = ['REGISTERED', 'AT_PRECINCT_COMMISSION', 'SURVEYED', 'DATA_REQUESTED', 'AT_SPECIAL_COMMISSION', 'CONCLUDED', 'HEARING'].includes(s.status);
  if (!open) return { list: [], next: null, decisionHardOn: null };
  const opts = { convention: env.convention };
  const decision = entry(env, 'decide', 'HEAD', decisionDeadlineOf(env, s), asOf);
  const akimChannel = s.channel === 'RURAL_AKIM';
  let step: CaseDeadline | null = null;
  switch (s.status) {
    case 'REGISTERED':
      step = s.surveyRequired
        ? entry(env, 'routeToPrecinctCommission', akimChannel ? 'RURAL_AKIM' : 'SPECIALIST', precinctRoutingDeadline(env.cal, { registeredOn: d(s.registeredOn) }, opts), asOf)
        : entry(env, 'computeIncome', 'SPECIALIST', incomeComputationDeadline(env.cal, { fileReceivedOn: d(s.registeredOn) }, opts), asOf);
      break;
    case 'AT_PRECINCT_COMMISSION':
      step = entry(env, 'recordSurvey', 'PRECINCT_COMMISSION', precinctSurveyDeadline(env.cal, { documentsReceivedOn: d(s.routedOn ?? s.registeredOn) }, opts), asOf);
      break;
    case 'SURVEYED':
      if (akimChannel && !s.surveyForwardedOn) step = entry(env, 'forwardSurvey', 'RURAL_AKIM', akimForwardingDeadline(env.cal, { surveyReceivedOn: d(s.surveyReceivedOn ?? s.registeredOn) }, opts), asOf);
      else if (s.surveyRefused) step = { ...decision, step: 'proposeRefusal', role: 'SPECIALIST' };
      else step = entry(env, 'computeIncome', 'SPECIALIST', incomeComputationDeadline(env.cal, { fileReceivedOn: d(s.fileReceivedOn ?? s.surveyReceivedOn ?? s.registeredOn) }, opts), asOf);
      break;
    case 'DATA_REQUESTED':
      step = { ...decision, step: 'computeIncome', role: 'SPECIALIST' };
      break;
    case 'AT_SPECIAL_COMMISSION':
      step = entry(env, 'recordSpecialConclusion', 'SPECIAL_COMMISSION', specialCommissionDeadline(env.cal, { fileReceivedOn: d(s.specialReceivedOn ?? s.registeredOn) }, opts), asOf);
      break;
    case 'CONCLUDED':
      step = s.specialNeeds === false ? { ...decision, step: 'proposeRefusal', role: 'SPECIALIST' } : decision;
      break;
    case 'HEARING':
      step = decision;
      break;
    default:
      step = null;
  }
  const list = step && step !== decision ? [step, decision] : [decision];
  // The step's own limit can never be later than the decision's: the earlier one is what waits.
  const next = step && step.hardOn > decision.hardOn ? { ...step, hardOn: decision.hardOn, targetOn: decision.targetOn } : step;
  return { list, next, decisionHardOn: decision.hardOn };
}
