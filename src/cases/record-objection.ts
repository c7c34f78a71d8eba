/** p.18: the applicant's objection to the preliminary decision, within 2 working days of receiving it (HEARING_WINDOW_CLOSED after). */
import { z } from 'zod';
import { AppError } from '../errors';
import type { CaseCtx } from './case-env';
import { DateString } from './intake-form';
import { runStep } from './run-step';

export const ObjectionInput = z.strictObject({
  receivedOn: DateString,
  text: z.string().trim().min(1).max(8000),
  /** An oral objection needs a hearing protocol (record-hearing-protocol.ts) before the decision. */
  oral: z.boolean(),
});

export async function recordObjection(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined; objection: z.infer<typeof ObjectionInput> }) {
  const o = input.objection;
  return runStep(ctx, 'recordObjection', input.applicationId, input.expectedVersion, async ({ sql, row, day }) => {
    const [h] = await sql.query<{ notified_on: string; objection_due_on: string; objection_on: string | null }>('select notified_on::text, objection_due_on::text, objection_on::text from hearing where application_id = $1', [row.id]);
    if (!h) throw new AppError('ILLEGAL_TRANSITION', [], { step: 'recordObjection', reason: 'no hearing' });
    if (h.objection_on) throw new AppError('ILLEGAL_TRANSITION', [], { step: 'recordObjection', reason: 'an objection is already recorded' });
    if (o.receivedOn < h.notified_on || o.receivedOn > day.toString()) throw new AppError('DATE_OUT_OF_ORDER', [{ path: 'receivedOn', message: 'Хабарлама мен бүгін арасында. | Между уведомлением и сегодня. | Between the notice and today.' }]);
    if (o.receivedOn > h.objection_due_on) throw new AppError('HEARING_WINDOW_CLOSED', [{ path: 'receivedOn', message: `Соңғы күн ${h.objection_due_on}. | Последний день ${h.objection_due_on}. | Last day ${h.objection_due_on}.` }]);
    await sql.query('update hearing set objection_on = $2, objection_text = $3, objection_oral = $4 where application_id = $1', [row.id, o.receivedOn, o.text, o.oral]);
    return { result: { receivedOn: o.receivedOn }, after: { objectionOn: o.receivedOn, oral: o.oral } };
  });
}
