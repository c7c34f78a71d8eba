/**
 * p.18 (APC arts. 73–74): when refusal grounds of p.20 are found, the authorized body first notifies the
 * applicant of the preliminary decision to refuse and of the hearing — at least 3 working days before the
 * planned decision (HEARING_NOTICE_TOO_LATE otherwise). The objection window (2 WD from receipt of the
 * notice) is computed by the rules core and kept with the hearing. The notice itself — the ground with its
 * clause, the hearing's date, time and place or how to object, the 2-WD window — is queued in the same
 * transaction for the channels of p.19 (SMS / print queue, personal cabinet for portal applications), in
 * the applicant's language (src/notifications/enqueue-hearing-notice.ts).
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { AppError } from '../errors';
import { objectionDeadline, preliminaryDecisionNoticeDeadline } from '../rules/deadlines';
import { enqueueHearingNotice } from '../notifications/enqueue-hearing-notice';
import type { CaseCtx } from './case-env';
import { DateString } from './intake-form';
import { runStep } from './run-step';

export const REFUSAL_GROUNDS = ['p.20.1', 'p.20.2', 'p.20.3', 'p.20.4'] as const;

export const ProposeRefusalInput = z.strictObject({
  refusalGround: z.enum(REFUSAL_GROUNDS),
  /** The preliminary decision's text: the facts and the clause. */
  text: z.string().trim().min(3).max(4000),
  /** The day the applicant received the notice (default: today). */
  notifiedOn: DateString.optional(),
  plannedDecisionOn: DateString,
  hearingAt: z.string().datetime({ offset: true }).optional(),
  /** Video-conference, information system, in person, … (p.18). */
  hearingMeans: z.string().max(300).optional(),
  /** Where the hearing is held (office, room), when in person. */
  hearingPlace: z.string().trim().max(300).optional(),
});

export async function proposeRefusal(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined; proposal: z.infer<typeof ProposeRefusalInput> }) {
  const p = input.proposal;
  return runStep(ctx, 'proposeRefusal', input.applicationId, input.expectedVersion, async ({ sql, row, at, day }) => {
    if (row.status === 'SURVEYED' && !(row.surveyRefused && p.refusalGround === 'p.20.2')) {
      throw new AppError('ILLEGAL_TRANSITION', [], { step: 'proposeRefusal', from: row.status, reason: 'before the special commission only the refusal to be surveyed (p.20.2) leads to a hearing' });
    }
    const notified = Temporal.PlainDate.from(p.notifiedOn ?? day.toString());
    const planned = Temporal.PlainDate.from(p.plannedDecisionOn);
    if (notified.toString() > day.toString() || notified.toString() < row.registeredOn) throw new AppError('DATE_OUT_OF_ORDER', [{ path: 'notifiedOn', message: 'Тіркеу мен бүгін арасында. | Между регистрацией и сегодня. | Between registration and today.' }]);
    const latest = preliminaryDecisionNoticeDeadline(ctx.env.cal, { plannedDecisionOn: planned });
    if (Temporal.PlainDate.compare(notified, latest.date) > 0) throw new AppError('HEARING_NOTICE_TOO_LATE', [{ path: 'plannedDecisionOn', message: `${latest.explanation.kk} | ${latest.explanation.ru} | ${latest.explanation.en}` }], { latestNoticeOn: latest.date.toString() });
    const objection = objectionDeadline(ctx.env.cal, { preliminaryDecisionReceivedOn: notified }, { convention: ctx.env.convention });
    await sql.query(
      `insert into hearing (application_id, refusal_ground, preliminary_text, notified_on, planned_decision_on, hearing_at, hearing_means, hearing_place, objection_due_on, recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [row.id, p.refusalGround, p.text, notified.toString(), planned.toString(), p.hearingAt ?? null, p.hearingMeans || null, p.hearingPlace || null, objection.date.toString(), at.toString()],
    );
    const notices = await enqueueHearingNotice(sql, { applicationId: row.id, at });
    return {
      overlay: { hearingPlannedOn: planned.toString() },
      result: { objectionDueOn: objection.date.toString(), latestNoticeOn: latest.date.toString(), explanation: objection.explanation, notices: notices.map((n) => n.channel) },
      after: { refusalGround: p.refusalGround, notifiedOn: notified.toString(), plannedDecisionOn: planned.toString(), objectionDueOn: objection.date.toString(), notices: notices.map((n) => n.channel) },
    };
  });
}
