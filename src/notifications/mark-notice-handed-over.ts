/** p.19: the printed notice is handed over when the applicant (or their representative) comes. */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { getNotification, type NotificationView } from './list-notifications';

export async function markNoticeHandedOver(ctx: Ctx, input: { readonly id: number; readonly receivedBy: string }): Promise<NotificationView> {
  return runCommand(ctx, { action: 'notification.handed-over', targetType: 'notification' }, async ({ sql, at }) => {
    const [row] = await sql.query<{ channel: string; status: string }>(`select channel, status from notification where id = $1 for update`, [input.id]);
    if (!row || row.channel !== 'print') throw new AppError('NOT_FOUND');
    if (row.status !== 'printed') throw new AppError('NOTICE_WRONG_STATUS', [], { status: row.status });
    await sql.query(`update notification set status = 'handed-over', handed_over_at = $2, handed_over_by = $3, handed_over_to = $4, updated_at = $2 where id = $1`, [
      input.id,
      at.toString(),
      ctx.actor?.id ?? null,
      input.receivedBy,
    ]);
    const after = (await getNotification(sql, input.id))!;
    return { result: after, targetId: String(input.id), before: { status: row.status }, after: { status: after.status, handedOverTo: input.receivedBy } };
  });
}
