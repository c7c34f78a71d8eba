/**
 * The case screens' view of the workflow API (src/http/routes/applications.ts, notifications.ts,
 * documents.ts, categories.ts): response types mirrored by hand (the web app may not import server
 * code) and the calls the screens make, all through `api.request`.
 */
import type { Role } from '../../../auth/roles';
import { api } from '../../api-client';

import { CASE_STATUSES, type CaseStatus } from '../../../cases/statuses';
export { CASE_STATUSES, type CaseStatus };

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';
export const STATUS_TONE: Readonly<Record<string, Tone>> = {
  REGISTERED: 'info',
  AT_PRECINCT_COMMISSION: 'info',
  SURVEYED: 'info',
  DATA_REQUESTED: 'warning',
  AT_SPECIAL_COMMISSION: 'info',
  CONCLUDED: 'info',
  HEARING: 'warning',
  GRANTED: 'success',
  REFUSED: 'danger',
  PAYMENT_REQUESTED: 'success',
  PAID: 'success',
  RETURNED: 'warning',
  TERMINATED: 'neutral',
};

export interface ListItem {
  readonly id: string;
  readonly regNumber: string;
  readonly status: CaseStatus;
  readonly channel: string;
  readonly applicantIin: string;
  readonly applicantName: string;
  readonly categoryCode: string;
  readonly ruralDistrictId: string;
  readonly registeredOn: string;
  readonly nextStep: string | null;
  readonly nextRole: Role | null;
  readonly nextTargetOn: string | null;
  readonly nextHardOn: string | null;
  readonly decisionHardOn: string | null;
}
export interface QueueItem extends ListItem {
  readonly timing: 'on-time' | 'at-risk' | 'overdue';
}

export interface Text3 {
  readonly kk: string;
  readonly ru: string;
  readonly en: string;
}

export interface CaseDeadline {
  readonly step: string;
  readonly role: Role;
  readonly clause: string;
  readonly hardOn: string;
  readonly targetOn: string;
  readonly explanation: Text3;
}

export interface TraceStep {
  readonly clause: string;
  readonly text: Text3;
}

/** The case page (GET /api/applications/{id}); fields the screens show. */
export interface CasePage {
  /** The office's civil date by the server's clock (default dates of the step forms). */
  readonly today?: string;
  readonly application: {
    readonly id: string;
    readonly regNumber: string;
    readonly channel: string;
    readonly status: CaseStatus;
    readonly version: number;
    readonly categoryCode: string;
    readonly ground: string | null;
    readonly iban: string | null;
    readonly mobile: string | null;
    /** The language of the notices sent to the applicant (chosen at intake). */
    readonly noticeLang: 'kk' | 'ru';
    readonly ruralDistrictId: string;
    readonly address: string;
    readonly family: readonly { iin: string; fullName: string; birthDate: string | null; relation: string; occupation: string | null; incomes: { type: string; amountTiyn: number; month?: string }[] }[];
    readonly registeredOn: string;
    readonly track: 'standard' | 'extended';
    readonly extensionClause: string | null;
    readonly extensionReason: string | null;
    readonly portalRequestId: string | null;
    readonly edsSignerIin: string | null;
    readonly edsSignerName: string | null;
    readonly deadlines: readonly CaseDeadline[];
    readonly nextStep: string | null;
    readonly nextRole: Role | null;
    readonly nextTargetOn: string | null;
    readonly nextHardOn: string | null;
    readonly decisionHardOn: string | null;
    readonly applicant: { iin: string; lastName: string; firstName: string; patronymic: string | null; birthDate: string | null };
    readonly representative: { iin: string; lastName: string; firstName: string; patronymic: string | null; powerOfAttorney: { number: string; date: string; validUntil: string } } | null;
  };
  readonly documents: readonly { id: number; code: string; title: string | null; number: string | null; issuedOn: string | null; expiresOn: string | null; originalSeen: boolean }[];
  readonly dataRequests: readonly { id: number; kind: string; requestId: string; body: string; items: string[]; iins: string[]; requestedAt: string; dueOn: string | null; answeredAt: string | null; answers: unknown }[];
  readonly survey: { actNumber: string; actDate: string; commission: string; refused: boolean; housing: string | null; subsidiaryFarm: string | null; property: string | null; observations: string | null; needs: boolean | null; conclusionNumber: string | null; conclusionReason: string | null; forwardedOn: string | null } | null;
  readonly income: { required: boolean; quarter: string | null; members: number | null; countedTiyn: string | null; perCapitaTiyn: string | null; thresholdTiyn: string | null; aboveThreshold: boolean | null; trace: readonly TraceStep[] } | null;
  readonly specialConclusion: { needs: boolean; amountTiyn: string | null; reason: string | null; concludedOn: string } | null;
  readonly hearing: {
    refusalGround: string;
    preliminaryText: string;
    notifiedOn: string;
    plannedDecisionOn: string;
    hearingMeans: string | null;
    hearingAt: string | null;
    hearingPlace: string | null;
    objectionDueOn: string;
    objectionOn: string | null;
    objectionText: string | null;
    objectionOral: boolean | null;
    protocol: Record<string, unknown> | null;
    protocolReadOn: string | null;
    remarksDueOn: string | null;
    remarksOn: string | null;
    remarksText: string | null;
  } | null;
  readonly decision: {
    id: string;
    number: string;
    decidedOn: string;
    outcome: 'grant' | 'refuse';
    refusalGround: string | null;
    amountTiyn: string | null;
    periodicity: string | null;
    basis: { trace?: readonly TraceStep[]; clauses?: readonly string[]; rulesVersion?: { id: string } };
  } | null;
  readonly termination: { ground: number; eventOn: string; stopsFrom: string; reason: string | null } | null;
  readonly possibleSteps: readonly string[];
  readonly timeline: readonly { id: number; at: string; actorRole: Role | null; action: string }[];
}

export interface Category {
  readonly code: string;
  readonly name_kk: string;
  readonly name_ru: string;
  readonly ground: string | null;
  readonly periodicity: string;
  readonly incomeTest: boolean;
  readonly example: boolean;
  readonly requiredDocuments: readonly { code: string; name_kk: string; name_ru: string }[];
}

export interface Notice {
  readonly id: number;
  readonly applicationId: string;
  readonly regNumber: string;
  readonly applicantIin: string;
  readonly applicantName: string;
  /** Null for the hearing notice (p.18), which precedes any decision. */
  readonly decisionNumber: string | null;
  readonly decidedOn: string | null;
  /** 5 grant, 6 refusal (p.19), 'hearing' preliminary refusal and hearing notice (p.18). */
  readonly form: '5' | '6' | 'hearing';
  readonly channel: 'sms' | 'print' | 'cabinet';
  readonly lang: 'kk' | 'ru';
  readonly phone: string | null;
  readonly status: 'queued' | 'sent' | 'delivered' | 'failed' | 'printed' | 'handed-over';
  readonly dueOn: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly handedOverTo: string | null;
}

export interface Receipt {
  readonly id: string;
  readonly number: string;
  readonly missing: readonly { code: string; name_kk: string; name_ru: string }[];
  readonly expired: readonly { code: string; name_kk: string; name_ru: string; expiresOn?: string }[];
}

/** Which roles may take each step (mirrors TRANSITIONS in src/cases/case-status.ts; the server decides). */
export const STEP_ROLES: Readonly<Record<string, readonly Role[]>> = {
  routeToPrecinctCommission: ['SPECIALIST', 'RURAL_AKIM'],
  recordSurvey: ['PRECINCT_COMMISSION'],
  forwardSurvey: ['RURAL_AKIM', 'SPECIALIST'],
  switchToExtendedTrack: ['SPECIALIST'],
  recordDataRequest: ['SPECIALIST'],
  recordDataAnswer: ['SPECIALIST'],
  computeIncome: ['SPECIALIST'],
  recordSpecialConclusion: ['SPECIAL_COMMISSION'],
  proposeRefusal: ['SPECIALIST', 'HEAD'],
  recordObjection: ['SPECIALIST'],
  recordHearingProtocol: ['SPECIALIST'],
  recordProtocolRemarks: ['SPECIALIST'],
  grant: ['HEAD'],
  refuse: ['HEAD'],
  reportChange: ['SPECIALIST', 'RURAL_AKIM', 'STATE_CORP'],
  terminate: ['SPECIALIST', 'HEAD'],
};

/** The HTTP path of each step under /api/applications/{id}/. */
export const STEP_PATH: Readonly<Record<string, string>> = {
  routeToPrecinctCommission: 'route-to-precinct-commission',
  recordSurvey: 'survey',
  forwardSurvey: 'forward-survey',
  switchToExtendedTrack: 'extended-track',
  recordDataRequest: 'data-requests',
  recordDataAnswer: 'data-answers',
  computeIncome: 'income',
  recordSpecialConclusion: 'special-conclusion',
  proposeRefusal: 'preliminary-refusal',
  recordObjection: 'objection',
  recordHearingProtocol: 'hearing-protocol',
  recordProtocolRemarks: 'protocol-remarks',
  grant: 'decision',
  refuse: 'decision',
  reportChange: 'change-reports',
  terminate: 'termination',
};

export const casesApi = {
  queue: (timing: 'all' | 'at-risk' | 'overdue') => api.request<{ asOf: string; cases: QueueItem[] }>('GET', '/api/applications/queue', undefined, { timing }),
  search: (query: { iin?: string; name?: string; status?: string }) => api.request<{ applications: ListItem[] }>('GET', '/api/applications', undefined, { ...query, limit: '100' }),
  get: (id: string) => api.request<{ case: CasePage }>('GET', `/api/applications/${encodeURIComponent(id)}`),
  step: (id: string, step: string, body: Record<string, unknown>) => api.request<{ status: CaseStatus }>('POST', `/api/applications/${encodeURIComponent(id)}/${STEP_PATH[step] ?? step}`, body),
  intake: (form: Record<string, unknown>) => api.request<{ outcome: 'registered' | 'refused-at-intake'; application?: { id: string; regNumber: string }; receipt?: Receipt }>('POST', '/api/applications', form),
  categories: () => api.request<{ categories: Category[]; grounds: { code: string; text_kk: string; text_ru: string; surveyRequired: boolean }[] }>('GET', '/api/categories'),
  notices: (id: string) => api.request<{ notices: Notice[] }>('GET', `/api/applications/${encodeURIComponent(id)}/notifications`),
  printQueue: () => api.request<{ notices: Notice[] }>('GET', '/api/notifications/print-queue'),
  markPrinted: (id: number) => api.request<{ notice: Notice }>('POST', `/api/notifications/${id}/printed`, {}),
  markHandedOver: (id: number, receivedBy: string) => api.request<{ notice: Notice }>('POST', `/api/notifications/${id}/handed-over`, { receivedBy }),
};

/** The PDF address of form `form` of application `id` in `lang` (kk or ru; English falls back to kk). */
export function documentUrl(id: string, form: string, lang: string): string {
  return `/api/applications/${encodeURIComponent(id)}/documents/${form}?lang=${lang === 'ru' ? 'ru' : 'kk'}`;
}
export function receiptUrl(id: string, lang: string): string {
  return `/api/intake-receipts/${encodeURIComponent(id)}/document?lang=${lang === 'ru' ? 'ru' : 'kk'}`;
}
