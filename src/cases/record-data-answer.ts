/** p.14: the answer of another body to a recorded data request, stored with the case. */
import { z } from 'zod';
import { AppError } from '../errors';
import type { CaseCtx } from './case-env';
import { runStep } from './run-step';

export const DataAnswerInput = z.strictObject({
  requestId: z.number().int().positive(),
  answer: z.record(z.string(), z.unknown()),
});

export async function recordDataAnswer(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined; answer: z.infer<typeof DataAnswerInput> }) {
  return runStep(ctx, 'recordDataAnswer', input.applicationId, input.expectedVersion, async ({ sql, row, at }) => {
    const updated = await sql.query<{ id: string }>(
      `update data_request set answers = $3, answered_at = $4 where id = $2 and application_id = $1 and kind = 'other-body' and answered_at is null returning id`,
      [row.id, input.answer.requestId, JSON.stringify(input.answer.answer), at.toString()],
    );
    if (!updated.length) throw new AppError('NOT_FOUND', [], { requestId: input.answer.requestId, reason: 'no open request with this id on the case' });
    return { result: { requestId: input.answer.requestId }, after: { requestId: input.answer.requestId } };
  });
}
