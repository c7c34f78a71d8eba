/** Approves a draft rules version (issue 6 item 3): from now on it is never edited in place. */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { todayOf } from './legal-reference';
import { bumpRulesGeneration, getRulesVersionRow, type RulesVersionSummary } from './rules-store';

export async function approveRulesVersion(ctx: Ctx, id: string): Promise<RulesVersionSummary> {
  const today = todayOf(ctx);
  return runCommand(ctx, { action: 'rules.approve', targetType: 'rules_version' }, async ({ sql, at }) => {
    const row = await getRulesVersionRow(sql, id, today);
    if (row.status !== 'draft') throw new AppError('RULES_VERSION_STATE', [], { status: row.status });
    await sql.query(`update rules_version set status = 'approved', approved_at = $2, approved_by = $3, version = version + 1, updated_at = $2 where id = $1`, [id, at.toString(), ctx.actor?.id ?? null]);
    await bumpRulesGeneration(sql);
    const { config: _c, ...summary } = await getRulesVersionRow(sql, id, today);
    return { result: summary, targetId: id, before: { status: 'draft' }, after: { status: 'approved', code: row.code } };
  });
}
