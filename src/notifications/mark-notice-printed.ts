/** p.19: the authorized body or the State Corporation prints a notice from the print queue. */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { getNotification, type NotificationView } from './list-notifications';

export async function markNoticePrinted(ctx: Ctx, input: { readonly id: number }): Promise<NotificationView> {
  return runCommand(ctx, { action: 'notification.printed', targetType: 'notification' }, async ({ sql, at }) => {
    const [row] = await sql.query<{ channel: string; status: string }>(`select channel, status from notification where id = $1 for update`, [input.id]);
    if (!row || row.channel !== 'print') throw new AppError('NOT_FOUND');
    if (row.status !== 'queued') throw new AppError('NOTICE_WRONG_STATUS', [], { status: row.status });
    await sql.query(`update notification set status = 'printed', printed_at = $2, printed_by = $3, updated_at = $2 where id = $1`, [input.id, at.toString(), ctx.actor?.id ?? null]);
    const after = (await getNotification(sql, input.id))!;
    return { result: after, targetId: String(input.id), before: { status: row.status }, after: { status: after.status } };
  });
}
