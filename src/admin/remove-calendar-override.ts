/**
 * Removes a calendar override (issue 6 item 2) under the act that cancels it (act, number, date, clause):
 * the row is marked removed with that act, never deleted; every deadline computed afterwards uses the
 * calendar without it.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { bumpRulesGeneration, type LegalReference } from './rules-store';

export async function removeCalendarOverride(ctx: Ctx, id: string, input: { readonly legal: LegalReference }): Promise<void> {
  const { legal } = input;
  await runCommand(ctx, { action: 'calendar.override.remove', targetType: 'calendar_override' }, async ({ sql, at }) => {
    const [row] = await sql.query<{ date: string; kind: string; name_kk: string }>(
      `update calendar_override set removed_at = $2, removed_by = $3, removal_act = $4, removal_number = $5, removal_date = $6, removal_clause = $7
       where id = $1 and removed_at is null returning date::text as date, kind, name_kk`,
      [/^\d{1,18}$/.test(id) ? id : '0', at.toString(), ctx.actor?.id ?? null, legal.act, legal.number, legal.date, legal.clause],
    );
    if (!row) throw new AppError('NOT_FOUND');
    await bumpRulesGeneration(sql);
    return { result: undefined, targetId: id, before: row, after: { removed: true, legal } };
  });
}
