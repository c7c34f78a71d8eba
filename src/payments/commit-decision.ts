/**
 * p.21, p.26: a granting decision commits its whole payment schedule against the budget allocation and
 * writes the scheduled payments — inside the caller's decision transaction (src/cases calls this with its
 * own `sql`). Refused with BUDGET_EXCEEDED when any financial year of the schedule lacks room; then the
 * caller's transaction rolls back and nothing is written.
 *
 * Idempotent: payments are unique by (basis, period, recipient); a retried decision inserts nothing new
 * and commits nothing again (only newly inserted payments are committed).
 *
 * The decision itself (src/cases/decide.ts) is ONE statement: planDecisionPayments validates and schedules
 * before anything is sent, and the payments (decisionPaymentItems) and every financial year's commitment
 * (commitBudgetItems) ride in that statement with the decision, so the allocation row is locked only from
 * that statement's budget write to its end (its commit).
 */
import { Temporal } from 'temporal-polyfill';
import type { Sql } from '../db/connect';
import { AppError } from '../errors';
import { checkIban } from '../rules/identifiers';
import type { Periodicity } from '../rules/deadlines';
import { commitBudget, type BudgetMove } from './budget-ledger';
import { DEFAULT_PROGRAMME, paymentCalendar } from './calendar';
import { scheduleDecisionPayments, type ScheduledPayment } from './schedule';

export interface CommitDecisionInput {
  readonly decisionId: string;
  readonly applicationId: string;
  readonly recipientIin: string;
  readonly iban: string;
  readonly categoryCode: string;
  readonly ground: string | null;
  readonly ruralDistrictId: string;
  readonly periodicity: Periodicity;
  /** Per payment, whole tiyn. */
  readonly amountTiyn: number;
  /** ISO date 'YYYY-MM-DD'. */
  readonly firstPaymentDate: string;
  readonly periods: number;
  readonly at: Temporal.Instant;
  /** Budget programme; DEFAULT_PROGRAMME when omitted. */
  readonly programme?: string;
  readonly recipientName?: string;
}

export interface CommitDecisionResult {
  /** Payments written now (0 when the decision was already scheduled). */
  readonly paymentsCreated: number;
  readonly committedTiyn: number;
  readonly schedule: readonly { period: string; payOn: string; demandDueOn: string; clause: string }[];
}

/** The basis key of a decision's payments. */
export const decisionBasis = (decisionId: string): string => `decision:${decisionId}`;

/** The payments of a decision written, and the budget commitments still to make (by financial year, ascending). */
export interface DecisionPayments extends CommitDecisionResult {
  readonly commitments: readonly BudgetMove[];
}

/**
 * A decision's payments as planned before anything is written: the terms validated (VALIDATION), the
 * schedule (p.26, p.27) and the budget commitment of each financial year it falls in (p.21, ascending).
 */
export interface DecisionPaymentPlan extends DecisionPayments {
  readonly input: CommitDecisionInput;
  readonly programme: string;
  readonly iban: string;
  readonly scheduled: readonly ScheduledPayment[];
}

/** Validates the decision's payment terms and schedules its payments (nothing is read or written). */
export function planDecisionPayments(input: CommitDecisionInput): DecisionPaymentPlan {
  if (!Number.isSafeInteger(input.amountTiyn) || input.amountTiyn <= 0) throw new AppError('VALIDATION', [{ path: 'amountTiyn', message: 'сома оң бүтін тиын болуы керек | сумма должна быть целым положительным числом тиын | the amount must be a positive whole number of tiyn' }]);
  const iban = checkIban(input.iban);
  if (!iban.valid) throw new AppError('VALIDATION', [{ path: 'iban', message: `ЖСК жарамсыз (${iban.reason}) | Неверный IBAN (${iban.reason}) | Invalid IBAN (${iban.reason})` }]);
  let first: Temporal.PlainDate;
  try {
    first = Temporal.PlainDate.from(input.firstPaymentDate, { overflow: 'reject' });
  } catch {
    throw new AppError('VALIDATION', [{ path: 'firstPaymentDate', message: 'күн YYYY-MM-DD болуы керек | дата в формате YYYY-MM-DD | the date must be YYYY-MM-DD' }]);
  }
  const decidedOn = input.at.toZonedDateTimeISO('Asia/Almaty').toPlainDate();
  const programme = input.programme ?? DEFAULT_PROGRAMME;
  const schedule = scheduleDecisionPayments(paymentCalendar(), { periodicity: input.periodicity, firstPaymentDate: first, periods: input.periods, decidedOn });
  return { input, programme, iban: iban.iban, scheduled: schedule, ...planned(input, programme, schedule.map((s) => s.financialYear), schedule) };
}

/** The result and the commitments (years ascending) of the payments `years` (one entry per payment written). */
function planned(input: CommitDecisionInput, programme: string, years: readonly number[], schedule: readonly ScheduledPayment[]): DecisionPayments {
  const byYear = new Map<number, bigint>();
  for (const y of years) byYear.set(y, (byYear.get(y) ?? 0n) + BigInt(input.amountTiyn));
  // Years in ascending order: concurrent decisions lock allocation rows in the same order (no deadlock).
  const commitments = [...byYear.keys()].sort((a, b) => a - b).map((year): BudgetMove => ({ year, programme, amountTiyn: byYear.get(year)!, ref: decisionBasis(input.decisionId), at: input.at }));
  return {
    paymentsCreated: years.length,
    committedTiyn: Number(commitments.reduce((sum, m) => sum + BigInt(m.amountTiyn), 0n)),
    schedule: schedule.map((s) => ({ period: s.period, payOn: s.payOn.toString(), demandDueOn: s.demand.date.toString(), clause: s.demand.clause })),
    commitments,
  };
}

const INSERT_PAYMENTS = (p: (n: number) => string, from: string) => `insert into payment (basis, period, recipient_iin, decision_id, application_id, recipient_name, rural_district_id, category_code, ground,
                          periodicity, iban, amount_tiyn, financial_year, programme, pay_on, demand_due_on, created_at)
     select ${p(1)}, s.period, ${p(2)}, ${p(3)}::uuid, ${p(4)}::uuid, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}::bigint, s.year, ${p(12)}, s.pay_on, s.demand_due_on, ${p(13)}
       from ${from}unnest(${p(14)}::text[], ${p(15)}::int[], ${p(16)}::date[], ${p(17)}::date[]) as s(period, year, pay_on, demand_due_on)
     on conflict (basis, period, recipient_iin) do nothing
     returning financial_year, amount_tiyn`;

function insertParams(plan: DecisionPaymentPlan): unknown[] {
  const { input, scheduled: schedule } = plan;
  return [
    decisionBasis(input.decisionId), input.recipientIin, input.decisionId, input.applicationId, input.recipientName ?? null, input.ruralDistrictId, input.categoryCode, input.ground,
    input.periodicity, plan.iban, String(input.amountTiyn), plan.programme, input.at.toString(),
    schedule.map((s) => s.period), schedule.map((s) => s.financialYear), schedule.map((s) => s.payOn.toString()), schedule.map((s) => s.demand.date.toString()),
  ];
}

/**
 * The decision's payments as ONE WITH-list item `payments_written` (parameters from `offset + 1`), for the
 * decision's one statement (src/cases/decide.ts): the same rows as writeDecisionPayments, written once per
 * row of the WITH item `source` (the decision just inserted). The decision being new, every payment is new
 * and `plan.commitments` are exactly what the statement must commit (commitBudgetItems).
 */
export function decisionPaymentItems(plan: DecisionPaymentPlan, source: string, offset: number): { readonly text: string; readonly params: readonly unknown[] } {
  return { text: `payments_written as (${INSERT_PAYMENTS((n) => `$${offset + n}`, `${source}, `)})`, params: insertParams(plan) };
}

/**
 * Validates the decision's payment terms and writes its scheduled payments (one statement); the budget
 * allocation is NOT touched yet: the caller commits `commitments` in the given (ascending) order —
 * commitBudgetAndSchedule does both. Only payments newly written are counted (a retry commits nothing).
 */
export async function writeDecisionPayments(sql: Sql, input: CommitDecisionInput): Promise<DecisionPayments> {
  const plan = planDecisionPayments(input);
  const inserted = await sql.query<{ financial_year: number; amount_tiyn: string }>(INSERT_PAYMENTS((n) => `$${n}`, ''), insertParams(plan));
  return planned(input, plan.programme, inserted.map((r) => Number(r.financial_year)), plan.scheduled);
}

/** Writes the decision's payments and commits them against the budget (p.21), in the caller's transaction. */
export async function commitBudgetAndSchedule(sql: Sql, input: CommitDecisionInput): Promise<CommitDecisionResult> {
  const { commitments, ...result } = await writeDecisionPayments(sql, input);
  for (const m of commitments) await commitBudget(sql, m);
  return result;
}
