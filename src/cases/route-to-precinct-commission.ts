/**
 * p.12: for grounds 6.1, 6.2, 6.4 (those the district configuration marks `surveyRequired`) the authorized
 * body or the rural akim sends the applicant's documents to the precinct commission within 1 working day
 * of registration. The day of sending starts the commission's 2-WD survey period (p.13).
 */
import { AppError } from '../errors';
import type { CaseCtx } from './case-env';
import { surveyRequiredFor } from './case-store';
import { runStep } from './run-step';

export async function routeToPrecinctCommission(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined }) {
  return runStep(ctx, 'routeToPrecinctCommission', input.applicationId, input.expectedVersion, async ({ row, day }) => {
    if (!surveyRequiredFor(ctx.env, row.ground)) throw new AppError('ILLEGAL_TRANSITION', [], { step: 'routeToPrecinctCommission', reason: `ground ${row.ground ?? '(none)'} needs no survey (p.12)` });
    return { changes: { routed_on: day.toString() }, result: { routedOn: day.toString() }, after: { routedOn: day.toString() } };
  });
}
