/**
 * p.21, p.26: a granting decision commits its whole payment schedule against the budget allocation and
 * writes the scheduled payments — inside the caller's decision transaction (src/cases calls this with its
 * own `sql`). Refused with BUDGET_EXCEEDED when any financial year of the schedule lacks room; then the
 * caller's transaction rolls back and nothing is written.
 *
 * Idempotent: payments are unique by (basis, period, recipient); a retried decision inserts nothing new
 * and commits nothing again (only newly inserted payments are committed).
 *
 * The decision itself (src/cases/decide.ts) uses the two halves: writeDecisionPayments early in its
 * transaction, and the last year's commitment (commitBudgetItems) in its final statement, so that the
 * allocation row is locked as briefly as possible.
 */
import { Temporal } from 'temporal-polyfill';
import type { Sql } from '../db/connect';
import { AppError } from '../errors';
import { checkIban } from '../rules/identifiers';
import type { Periodicity } from '../rules/deadlines';
import { commitBudget, type BudgetMove } from './budget-ledger';
import { DEFAULT_PROGRAMME, paymentCalendar } from './calendar';
import { scheduleDecisionPayments } from './schedule';

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
 * Validates the decision's payment terms and writes its scheduled payments (one statement); the budget
 * allocation is NOT touched yet: the caller commits `commitments` in the given (ascending) order, the
 * last one as late as it can (commitBudgetItems with the final statement) — commitBudgetAndSchedule
 * does both.
 */
export async function writeDecisionPayments(sql: Sql, input: CommitDecisionInput): Promise<DecisionPayments> {
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

  const basis = decisionBasis(input.decisionId);
  const inserted = await sql.query<{ financial_year: number; amount_tiyn: string }>(
    `insert into payment (basis, period, recipient_iin, decision_id, application_id, recipient_name, rural_district_id, category_code, ground,
                          periodicity, iban, amount_tiyn, financial_year, programme, pay_on, demand_due_on, created_at)
     select $1, s.period, $2, $3::uuid, $4::uuid, $5, $6, $7, $8, $9, $10, $11::bigint, s.year, $12, s.pay_on, s.demand_due_on, $13
       from unnest($14::text[], $15::int[], $16::date[], $17::date[]) as s(period, year, pay_on, demand_due_on)
     on conflict (basis, period, recipient_iin) do nothing
     returning financial_year, amount_tiyn`,
    [
      basis, input.recipientIin, input.decisionId, input.applicationId, input.recipientName ?? null, input.ruralDistrictId, input.categoryCode, input.ground,
      input.periodicity, iban.iban, String(input.amountTiyn), programme, input.at.toString(),
      schedule.map((s) => s.period), schedule.map((s) => s.financialYear), schedule.map((s) => s.payOn.toString()), schedule.map((s) => s.demand.date.toString()),
    ],
  );
  const byYear = new Map<number, bigint>();
  for (const r of inserted) byYear.set(Number(r.financial_year), (byYear.get(Number(r.financial_year)) ?? 0n) + BigInt(r.amount_tiyn));
  // Years in ascending order: concurrent decisions lock allocation rows in the same order (no deadlock).
  const commitments = [...byYear.keys()].sort((a, b) => a - b).map((year): BudgetMove => ({ year, programme, amountTiyn: byYear.get(year)!, ref: basis, at: input.at }));
  return {
    paymentsCreated: inserted.length,
    committedTiyn: Number(commitments.reduce((sum, m) => sum + BigInt(m.amountTiyn), 0n)),
    schedule: schedule.map((s) => ({ period: s.period, payOn: s.payOn.toString(), demandDueOn: s.demand.date.toString(), clause: s.demand.clause })),
    commitments,
  };
}

/** Writes the decision's payments and commits them against the budget (p.21), in the caller's transaction. */
export async function commitBudgetAndSchedule(sql: Sql, input: CommitDecisionInput): Promise<CommitDecisionResult> {
  const { commitments, ...result } = await writeDecisionPayments(sql, input);
  for (const m of commitments) await commitBudget(sql, m);
  return result;
}
