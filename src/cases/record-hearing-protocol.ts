/**
 * p.18: the hearing protocol (for an oral objection): place, date, start and end time, the body, the
 * official and the secretary, the participant, the matter, explanations, questions and answers, signed.
 * When the applicant has read it (`readOn`), the rules core gives the 3-WD window for remarks.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { protocolRemarksDeadline } from '../rules/deadlines';
import { Temporal } from 'temporal-polyfill';
import type { CaseCtx } from './case-env';
import { DateString } from './intake-form';
import { runStep } from './run-step';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const HearingProtocolInput = z.strictObject({
  place: z.string().trim().min(1).max(300),
  date: DateString,
  startTime: Time,
  endTime: Time,
  body: z.string().trim().min(1).max(300),
  official: z.string().trim().min(1).max(300),
  secretary: z.string().trim().min(1).max(300),
  participant: z.string().trim().min(1).max(300),
  matter: z.string().trim().min(1).max(2000),
  explanations: z.string().trim().min(1).max(8000),
  questionsAndAnswers: z.array(z.strictObject({ question: z.string().min(1).max(2000), answer: z.string().max(4000) })).max(100),
  signed: z.literal(true),
  /** The day the applicant read the protocol (may be recorded later with the same step). */
  readOn: DateString.optional(),
});

export async function recordHearingProtocol(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined; protocol: z.infer<typeof HearingProtocolInput> }) {
  const p = input.protocol;
  return runStep(ctx, 'recordHearingProtocol', input.applicationId, input.expectedVersion, async ({ sql, row, day }) => {
    const [h] = await sql.query<{ notified_on: string; protocol: unknown }>('select notified_on::text, protocol from hearing where application_id = $1', [row.id]);
    if (!h) throw new AppError('ILLEGAL_TRANSITION', [], { step: 'recordHearingProtocol', reason: 'no hearing' });
    if (p.endTime <= p.startTime) throw new AppError('DATE_OUT_OF_ORDER', [{ path: 'endTime', message: 'Аяқталу уақыты басталудан кейін. | Время окончания после начала. | The end is after the start.' }]);
    if (p.date < h.notified_on || p.date > day.toString() || (p.readOn !== undefined && (p.readOn < p.date || p.readOn > day.toString()))) {
      throw new AppError('DATE_OUT_OF_ORDER', [{ path: p.readOn !== undefined && p.date >= h.notified_on && p.date <= day.toString() ? 'readOn' : 'date', message: 'Күн ретсіз. | Даты в неверном порядке. | Dates out of order.' }]);
    }
    const { readOn, ...protocol } = p;
    const remarksDue = readOn ? protocolRemarksDeadline(ctx.env.cal, { protocolReadOn: Temporal.PlainDate.from(readOn) }, { convention: ctx.env.convention }).date.toString() : null;
    await sql.query('update hearing set protocol = $2, protocol_read_on = $3, remarks_due_on = $4 where application_id = $1', [row.id, JSON.stringify(protocol), readOn ?? null, remarksDue]);
    return { result: { remarksDueOn: remarksDue }, after: { protocolDate: p.date, readOn: readOn ?? null, remarksDueOn: remarksDue } };
  });
}
