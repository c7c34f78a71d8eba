/**
 * p.13: the rural akim forwards the act of survey, the conclusion and the documents to the authorized
 * body within 2 working days; the day of forwarding is the day the authorized body receives the file,
 * which starts its 1-WD income computation (p.16).
 */
import { AppError } from '../errors';
import type { CaseCtx } from './case-env';
import { runStep } from './run-step';

export async function forwardSurvey(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined }) {
  return runStep(ctx, 'forwardSurvey', input.applicationId, input.expectedVersion, async ({ sql, row, day }) => {
    const [s] = await sql.query<{ forwarded_on: string | null }>('select forwarded_on::text as forwarded_on from survey where application_id = $1', [row.id]);
    if (!s || s.forwarded_on) throw new AppError('ILLEGAL_TRANSITION', [], { step: 'forwardSurvey', reason: s ? 'already forwarded' : 'no survey recorded' });
    await sql.query('update survey set forwarded_on = $2 where application_id = $1', [row.id, day.toString()]);
    return { changes: { file_received_on: day.toString() }, overlay: { surveyForwardedOn: day.toString() }, result: { forwardedOn: day.toString() } };
  });
}
