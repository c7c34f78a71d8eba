/** p.18: the applicant's remarks on the hearing protocol, within 3 working days after reading it. */
import { z } from 'zod';
import { AppError } from '../errors';
import type { CaseCtx } from './case-env';
import { DateString } from './intake-form';
import { runStep } from './run-step';

export const ProtocolRemarksInput = z.strictObject({ receivedOn: DateString, text: z.string().trim().min(1).max(8000) });

export async function recordProtocolRemarks(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined; remarks: z.infer<typeof ProtocolRemarksInput> }) {
  const r = input.remarks;
  return runStep(ctx, 'recordProtocolRemarks', input.applicationId, input.expectedVersion, async ({ sql, row, day }) => {
    const [h] = await sql.query<{ protocol_read_on: string | null; remarks_due_on: string | null; remarks_on: string | null }>('select protocol_read_on::text, remarks_due_on::text, remarks_on::text from hearing where application_id = $1', [row.id]);
    if (!h?.protocol_read_on || !h.remarks_due_on) throw new AppError('HEARING_PROTOCOL_MISSING');
    if (h.remarks_on) throw new AppError('ILLEGAL_TRANSITION', [], { step: 'recordProtocolRemarks', reason: 'remarks already recorded' });
    if (r.receivedOn < h.protocol_read_on || r.receivedOn > day.toString()) throw new AppError('DATE_OUT_OF_ORDER', [{ path: 'receivedOn', message: 'Танысу мен бүгін арасында. | Между ознакомлением и сегодня. | Between reading and today.' }]);
    if (r.receivedOn > h.remarks_due_on) throw new AppError('HEARING_WINDOW_CLOSED', [{ path: 'receivedOn', message: `Соңғы күн ${h.remarks_due_on}. | Последний день ${h.remarks_due_on}. | Last day ${h.remarks_due_on}.` }]);
    await sql.query('update hearing set remarks_on = $2, remarks_text = $3 where application_id = $1', [row.id, r.receivedOn, r.text]);
    return { result: { receivedOn: r.receivedOn }, after: { remarksOn: r.receivedOn } };
  });
}
