/**
 * p.18: the decision on form 4, by the HEAD of the authorized body, within the decision deadline (8 WD, or
 * 20 WD on the p.14/p.15 track). The rules core (`evaluateApplication`) judges the case on the decision
 * day and its result — inputs, rules version, amount, clauses and trace — is stored as the FROZEN BASIS
 * of the decision: never recomputed afterwards.
 *
 * - A grant: from CONCLUDED (the special commission found the need), or from HEARING when the hearing
 *   changed the view. If the Rules find refusal grounds, a grant from CONCLUDED is refused with
 *   REFUSAL_NEEDS_HEARING (the hearing comes first) and from HEARING with GRANT_WITHOUT_BASIS. In the same
 *   statement the payments module writes the schedule and commits the budget (p.21: BUDGET_EXCEEDED fails
 *   the whole decision) and the notifications module queues form 5.
 * - A refusal: only from HEARING, once its windows are closed (p.18): the notice at least 3 WD before
 *   the decision, the objection window passed or the objection recorded, an oral objection's protocol
 *   read, and the remarks window passed or the remarks recorded. Form 6 is queued.
 * - Past the hard deadline a decision needs a recorded reason (DECISION_LATE_REASON_REQUIRED).
 * Re-running a decision on a decided case is ILLEGAL_TRANSITION: a decision is never undone by a retry.
 *
 * Sent as the case path's plain steps are (src/cases/run-step.ts): the case with its decision file is read
 * (one round trip), everything is computed here, then ONE statement without BEGIN/COMMIT inserts the
 * decision, its notices and payments, commits each financial year of the schedule against the budget
 * (ascending), updates the case (version checked) and appends the audit entry. The allocation row — the
 * one row every grant of the year updates — is therefore locked only by that statement until its commit.
 */
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { AppError } from '../errors';
import type { Sql } from '../db/connect';
import type { EgovAnswers } from '../adapters/egov/port';
import { evaluateApplication, type ApplicationInput, type EvaluationResult } from '../rules/evaluate';
import { RulesError } from '../rules/rules-error';
import { addWorkingDays } from '../rules/calendar';
import { decisionPaymentItems, planDecisionPayments } from '../payments/commit-decision';
import { budgetExceeded, commitBudgetItems } from '../payments/budget-ledger';
import { decisionNoticeItems, decisionNoticeRows } from '../notifications/enqueue-decision-notice';
import { normalizeClause, type NoticeLang } from '../notifications/notice-texts';
import type { CaseCtx } from './case-env';
import type { CaseRow, ExtraRead } from './case-store';
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

/** Everything the decision reads besides the case row, read WITH the case row (one round trip; the decision is the busiest step). */
interface DecisionFile {
  hearing: HearingRow | null;
  income: { inputs: { members: { id: string; relation: string; incomes: { type: string; amountTiyn: number; month?: string }[] }[] } } | null;
  special: { needs: boolean; amountTiyn: string | null } | null;
  survey: { refused: boolean } | null;
  existing: (EgovAnswers['existing-assistance'] | null)[];
  times: string;
  recipientName: string | null;
  /** The applicant's notice language chosen at intake (application.notice_lang). */
  lang: NoticeLang;
}

/** The decision file as one expression over the case row `a` ($2: the decision year). */
function decisionFileRead(day: Temporal.PlainDate): ExtraRead {
  return {
    column: `json_build_object(
       'hearing', (select row_to_json(h) from (select refusal_ground, notified_on::text as notified_on, planned_decision_on::text as planned_decision_on, objection_due_on::text as objection_due_on,
          objection_on::text as objection_on, objection_oral, protocol, protocol_read_on::text as protocol_read_on, remarks_due_on::text as remarks_due_on, remarks_on::text as remarks_on
          from hearing where application_id = a.id) h),
       'income', (select row_to_json(i) from (select inputs, quarter, members, counted_tiyn::text as "countedTiyn", per_capita_tiyn::text as "perCapitaTiyn", threshold_tiyn::text as "thresholdTiyn", required, trace
          from income_calculation where application_id = a.id order by id desc limit 1) i),
       'special', (select row_to_json(c) from (select needs, amount_tiyn::text as "amountTiyn", reason, concluded_on::text as "concludedOn" from special_conclusion where application_id = a.id) c),
       'survey', (select row_to_json(v) from (select act_number as "actNumber", act_date::text as "actDate", refused, needs, conclusion_reason as "conclusionReason" from survey where application_id = a.id) v),
       'existing', (select coalesce(json_agg(answers -> a.applicant_iin -> 'existing-assistance'), '[]'::json) from data_request where application_id = a.id and kind = 'form-1-2'),
       'times', (select count(*)::text from decision d join application other on other.id = d.application_id
         where other.applicant_iin = a.applicant_iin and d.category_code = a.category_code and d.outcome = 'grant' and d.decided_on >= make_date($2::int, 1, 1) and d.decided_on < make_date($2::int + 1, 1, 1) and other.id <> a.id and other.status <> 'TERMINATED'),
       'recipientName', (select last_name || ' ' || first_name || coalesce(' ' || patronymic, '') from person where iin = a.applicant_iin),
       'lang', a.notice_lang)`,
    params: [day.year],
  };
}

/** What the rules core is asked: the application as plain data, with the findings of the file. */
function evaluationInput(row: CaseRow, file: DecisionFile, day: Temporal.PlainDate): ApplicationInput {
  const { hearing, income, survey } = file;
  const existing = file.existing.flatMap((e) => (e && e.status === 'found' ? e.data : []));
  const dayS = day.toString();
  const sameGround = existing.filter((e) => row.ground !== null && e.ground === row.ground && (!e.to || String(e.to) >= dayS));
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
      timesReceivedThisYear: Number(file.times),
    },
  };
  return input;
}

/** p.18: which hearing window still stands in the way of a refusal, said to the head in kk | ru | en with its date. */
function hearingWindowsClosed(ctx: CaseCtx, h: HearingRow, day: Temporal.PlainDate): void {
  const d = day.toString();
  const shown = (iso: string) => iso.split('-').reverse().join('.');
  const open = (message: string, details: Record<string, unknown>) => new AppError('HEARING_WINDOW_OPEN', [{ path: 'decision', message }], details);
  const earliest = addWorkingDays(ctx.env.cal, Temporal.PlainDate.from(h.notified_on), 3).toString();
  if (d < earliest) {
    throw open(
      `Шешімді ${shown(earliest)} бастап қабылдауға болады: хабарламадан кейін кемінде 3 жұмыс күні өтуі керек (18-т.). | Решение можно принять с ${shown(earliest)}: после уведомления должно пройти не менее 3 рабочих дней (п. 18). | The decision may be taken from ${shown(earliest)}: at least 3 working days must pass after the notice (p.18).`,
      { reason: 'the notice must precede the decision by at least 3 working days', earliestDecisionOn: earliest },
    );
  }
  if (!h.objection_on && d <= h.objection_due_on) {
    throw open(`Қарсылық беру мерзімі ${shown(h.objection_due_on)} қоса алғанда (18-т.). | Срок возражения — по ${shown(h.objection_due_on)} включительно (п. 18). | The objection window runs until ${shown(h.objection_due_on)} inclusive (p.18).`, { reason: 'objection window open', objectionDueOn: h.objection_due_on });
  }
  if (h.objection_on && h.objection_oral && !h.protocol) throw new AppError('HEARING_PROTOCOL_MISSING');
  if (h.protocol && !h.protocol_read_on) throw open('Өтініш беруші тыңдау хаттамасымен әлі танысқан жоқ (18-т.). | Заявитель ещё не ознакомлен с протоколом заслушивания (п. 18). | The applicant has not read the hearing protocol yet (p.18).', { reason: 'the applicant has not read the protocol yet' });
  if (h.protocol_read_on && !h.remarks_on && h.remarks_due_on && d <= h.remarks_due_on) {
    throw open(`Хаттамаға ескертулер мерзімі ${shown(h.remarks_due_on)} қоса алғанда (18-т.). | Срок замечаний на протокол — по ${shown(h.remarks_due_on)} включительно (п. 18). | Remarks on the protocol may be filed until ${shown(h.remarks_due_on)} inclusive (p.18).`, { reason: 'remarks window open', remarksDueOn: h.remarks_due_on });
  }
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
  return runStep(ctx, name, input.applicationId, input.expectedVersion, async ({ row, at, day, extra }) => {
    const file = extra as DecisionFile;
    const hearing = file.hearing;
    const late = row.decisionHardOn !== null && day.toString() > row.decisionHardOn;
    if (late && !dec.lateReason) throw new AppError('DECISION_LATE_REASON_REQUIRED', [{ path: 'lateReason', message: `Соңғы күн ${row.decisionHardOn}. | Последний день ${row.decisionHardOn}. | The last day was ${row.decisionHardOn}.` }], { decisionHardOn: row.decisionHardOn });
    const facts = { input: evaluationInput(row, file, day), income: file.income, special: file.special, survey: file.survey };
    const result = evaluate(facts.input, ctx, day);
    const special = file.special;

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
    // The decision, its notices (p.19), its payments (p.26) and their budget commitment (p.21) are WITH
    // items of the step's one statement: built here from what was read, nothing is sent before it.
    const decisionId = randomUUID();
    const number = `${row.regNumber}-D`;
    const written = [
      `decision_saved as (insert into decision (id, application_id, number, decided_on, decided_at, outcome, refusal_ground, amount_tiyn, periodicity, first_payment_date, periods, category_code, ground, rules_version, basis, late_reason, decided_by)
       select $1::uuid, $2::uuid, $3::text, $4::date, $5::timestamptz, $6::text, $7::text, $8::bigint, $9::text, $10::date, $11::int, $12::text, $13::text, $14::text, $15::jsonb, $16::text, $17::uuid from case_saved returning id)`,
    ];
    const params: unknown[] = [decisionId, row.id, number, day.toString(), at.toString(), dec.outcome, refusalGround, amountTiyn, periodicity, dec.outcome === 'grant' ? firstPaymentDate : null, dec.outcome === 'grant' ? periods : null, row.categoryCode, row.ground, result.rulesVersion.id, JSON.stringify(basis), dec.lateReason ?? null, ctx.actor?.id ?? null];
    const noticeFacts = { outcome: dec.outcome, decisionNumber: number, decidedOn: day.toString(), regNumber: row.regNumber, amountTiyn, refusalGround: refusalGround === null ? null : normalizeClause(refusalGround) };
    const notices = decisionNoticeRows(noticeFacts, { phone: row.mobile, portal: row.channel === 'PORTAL', lang: file.lang });
    const noticed = decisionNoticeItems(notices, { applicationId: row.id, decisionId, outcome: dec.outcome, phone: row.mobile, lang: file.lang, at }, 'decision_saved', params.length);
    written.push(noticed.text);
    params.push(...noticed.params);
    const recipientName = file.recipientName;
    const payments =
      dec.outcome === 'grant'
        ? planDecisionPayments({
            decisionId, applicationId: row.id, recipientIin: row.applicantIin, iban: row.iban!, categoryCode: row.categoryCode, ground: row.ground, ruralDistrictId: row.ruralDistrictId,
            periodicity, amountTiyn: amountTiyn!, firstPaymentDate, periods: periods!, at, ...(recipientName ? { recipientName } : {}),
          })
        : null;
    if (payments) {
      const paid = decisionPaymentItems(payments, 'decision_saved', params.length);
      written.push(paid.text);
      params.push(...paid.params);
    }
    // p.21: every financial year of the schedule is committed in the same statement (ascending), after the
    // case's UPDATE; one that does not fit fails the whole statement, answered with BUDGET_EXCEEDED.
    const commitments = payments?.commitments ?? [];
    return {
      write: { items: written.join(',\n     '), names: payments ? ['decision_saved', 'decision_noticed', 'payments_written'] : ['decision_saved', 'decision_noticed'], params },
      result: { decisionId, number, outcome: dec.outcome, amountTiyn, periodicity, refusalGround, late, clauses, payments: payments && { paymentsCreated: payments.paymentsCreated, committedTiyn: payments.committedTiyn }, notices: notices.map((n) => n.channel) },
      after: { decision: number, outcome: dec.outcome, amountTiyn, refusalGround, late },
      ...(commitments.length ? { hot: { items: (after: readonly string[], offset: number) => commitBudgetItems(commitments, after, offset), refused: (read: Sql, i: number) => budgetExceeded(read, commitments[i] ?? commitments.at(-1)!) } } : {}),
    };
  }, decisionFileRead);
}
