/**
 * p.14: on the 20-WD track the authorized body requests the missing data from the relevant bodies; each
 * request is recorded (to whom, what, when, by when an answer is expected) and tracked until answered.
 */
import { z } from 'zod';
import type { CaseCtx } from './case-env';
import { DateString } from './intake-form';
import { runStep } from './run-step';

export const DataRequestInput = z.strictObject({
  body: z.string().trim().min(2).max(300),
  items: z.array(z.string().min(1).max(100)).min(1).max(30),
  dueOn: DateString.optional(),
});

export async function recordDataRequest(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined; request: z.infer<typeof DataRequestInput> }) {
  return runStep(ctx, 'recordDataRequest', input.applicationId, input.expectedVersion, async ({ sql, row, at }) => {
    const [r] = await sql.query<{ id: string }>(
      `insert into data_request (application_id, kind, request_id, body, items, iins, requested_at, due_on) values ($1, 'other-body', gen_random_uuid()::text, $2, $3, $4, $5, $6) returning id`,
      [row.id, input.request.body, JSON.stringify(input.request.items), JSON.stringify([row.applicantIin]), at.toString(), input.request.dueOn ?? row.decisionHardOn],
    );
    return { result: { requestId: Number(r!.id) }, after: { body: input.request.body, items: input.request.items } };
  });
}
