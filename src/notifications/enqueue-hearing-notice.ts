/**
 * p.18 (Administrative Procedural Code arts. 73–74): the applicant is notified of the preliminary
 * decision to refuse and of the hearing, so that they can object within 2 working days. Called by
 * `src/cases/propose-refusal.ts` INSIDE the proposal's transaction, after the hearing row is written; it
 * writes the outbox rows that `dispatchNotifications` sends after commit, through the channels of p.19:
 *   - a mobile number given in the application → an SMS row (sent only if the number is registered in the
 *     mobile-citizens database; otherwise, or when the SMS fails, the notice goes to the print queue);
 *   - no number → a print-queue row (printed and handed over, or sent by post, by the authorized body);
 *   - a portal application (form 1-1) → also a personal-cabinet row, due on the notice day.
 * The text is in the applicant's language (application.notice_lang, chosen at intake). Idempotent: one
 * row per application and channel.
 */
import { Temporal } from 'temporal-polyfill';
import type { Sql } from '../db/connect';
import { caseEnv } from '../cases/case-env';
import type { EnqueuedNotice } from './enqueue-decision-notice';
import { formatCivilDate, hearingCabinetText, hearingSmsText, type HearingNoticeFacts, type NoticeLang } from './notice-texts';

/** Reads what the hearing notice states from the hearing and its application (in the caller's transaction). */
export async function hearingNoticeFacts(sql: Sql, applicationId: string): Promise<(HearingNoticeFacts & { lang: NoticeLang; phone: string | null; portal: boolean }) | null> {
  const [r] = await sql.query<{
    regNumber: string; refusalGround: string; notifiedOn: string; objectionDueOn: string; plannedDecisionOn: string; hearingAt: string | null; hearingPlace: string | null; hearingMeans: string | null;
    lang: NoticeLang; phone: string | null; channel: string;
  }>(
    `select a.reg_number as "regNumber", h.refusal_ground as "refusalGround", h.notified_on::text as "notifiedOn", h.objection_due_on::text as "objectionDueOn",
            h.planned_decision_on::text as "plannedDecisionOn", to_json(h.hearing_at)#>>'{}' as "hearingAt", h.hearing_place as "hearingPlace", h.hearing_means as "hearingMeans",
            a.notice_lang as lang, a.mobile as phone, a.channel
       from hearing h join application a on a.id = h.application_id where h.application_id = $1`,
    [applicationId],
  );
  if (!r) return null;
  const zone = caseEnv().officeHours.timeZone;
  const hearingLocal = r.hearingAt ? localDateTime(Temporal.Instant.from(r.hearingAt), zone) : null;
  return {
    regNumber: r.regNumber, refusalGround: r.refusalGround, notifiedOn: r.notifiedOn, objectionDueOn: r.objectionDueOn, plannedDecisionOn: r.plannedDecisionOn,
    hearingLocal, hearingPlace: r.hearingPlace, hearingMeans: r.hearingMeans, lang: r.lang, phone: r.phone, portal: r.channel === 'PORTAL',
  };
}

/** An instant as "DD.MM.YYYY HH:mm" in the district's time zone. */
function localDateTime(at: Temporal.Instant, zone: string): string {
  const z = at.toZonedDateTimeISO(zone);
  return `${formatCivilDate(z.toPlainDate().toString())} ${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
}

/** Writes the hearing notice rows of an application (see the module comment). Returns the rows now queued. */
export async function enqueueHearingNotice(sql: Sql, input: { readonly applicationId: string; readonly at: Temporal.Instant }): Promise<EnqueuedNotice[]> {
  const f = await hearingNoticeFacts(sql, input.applicationId);
  if (!f) throw new Error(`enqueueHearingNotice: application ${input.applicationId} has no hearing`);
  const at = input.at.toString();
  const rows: { channel: 'sms' | 'print' | 'cabinet'; body: string; dueOn: string | null }[] = [];
  const c = hearingCabinetText(f, f.lang);
  rows.push(f.phone ? { channel: 'sms', body: hearingSmsText(f, f.lang), dueOn: null } : { channel: 'print', body: c.title, dueOn: null });
  if (f.portal) rows.push({ channel: 'cabinet', body: `${c.title}\n${c.text}`, dueOn: f.notifiedOn });
  const out: EnqueuedNotice[] = [];
  for (const r of rows) {
    const inserted = await sql.query<{ id: string }>(
      `insert into notification (application_id, decision_id, form, channel, lang, phone, body, status, next_attempt_at, due_on, created_at, updated_at)
       values ($1, null, 'hearing', $2, $3, $4, $5, 'queued', $6, $7, $6, $6)
       on conflict do nothing returning id`,
      [input.applicationId, r.channel, f.lang, r.channel === 'sms' ? f.phone : null, r.body, at, r.dueOn],
    );
    if (inserted[0]) out.push({ id: Number(inserted[0].id), channel: r.channel, dueOn: r.dueOn });
  }
  return out;
}
