/**
 * p.14 / p.15 → p.18 second paragraph: the case moves to the 20-working-day track only on a recorded legal
 * basis — p.14 (documents insufficient, data requested from other bodies) or p.15 (the applicant cannot
 * present documents: spoiled, lost) — with its reason. The decision deadline is recomputed by the rules
 * core from the day the documents were accepted; never a silent pause.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { AppError } from '../errors';
import { DeadlineError, validateExtensionBasis } from '../rules/deadlines';
import type { CaseCtx } from './case-env';
import { DateString } from './intake-form';
import { runStep } from './run-step';

export const ExtendedTrackInput = z.strictObject({
  clause: z.enum(['p.14', 'p.15']),
  reason: z.string().trim().min(3).max(2000),
  /** The day the documents were accepted from the applicant or the akim (default: the registration day). */
  documentsAcceptedOn: DateString.optional(),
});

export async function switchToExtendedTrack(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined; basis: z.infer<typeof ExtendedTrackInput> }) {
  return runStep(ctx, 'switchToExtendedTrack', input.applicationId, input.expectedVersion, async ({ row, day }) => {
    if (row.track === 'extended') throw new AppError('ILLEGAL_TRANSITION', [], { step: 'switchToExtendedTrack', reason: 'already on the 20-WD track' });
    const accepted = input.basis.documentsAcceptedOn ?? row.registeredOn;
    if (accepted < row.registeredOn || accepted > day.toString()) throw new AppError('DATE_OUT_OF_ORDER', [{ path: 'documentsAcceptedOn', message: 'Тіркеу мен бүгін арасында болуы керек. | Должна быть между регистрацией и сегодняшним днём. | Must be between registration and today.' }]);
    try {
      validateExtensionBasis({ clause: input.basis.clause, reason: input.basis.reason, recordedOn: Temporal.PlainDate.from(day.toString()) });
    } catch (e) {
      if (e instanceof DeadlineError) throw new AppError('VALIDATION', [{ path: 'reason', message: e.message }]);
      throw e;
    }
    return {
      changes: { track: 'extended', extension_clause: input.basis.clause, extension_reason: input.basis.reason, extension_recorded_on: day.toString(), documents_accepted_on: accepted },
      result: { clause: input.basis.clause },
      after: { track: 'extended', clause: input.basis.clause, reason: input.basis.reason, documentsAcceptedOn: accepted },
    };
  });
}
