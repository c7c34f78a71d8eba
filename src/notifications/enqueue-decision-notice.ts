/**
 * p.19: after a decision, the applicant is notified on form 5 (grant) or form 6 (refusal). Written with
 * the decision — in the decision's one statement (decisionNoticeItems, src/cases/decide.ts, from facts the
 * workflow already holds) or inside the caller's transaction (enqueueDecisionNotice, which reads them) —
 * the outbox rows are what `dispatchNotifications` sends after commit, so a decision is never committed without its notice and a notice never leaves
 * for a decision that rolled back:
 *   - a mobile number given in the application → an SMS row (the dispatcher checks the mobile-citizens
 *     database and falls back to print);
 *   - no number → a print-queue row at once (printed and handed over by the authorized body or the
 *     State Corporation when the applicant comes);
 *   - a portal application (form 1-1) → also a personal-cabinet row due within 1 working day of the
 *     decision (p.19; the date from src/rules/deadlines.ts).
 * Written in the applicant's language (application.notice_lang, chosen at intake: kk or ru).
 * Idempotent: one row per decision and channel.
 */
import { Temporal } from 'temporal-polyfill';
import type { Sql } from '../db/connect';
import { cabinetNoticeDeadline } from '../rules/deadlines';
import { caseEnv } from '../cases/case-env';
import { cabinetText, normalizeClause, smsText, type NoticeFacts, type NoticeLang } from './notice-texts';

export interface EnqueueDecisionNoticeInput {
  readonly applicationId: string;
  readonly decisionId: string;
  readonly outcome: 'grant' | 'refuse';
  /** The mobile number given in the application (+7XXXXXXXXXX), or null. */
  readonly phone: string | null;
  /** True for applications filed through the portal (form 1-1). */
  readonly portal: boolean;
  /** Overrides the applicant's language chosen at intake (application.notice_lang). */
  readonly lang?: NoticeLang;
  readonly at: Temporal.Instant;
}

export interface EnqueuedNotice {
  readonly id: number;
  readonly channel: 'sms' | 'print' | 'cabinet';
  readonly dueOn: string | null;
}

/** Reads the facts a notice states from the decision and its application (in the caller's transaction). */
export async function noticeFacts(sql: Sql, decisionId: string): Promise<(NoticeFacts & { applicationId: string; lang: NoticeLang }) | null> {
  const [row] = await sql.query<{ applicationId: string; outcome: 'grant' | 'refuse'; number: string; decidedOn: string; regNumber: string; amountTiyn: string | null; refusalGround: string | null; lang: NoticeLang }>(
    `select d.application_id as "applicationId", d.outcome, d.number, d.decided_on::text as "decidedOn", a.reg_number as "regNumber",
            d.amount_tiyn::text as "amountTiyn", d.refusal_ground as "refusalGround", a.notice_lang as lang
       from decision d join application a on a.id = d.application_id where d.id = $1`,
    [decisionId],
  );
  if (!row) return null;
  return {
    applicationId: row.applicationId,
    lang: row.lang,
    outcome: row.outcome,
    decisionNumber: row.number,
    decidedOn: row.decidedOn,
    regNumber: row.regNumber,
    amountTiyn: row.amountTiyn === null ? null : Number(row.amountTiyn),
    refusalGround: row.refusalGround === null ? null : normalizeClause(row.refusalGround),
  };
}

/** One outbox row of a decision's notice. */
export interface DecisionNoticeRow {
  readonly channel: 'sms' | 'print' | 'cabinet';
  readonly body: string;
  readonly dueOn: string | null;
}

/**
 * p.19: the notice rows of a decision (see the module comment) built from its facts, which the caller
 * already holds — the SMS (or, without a number, the print-queue row) and, for a portal application, the
 * personal-cabinet row due within 1 working day of the decision.
 */
export function decisionNoticeRows(facts: NoticeFacts, input: { readonly phone: string | null; readonly portal: boolean; readonly lang: NoticeLang }): DecisionNoticeRow[] {
  const rows: DecisionNoticeRow[] = [];
  rows.push(input.phone ? { channel: 'sms', body: smsText(facts, input.lang), dueOn: null } : { channel: 'print', body: cabinetText(facts, input.lang).title, dueOn: null });
  if (input.portal) {
    const env = caseEnv();
    const due = cabinetNoticeDeadline(env.cal, { decidedOn: Temporal.PlainDate.from(facts.decidedOn) }, { convention: env.convention });
    const c = cabinetText(facts, input.lang);
    rows.push({ channel: 'cabinet', body: `${c.title}\n${c.text}`, dueOn: due.date.toString() });
  }
  return rows;
}

/**
 * The decision's notice rows as ONE WITH-list item `decision_noticed` (parameters from `offset + 1`), for
 * the decision's one statement (src/cases/decide.ts) and for enqueueDecisionNotice: the rows are written
 * once per row of `source` (in the decision's statement the WITH item of the decision just inserted, none
 * when it was not; for enqueueDecisionNotice a one-row subquery), in the order given.
 */
export function decisionNoticeItems(
  rows: readonly DecisionNoticeRow[],
  input: { readonly applicationId: string; readonly decisionId: string; readonly outcome: 'grant' | 'refuse'; readonly phone: string | null; readonly lang: NoticeLang; readonly at: Temporal.Instant },
  source: string,
  offset: number,
): { readonly text: string; readonly params: readonly unknown[] } {
  const p = (n: number) => `$${offset + n}`;
  return {
    text: `decision_noticed as (insert into notification (application_id, decision_id, form, channel, lang, phone, body, status, next_attempt_at, due_on, created_at, updated_at)
       select ${p(1)}::uuid, ${p(2)}::uuid, ${p(3)}::text, r.channel, ${p(4)}::text, case when r.channel = 'sms' then ${p(5)}::text end, r.body, 'queued', ${p(6)}::timestamptz, r.due_on, ${p(6)}::timestamptz, ${p(6)}::timestamptz
         from ${source}, unnest(${p(7)}::text[], ${p(8)}::text[], ${p(9)}::date[]) with ordinality as r(channel, body, due_on, n)
        order by r.n
       on conflict (decision_id, channel) do nothing returning id, channel)`,
    params: [input.applicationId, input.decisionId, input.outcome === 'grant' ? '5' : '6', input.lang, input.phone, input.at.toString(), rows.map((r) => r.channel), rows.map((r) => r.body), rows.map((r) => r.dueOn)],
  };
}

/** Writes the notice rows of a decision (see the module comment), reading its facts. Returns the rows now queued. */
export async function enqueueDecisionNotice(sql: Sql, input: EnqueueDecisionNoticeInput): Promise<EnqueuedNotice[]> {
  const facts = await noticeFacts(sql, input.decisionId);
  if (!facts || facts.applicationId !== input.applicationId) throw new Error(`enqueueDecisionNotice: decision ${input.decisionId} of application ${input.applicationId} not found`);
  if (facts.outcome !== input.outcome) throw new Error(`enqueueDecisionNotice: outcome ${input.outcome} differs from the decision's ${facts.outcome}`);
  const lang = input.lang ?? facts.lang;
  const rows = decisionNoticeRows(facts, { phone: input.phone, portal: input.portal, lang });
  // The same WITH item as the decision's one statement, its rows written once (from a one-row source).
  const item = decisionNoticeItems(rows, { applicationId: input.applicationId, decisionId: input.decisionId, outcome: input.outcome, phone: input.phone, lang, at: input.at }, '(select 1) as one', 0);
  const inserted = await sql.query<{ id: string; channel: string }>(`with ${item.text} select id, channel from decision_noticed`, item.params);
  const idOf = new Map(inserted.map((r) => [r.channel, Number(r.id)]));
  const out: EnqueuedNotice[] = [];
  for (const r of rows) {
    const id = idOf.get(r.channel);
    if (id !== undefined) out.push({ id, channel: r.channel, dueOn: r.dueOn });
  }
  return out;
}
