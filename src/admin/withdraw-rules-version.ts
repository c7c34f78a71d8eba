/**
 * Withdraws a draft, an approved version or a version scheduled for a future date (issue 6 item 3). A
 * version that is or was in force is never withdrawn: cases of its period keep being judged by it.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { todayOf } from './legal-reference';
import { bumpRulesGeneration, getRulesVersionRow, type RulesVersionSummary } from './rules-store';

export async function withdrawRulesVersion(ctx: Ctx, id: string): Promise<RulesVersionSummary> {
  const today = todayOf(ctx);
  return runCommand(ctx, { action: 'rules.withdraw', targetType: 'rules_version' }, async ({ sql, at }) => {
    const row = await getRulesVersionRow(sql, id, today);
    if (!['draft', 'approved', 'scheduled'].includes(row.lifecycle)) throw new AppError('RULES_VERSION_STATE', [], { lifecycle: row.lifecycle });
    await sql.query(`update rules_version set status = 'withdrawn', version = version + 1, updated_at = $2 where id = $1`, [id, at.toString()]);
    await bumpRulesGeneration(sql);
    const { config: _c, ...summary } = await getRulesVersionRow(sql, id, today);
    return { result: summary, targetId: id, before: { status: row.status }, after: { status: 'withdrawn', code: row.code } };
  });
}
