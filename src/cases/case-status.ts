/**
 * The ONE transition table of an application (glossary.md "Case statuses", refined): every status change
 * of a case goes through `transition()` below, called by exactly one use case per step. Steps that record
 * something without moving the case (an objection, a data answer) are listed too, with `to: 'same'`, so
 * that the table also says in which statuses they are allowed.
 *
 * Refinements of the glossary list: CONCLUDED (the special commission has concluded, p.17; the file waits
 * for the head's decision or for a preliminary refusal); REFUSED_AT_INTAKE is never a case status here —
 * an application refused at intake is not registered (p.11), its receipt (form 1-3) is its own record.
 * PAYMENT_REQUESTED / PAID / RETURNED belong to src/payments and are listed so termination knows them.
 */
import { AppError } from '../errors';
import type { Role } from '../auth/roles';

import { CASE_STATUSES, type CaseStatus } from './statuses';
export { CASE_STATUSES, type CaseStatus };

/** Statuses in which a case is still open (waits for someone's act before the decision). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['REGISTERED', 'AT_PRECINCT_COMMISSION', 'SURVEYED', 'DATA_REQUESTED', 'AT_SPECIAL_COMMISSION', 'CONCLUDED', 'HEARING'];
/** Statuses of a granted case whose assistance may still be paid (termination and change reports apply). */
export const ASSIGNED_STATUSES: readonly CaseStatus[] = ['GRANTED', 'PAYMENT_REQUESTED', 'PAID', 'RETURNED'];

interface Step {
  readonly from: readonly CaseStatus[];
  readonly to: CaseStatus | 'same';
  /** Roles that may take the step (the route repeats them; the use case checks them again). */
  readonly roles: readonly Role[];
  /** The clause the step implements. */
  readonly clause: string;
}

const CLERKS: readonly Role[] = ['SPECIALIST', 'RURAL_AKIM', 'STATE_CORP'];

export const TRANSITIONS = {
  /** p.12: grounds 6.1, 6.2, 6.4 → documents to the precinct commission within 1 WD. */
  routeToPrecinctCommission: { from: ['REGISTERED'], to: 'AT_PRECINCT_COMMISSION', roles: ['SPECIALIST', 'RURAL_AKIM'], clause: 'p.12' },
  /** p.13: act (form 2) and conclusion (form 3), or the applicant's refusal to be surveyed. */
  recordSurvey: { from: ['AT_PRECINCT_COMMISSION'], to: 'SURVEYED', roles: ['PRECINCT_COMMISSION'], clause: 'p.13' },
  /** p.13: the akim (or the commission) forwards act, conclusion and documents to the authorized body. */
  forwardSurvey: { from: ['SURVEYED'], to: 'same', roles: ['RURAL_AKIM', 'SPECIALIST'], clause: 'p.13' },
  /** p.14/p.15: the 20-WD track, with its recorded basis. */
  switchToExtendedTrack: { from: ['REGISTERED', 'AT_PRECINCT_COMMISSION', 'SURVEYED'], to: 'DATA_REQUESTED', roles: ['SPECIALIST'], clause: 'p.14' },
  recordDataRequest: { from: ['DATA_REQUESTED'], to: 'same', roles: ['SPECIALIST'], clause: 'p.14' },
  recordDataAnswer: { from: ['DATA_REQUESTED'], to: 'same', roles: ['SPECIALIST'], clause: 'p.14' },
  /** p.16: per-capita income computed, the full file to the special commission. */
  computeIncome: { from: ['REGISTERED', 'SURVEYED', 'DATA_REQUESTED'], to: 'AT_SPECIAL_COMMISSION', roles: ['SPECIALIST'], clause: 'p.16' },
  /** p.17: the special commission's conclusion on the need and the amount. */
  recordSpecialConclusion: { from: ['AT_SPECIAL_COMMISSION'], to: 'CONCLUDED', roles: ['SPECIAL_COMMISSION'], clause: 'p.17' },
  /** p.18: preliminary decision to refuse + hearing notice (refusal grounds of p.20 found). */
  proposeRefusal: { from: ['SURVEYED', 'CONCLUDED', 'DATA_REQUESTED'], to: 'HEARING', roles: ['SPECIALIST', 'HEAD'], clause: 'p.18' },
  recordObjection: { from: ['HEARING'], to: 'same', roles: ['SPECIALIST'], clause: 'p.18' },
  recordHearingProtocol: { from: ['HEARING'], to: 'same', roles: ['SPECIALIST'], clause: 'p.18' },
  recordProtocolRemarks: { from: ['HEARING'], to: 'same', roles: ['SPECIALIST'], clause: 'p.18' },
  /** p.18: the decision (form 4): a grant straight after the conclusion, or after a hearing that changed the view. */
  grant: { from: ['CONCLUDED', 'HEARING'], to: 'GRANTED', roles: ['HEAD'], clause: 'p.18' },
  /** p.18/p.20: a refusal only after the hearing. */
  refuse: { from: ['HEARING'], to: 'REFUSED', roles: ['HEAD'], clause: 'p.20' },
  /** p.22: the recipient's report of a change (within 10 WD). */
  reportChange: { from: ASSIGNED_STATUSES, to: 'same', roles: ['SPECIALIST', 'RURAL_AKIM', 'STATE_CORP'], clause: 'p.22' },
  /** p.22: termination on one of five grounds. */
  terminate: { from: ASSIGNED_STATUSES, to: 'TERMINATED', roles: ['SPECIALIST', 'HEAD'], clause: 'p.22' },
} as const satisfies Record<string, Step>;
export type TransitionName = keyof typeof TRANSITIONS;

export { CLERKS as INTAKE_ROLES };

/**
 * Checks that `name` is allowed from `from` and returns the status after it. An illegal step is refused
 * with ILLEGAL_TRANSITION naming the step and both statuses; nothing is changed.
 */
export function transition(name: TransitionName, from: CaseStatus): CaseStatus {
  const step: Step = TRANSITIONS[name];
  if (!step.from.includes(from)) {
    throw new AppError('ILLEGAL_TRANSITION', [], { step: name, from, allowedFrom: step.from, to: step.to === 'same' ? from : step.to });
  }
  return step.to === 'same' ? from : step.to;
}

/** Checks the actor's role against the step's roles (FORBIDDEN otherwise). */
export function assertRoleMay(name: TransitionName, role: Role | null | undefined): void {
  const step: Step = TRANSITIONS[name];
  if (!role || !step.roles.includes(role)) throw new AppError('FORBIDDEN', [], { step: name, role });
}

/** Steps possible from a status, for the case page ("what can be done now"). */
export function stepsFrom(status: CaseStatus): TransitionName[] {
  return (Object.keys(TRANSITIONS) as TransitionName[]).filter((n) => (TRANSITIONS[n].from as readonly CaseStatus[]).includes(status));
}
