/** Removes a calendar override (issue 6 item 2): the row is marked removed, never deleted. */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { bumpRulesGeneration } from './rules-store';

export async function removeCalendarOverride(ctx: Ctx, id: string): Promise<void> {
  await runCommand(ctx, { action: 'calendar.override.remove', targetType: 'calendar_override' }, async ({ sql, at }) => {
    const [row] = await sql.query<{ date: string; kind: string }>(
      `update calendar_override set removed_at = $2, removed_by = $3 where id = $1 and removed_at is null returning date::text as date, kind`,
      [/^\d{1,18}$/.test(id) ? id : '0', at.toString(), ctx.actor?.id ?? null],
    );
    if (!row) throw new AppError('NOT_FOUND');
    await bumpRulesGeneration(sql);
    return { result: undefined, targetId: id, before: row };
  });
}
