/**
 * p.18: the decision on form 4, by the HEAD of the authorized body, within the decision deadline (8 WD, or
 * 20 WD on the p.14/p.15 track). The rules core (`evaluateApplication`) judges the case on the decision
 * day and its result — inputs, rules version, amount, clauses and trace — is stored as the FROZEN BASIS
 * of the decision: never recomputed afterwards.
 *
 * - A grant: from CONCLUDED (the special commission found the need), or from HEARING when the hearing
 *   changed the view. If the Rules find refusal grounds, a grant from CONCLUDED is refused with
 *   REFUSAL_NEEDS_HEARING (the hearing comes first) and from HEARING with GRANT_WITHOUT_BASIS. In the same
 *   transaction the payments module commits the budget and the schedule (p.21: BUDGET_EXCEEDED rolls the
 *   whole decision back) and the notifications module queues form 5.
 * - A refusal: only from HEARING, once its windows are closed (p.18): the notice at least 3 WD before
 *   the decision, the objection window passed or the objection recorded, an oral objection's protocol
 *   read, and the remarks window passed or the remarks recorded. Form 6 is queued.
 * - Past the hard deadline a decision needs a recorded reason (DECISION_LATE_REASON_REQUIRED).
 * Re-running a decision on a decided case is ILLEGAL_TRANSITION: a decision is never undone by a retry.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { AppError } from '../errors';
import type { Sql } from '../db/connect';
import type { EgovAnswers } from '../adapters/egov/port';
import { evaluateApplication, type ApplicationInput, type EvaluationResult } from '../rules/evaluate';
import { RulesError } from '../rules/rules-error';
import { addWorkingDays } from '../rules/calendar';
import { commitBudgetAndSchedule } from '../payments/commit-decision';
import { enqueueDecisionNotice } from '../notifications/enqueue-decision-notice';
import type { CaseCtx } from './case-env';
import type { CaseRow } from './case-store';
import { DateString } from './intake-form';
import { runStep } from './run-step';

export const DecideInput = z.strictObject({
  outcome: z.enum(['grant', 'refuse']),
  /** Required when the decision is taken after the hard deadline. */
  lateReason: z.string().trim().min(3).max(2000).optional(),
  /** For a grant: the first payment date (default: the decision day) and the number of payments (monthly/quarterly). */
  firstPaymentDate: DateString.optional(),
  periods: z.number().int().min(1).max(120).optional(),
});
export type DecideInput = z.infer<typeof DecideInput>;

interface HearingRow {
  refusal_ground: string;
  notified_on: string;
  planned_decision_on: string;
  objection_due_on: string;
  objection_on: string | null;
  objection_oral: boolean | null;
  protocol: unknown;
  protocol_read_on: string | null;
  remarks_due_on: string | null;
  remarks_on: string | null;
}

/** What the rules core is asked: the application as plain data, with the findings of the file. */
async function evaluationInput(sql: Sql, row: CaseRow, hearing: HearingRow | undefined, day: Temporal.PlainDate): Promise<{ input: ApplicationInput; income: unknown; special: unknown; survey: unknown }> {
  const [income] = await sql.query<{ inputs: { members: { id: string; relation: string; incomes: { type: string; amountTiyn: number; month?: string }[] }[] } }>(
    'select inputs, quarter, members, counted_tiyn::text as "countedTiyn", per_capita_tiyn::text as "perCapitaTiyn", threshold_tiyn::text as "thresholdTiyn", required, trace from income_calculation where application_id = $1 order by id desc limit 1',
    [row.id],
  );
  const [special] = await sql.query('select needs, amount_tiyn::text as "amountTiyn", reason, concluded_on::text as "concludedOn" from special_conclusion where application_id = $1', [row.id]);
  const [survey] = await sql.query<{ refused: boolean }>('select act_number as "actNumber", act_date::text as "actDate", refused, needs, conclusion_reason as "conclusionReason" from survey where application_id = $1', [row.id]);
  const answers = await sql.query<{ answers: Record<string, EgovAnswers> | null }>("select answers from data_request where application_id = $1 and kind = 'form-1-2'", [row.id]);
  const existing = answers.flatMap((a) => {
    const e = a.answers?.[row.applicantIin]?.['existing-assistance'];
    return e?.status === 'found' ? e.data : [];
  });
  const dayS = day.toString();
  const sameGround = existing.filter((e) => row.ground !== null && e.ground === row.ground && (!e.to || String(e.to) >= dayS));
  const [times] = await sql.query<{ n: string }>(
    `select count(*)::text as n from decision d join application a on a.id = d.application_id where a.applicant_iin = $1 and d.category_code = $2 and d.outcome = 'grant' and extract(year from d.decided_on) = $3 and a.id <> $4 and a.status <> 'TERMINATED'`,
    [row.applicantIin, row.categoryCode, day.year, row.id],
  );
  const members = income?.inputs.members ?? row.family.map((m) => ({ id: m.iin, relation: m.relation, incomes: [...m.incomes] }));
  const input: ApplicationInput = {
    applicationDate: row.registeredOn,
    category: row.categoryCode,
    family: { members: members.length ? members : [{ id: row.applicantIin, relation: 'head', incomes: [] }] },
    ...(row.actualCostTiyn !== null ? { actualCostTiyn: Number(row.actualCostTiyn) } : {}),
    ...(row.eventOn ? { eventDate: row.eventOn } : {}),
    track: row.track === 'extended' ? 'p14-p15' : 'standard',
    findings: {
      unreliableData: hearing?.refusal_ground === 'p.20.1',
      surveyRefusedOrEvaded: survey?.refused ?? false,
      assistanceAlreadyAssignedSameGround: sameGround.some((e) => e.status === 'assigned'),
      applicationAlreadyFiledSameGround: sameGround.some((e) => e.status === 'applied'),
      timesReceivedThisYear: Number(times?.n ?? 0),
    },
  };
  return { input, income: income ?? null, special: special ?? null, survey: survey ?? null };
}

function hearingWindowsClosed(ctx: CaseCtx, h: HearingRow, day: Temporal.PlainDate): void {
  const d = day.toString();
  const earliest = addWorkingDays(ctx.env.cal, Temporal.PlainDate.from(h.notified_on), 3).toString();
  if (d < earliest) throw new AppError('HEARING_WINDOW_OPEN', [], { reason: 'the notice must precede the decision by at least 3 working days', earliestDecisionOn: earliest });
  if (!h.objection_on && d <= h.objection_due_on) throw new AppError('HEARING_WINDOW_OPEN', [], { reason: 'objection window open', objectionDueOn: h.objection_due_on });
  if (h.objection_on && h.objection_oral && !h.protocol) throw new AppError('HEARING_PROTOCOL_MISSING');
  if (h.protocol && !h.protocol_read_on) throw new AppError('HEARING_WINDOW_OPEN', [], { reason: 'the applicant has not read the protocol yet' });
  if (h.protocol_read_on && !h.remarks_on && h.remarks_due_on && d <= h.remarks_due_on) throw new AppError('HEARING_WINDOW_OPEN', [], { reason: 'remarks window open', remarksDueOn: h.remarks_due_on });
}

function evaluate(input: ApplicationInput, ctx: CaseCtx, day: Temporal.PlainDate): EvaluationResult {
  try {
    return evaluateApplication(input, { asOf: day, config: ctx.env.config });
  } catch (e) {
    if (e instanceof RulesError) throw new AppError('RULES_CANNOT_EVALUATE', [], { rulesError: e.code, message: e.message });
    throw e;
  }
}

export async function decide(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined; decision: DecideInput }) {
  const dec = input.decision;
  const name = dec.outcome === 'grant' ? 'grant' : 'refuse';
  return runStep(ctx, name, input.applicationId, input.expectedVersion, async ({ sql, row, at, day }) => {
    const [hearing] = await sql.query<HearingRow>(
      `select refusal_ground, notified_on::text, planned_decision_on::text, objection_due_on::text, objection_on::text, objection_oral, protocol, protocol_read_on::text, remarks_due_on::text, remarks_on::text from hearing where application_id = $1`,
      [row.id],
    );
    const late = row.decisionHardOn !== null && day.toString() > row.decisionHardOn;
    if (late && !dec.lateReason) throw new AppError('DECISION_LATE_REASON_REQUIRED', [{ path: 'lateReason', message: `Соңғы күн ${row.decisionHardOn}. | Последний день ${row.decisionHardOn}. | The last day was ${row.decisionHardOn}.` }], { decisionHardOn: row.decisionHardOn });
    const facts = await evaluationInput(sql, row, hearing, day);
    const result = evaluate(facts.input, ctx, day);
    const special = facts.special as { needs: boolean; amountTiyn: string | null } | null;

    let refusalGround: string | null = null;
    if (dec.outcome === 'grant') {
      const negativeConclusion = special?.needs === false;
      if (result.outcome === 'refuse' || negativeConclusion) {
        if (row.status !== 'HEARING') throw new AppError('REFUSAL_NEEDS_HEARING', [], { refusalGrounds: result.refusalGrounds, specialNeeds: special?.needs ?? null });
        if (result.outcome === 'refuse') throw new AppError('GRANT_WITHOUT_BASIS', [], { refusalGrounds: result.refusalGrounds });
      }
    } else {
      if (!hearing) throw new AppError('REFUSAL_NEEDS_HEARING');
      hearingWindowsClosed(ctx, hearing, day);
      refusalGround = hearing.refusal_ground;
    }

    const periodicity = result.periodicity === 'yearly' ? 'one-time' : result.periodicity;
    const periods = periodicity === 'one-time' ? 1 : dec.periods;
    if (dec.outcome === 'grant' && periods === undefined) throw new AppError('VALIDATION', [{ path: 'periods', message: 'Төлемдер саны міндетті. | Число выплат обязательно. | The number of payments is required.' }]);
    if (dec.outcome === 'grant' && !row.iban) throw new AppError('INVALID_IBAN', [{ path: 'iban', message: 'Өтініште IBAN жоқ. | В заявлении нет IBAN. | The application has no IBAN.' }]);
    const firstPaymentDate = dec.firstPaymentDate ?? day.toString();
    const amountTiyn = dec.outcome === 'grant' ? result.amountTiyn : null;
    const clauses = [...new Set(result.trace.map((t) => t.clause))];
    const basis = {
      evaluatedOn: day.toString(),
      inputs: facts.input,
      rulesVersion: result.rulesVersion,
      outcome: dec.outcome,
      rulesOutcome: result.outcome,
      refusalGrounds: dec.outcome === 'refuse' ? [refusalGround, ...result.refusalGrounds.filter((g) => g !== refusalGround)] : [],
      amountTiyn,
      periodicity,
      perCapitaIncomeTiyn: result.perCapitaIncomeTiyn,
      thresholdTiyn: result.thresholdTiyn,
      categoryIsExample: result.categoryIsExample,
      clauses,
      trace: result.trace,
      incomeCalculation: facts.income,
      specialConclusion: facts.special,
      survey: facts.survey,
      hearing: hearing ?? null,
      deadline: { hardOn: row.decisionHardOn, late, lateReason: dec.lateReason ?? null, track: row.track },
    };
    const [d] = await sql.query<{ id: string; number: string }>(
      `insert into decision (application_id, number, decided_on, decided_at, outcome, refusal_ground, amount_tiyn, periodicity, first_payment_date, periods, category_code, ground, rules_version, basis, late_reason, decided_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) returning id, number`,
      [row.id, `${row.regNumber}-D`, day.toString(), at.toString(), dec.outcome, refusalGround, amountTiyn, periodicity, dec.outcome === 'grant' ? firstPaymentDate : null, dec.outcome === 'grant' ? periods : null, row.categoryCode, row.ground, result.rulesVersion.id, JSON.stringify(basis), dec.lateReason ?? null, ctx.actor?.id ?? null],
    );
    const decisionId = d!.id;
    const recipientName = dec.outcome === 'grant' ? (await sql.query<{ name: string }>("select last_name || ' ' || first_name || coalesce(' ' || patronymic, '') as name from person where iin = $1", [row.applicantIin]))[0]?.name : undefined;
    const notices = await enqueueDecisionNotice(sql, { applicationId: row.id, decisionId, outcome: dec.outcome, phone: row.mobile, portal: row.channel === 'PORTAL', at });
    return {
      result: { decisionId, number: d!.number, outcome: dec.outcome, amountTiyn, periodicity, refusalGround, late, clauses, payments: null as null | { paymentsCreated: number; committedTiyn: number }, notices: notices.map((n) => n.channel) },
      after: { decision: d!.number, outcome: dec.outcome, amountTiyn, refusalGround, late },
      // p.21: the budget row is the hottest lock of the system; it is taken last, just before the commit.
      ...(dec.outcome === 'grant'
        ? {
            finish: async (tx: Sql) => {
              const committed = await commitBudgetAndSchedule(tx, {
                decisionId, applicationId: row.id, recipientIin: row.applicantIin, iban: row.iban!, categoryCode: row.categoryCode, ground: row.ground, ruralDistrictId: row.ruralDistrictId,
                periodicity, amountTiyn: amountTiyn!, firstPaymentDate, periods: periods!, at, ...(recipientName ? { recipientName } : {}),
              });
              return { payments: { paymentsCreated: committed.paymentsCreated, committedTiyn: committed.committedTiyn } };
            },
          }
        : {}),
    };
  });
}
