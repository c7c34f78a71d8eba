/** Typed calls of the payments API (src/http/routes/payments.ts) for the payment pages. */
import { api } from '../../api-client';

export interface Allocation {
  year: number;
  programme: string;
  allocatedTiyn: number;
  committedTiyn: number;
  paidTiyn: number;
  feesTiyn: number;
  availableTiyn: number;
  note: string | null;
  updatedAt: string;
}
export interface Text3 {
  kk: string;
  ru: string;
  en: string;
}
export interface DatedStep {
  step: string;
  date: string;
  clause: string;
  explanation: Text3;
}
export interface Demand {
  id: number;
  kind: 'one-time' | 'periodic';
  paymentMonth: string | null;
  formedOn: string;
  demandDueOn: string;
  applicationDueOn: string;
  applicationReceivedOn: string | null;
  transferDueOn: string | null;
  transferredOn: string | null;
  ordersDueOn: string | null;
  ordersIssuedOn: string | null;
  payments: number;
  amountTiyn: number;
  status: 'formed' | 'applied' | 'transferred' | 'ordered' | 'closed';
  deadlines: DatedStep[];
}
export interface CalendarDay {
  demandDueOn: string;
  status: string;
  payments: number;
  amountTiyn: number;
}
export interface HolidayRun {
  runId: string;
  date: string;
  holidayCode: string;
  categories: string[];
  status: 'fetching' | 'budget' | 'creating' | 'done' | 'failed';
  fetchedRows: number;
  excludedDead: number;
  excludedTerminated: number;
  excludedNoAccount: number;
  recipients: number;
  payments: number;
  alreadyPaid: number;
  totalTiyn: number;
  committedTiyn: number;
  errorCode: string | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}
export interface HolidayListEntry {
  code: string;
  name_kk: string;
  name_ru: string;
  categories: string[];
  example: boolean;
}
export interface HolidaySelection {
  date: string;
  code: string;
  name: { kk: string; ru: string };
  example: boolean;
  categories: { code: string; form7: string[]; amountTiyn: number; clause: string; explanation: Text3 }[];
}
export interface ReturnRow {
  id: number;
  paymentId: number;
  recipientIin: string;
  recipientName: string | null;
  iban: string;
  amountTiyn: number;
  reason: string;
  receivedOn: string;
  updateDueOn: string;
  updateClause: string;
  status: 'open' | 'reissued' | 'closed';
  correctedIban: string | null;
  reissueReference: string | null;
}
export interface OverCreditRow {
  id: number;
  paymentId: number | null;
  recipientIin: string | null;
  recipientName: string | null;
  amountTiyn: number;
  arrivedOn: string;
  returnDueOn: string;
  returnedOn: string | null;
  note: string | null;
  clause: 'p.31';
  status: 'open' | 'overdue' | 'returned' | 'returned-late';
}
export interface ReconRow {
  period: string;
  categoryCode: string;
  ruralDistrictId: string;
  payments: number;
  decidedTiyn: number;
  demandedTiyn: number;
  transferredTiyn: number;
  paidTiyn: number;
  returnedTiyn: number;
  awaitingReissueTiyn: number;
  differenceTiyn: number;
}
export interface Reconciliation {
  rows: ReconRow[];
  totals: Omit<ReconRow, 'period' | 'categoryCode' | 'ruralDistrictId'>;
  differences: { paymentId: number; period: string; recipientIin: string; recipientName: string | null; categoryCode: string; ruralDistrictId: string; amountTiyn: number; status: string; waitingFor: string; payOn: string }[];
  differencesTotal: number;
  budget: { year: number; programme: string; committedTiyn: number; paymentsCommittedTiyn: number; paidTiyn: number; paymentsPaidTiyn: number; consistent: boolean }[];
}
export interface ReconFilter {
  from?: string;
  to?: string;
  ruralDistrictId?: string;
  categoryCode?: string;
}

const r = api.request;

export const paymentsApi = {
  budget: (year?: number) => r<{ allocations: Allocation[] }>('GET', '/api/budget', undefined, { year }),
  setAllocation: (year: number, body: { allocatedTiyn: number; programme?: string; note?: string | null }) => r<{ allocation: Allocation }>('PUT', `/api/budget/${year}`, body),
  demands: () => r<{ demands: Demand[] }>('GET', '/api/payments/demands'),
  calendar: (from: string, to: string) => r<{ days: CalendarDay[] }>('GET', '/api/payments/calendar', undefined, { from, to }),
  formDemands: (on: string) => r<{ demands: unknown[] }>('POST', '/api/payments/demands', { on }),
  application: (id: number, receivedOn: string) => r<{ demand: Demand }>('POST', `/api/payments/demands/${id}/application`, { receivedOn }),
  transfer: (id: number, transferredOn: string) => r<{ demand: Demand }>('POST', `/api/payments/demands/${id}/transfer`, { transferredOn }),
  orders: (id: number) => r<{ demand: Demand; orders: number; submitted: number }>('POST', `/api/payments/demands/${id}/orders`),
  statement: (id: number) => r<{ statement: { credited: number; failed: number; returned: number } }>('POST', `/api/payments/demands/${id}/statement`),
  importStatement: (fileName: string, content: string) => r<{ statement: { credited: number; failed: number; returned: number; skipped: number } }>('POST', '/api/payments/statements', { fileName, content }),
  returns: (status?: string) => r<{ returns: ReturnRow[] }>('GET', '/api/payments/returns', undefined, { status }),
  reissue: (id: number, correctedIban: string) => r<{ reissue: { orderReference: string } }>('POST', `/api/payments/returns/${id}/reissue`, { correctedIban }),
  overCredits: (status?: OverCreditRow['status']) => r<{ overCredits: OverCreditRow[] }>('GET', '/api/payments/over-credits', undefined, { status }),
  recordOverCredit: (body: { amountTiyn: number; arrivedOn: string; paymentId?: number | null; note?: string | null }) => r<{ overCredit: { id: number; returnDueOn: string; explanation: Text3 } }>('POST', '/api/payments/over-credits', body),
  overCreditReturned: (id: number, returnedOn: string) => r<{ overCredit: { id: number; returnedOn: string; late: boolean } }>('POST', `/api/payments/over-credits/${id}/returned`, { returnedOn }),
  holidays: () => r<{ holidays: HolidayListEntry[] }>('GET', '/api/payments/holidays'),
  holiday: (date: string) => r<{ holiday: HolidaySelection }>('GET', `/api/payments/holidays/${date}`),
  runs: () => r<{ runs: HolidayRun[] }>('GET', '/api/payments/holiday-runs'),
  run: (id: string) => r<{ run: HolidayRun }>('GET', `/api/payments/holiday-runs/${id}`),
  startRun: (date: string, categories: string[]) => r<{ run: HolidayRun }>('POST', '/api/payments/holiday-runs', { date, categories }),
  reconciliation: (f: ReconFilter) => r<{ reconciliation: Reconciliation }>('GET', '/api/payments/reconciliation', undefined, { ...f }),
};

/** The query string of the reconciliation's Excel download. */
export function reconciliationXlsxUrl(f: ReconFilter): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  const s = p.toString();
  return `/api/payments/reconciliation.xlsx${s ? `?${s}` : ''}`;
}

/** A clause of the Rules in each language's usual form: p.28 → «28-т.», «п. 28», «p.28». */
export function clauseLabel(clause: string, lang: string): string {
  const n = clause.replace(/^p\./, '');
  return lang === 'ru' ? `п. ${n}` : lang === 'en' ? `p.${n}` : `${n}-т.`;
}
