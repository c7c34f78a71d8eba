/**
 * Schedules an approved rules version to take effect on its date (issue 6 item 3; OpenSPP's scheduled
 * activation). From that date new cases are judged by it; cases keep the version in force on their own
 * relevant date, and decisions keep their frozen basis. The date must be after today, so no case already
 * registered changes version, and no other scheduled version may start on the same day.
 */
import { Temporal } from 'temporal-polyfill';
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { todayOf } from './legal-reference';
import { bumpRulesGeneration, getRulesVersionRow, parseConfigOrFail, type RulesVersionSummary } from './rules-store';

export async function scheduleRulesVersion(ctx: Ctx, id: string, input: { effectiveFrom?: string | undefined } = {}): Promise<RulesVersionSummary> {
  const today = todayOf(ctx);
  return runCommand(ctx, { action: 'rules.schedule', targetType: 'rules_version' }, async ({ sql, at }) => {
    const row = await getRulesVersionRow(sql, id, today);
    if (row.status !== 'approved') throw new AppError('RULES_VERSION_STATE', [], { status: row.status });
    const effectiveFrom = input.effectiveFrom ?? row.effectiveFrom;
    if (Temporal.PlainDate.compare(Temporal.PlainDate.from(effectiveFrom), today) <= 0) {
      throw new AppError('VALIDATION', [{ path: 'effectiveFrom', message: 'Күшіне ену күні бүгіннен кейін болуы керек. | Дата вступления в силу должна быть позже сегодняшней. | The effective date must be after today.' }]);
    }
    const [clash] = await sql.query<{ code: string }>(`select code from rules_version where status = 'scheduled' and effective_from = $1`, [effectiveFrom]);
    if (clash) throw new AppError('VALIDATION', [{ path: 'effectiveFrom', message: `Бұл күні ${clash.code} күшіне енеді. | В этот день вступает в силу ${clash.code}. | ${clash.code} takes effect on this day.` }]);
    // The versions stay a chain: the new one starts after every scheduled version and contains them all.
    const [latest] = await sql.query<{ code: string; effective_from: string; config: unknown }>(
      `select code, effective_from::text as effective_from, config from rules_version where status = 'scheduled' order by effective_from desc limit 1`,
    );
    if (latest) {
      if (effectiveFrom <= latest.effective_from) {
        throw new AppError('VALIDATION', [{ path: 'effectiveFrom', message: `${latest.code} нұсқасынан кейін болуы керек (${latest.effective_from}). | Должна быть позже версии ${latest.code} (${latest.effective_from}). | Must be after version ${latest.code} (${latest.effective_from}).` }]);
      }
      const own = new Set(row.config.rulesVersions.map((v) => v.id));
      const latestConfig = (typeof latest.config === 'string' ? JSON.parse(latest.config) : latest.config) as typeof row.config;
      const missing = latestConfig.rulesVersions.filter((v) => !own.has(v.id)).map((v) => v.id);
      if (missing.length) throw new AppError('RULES_VERSION_STATE', [{ path: 'rulesVersions', message: `Жоба соңғы нұсқаға негізделмеген: ${missing.join(', ')} жоқ. | Проект не основан на последней версии: нет ${missing.join(', ')}. | The draft is not based on the latest version: ${missing.join(', ')} missing.` }]);
    }
    const config = structuredClone(row.config);
    config.rulesVersions.at(-1)!.effectiveFrom = effectiveFrom;
    parseConfigOrFail(config, `version ${row.code}`);
    await sql.query(
      `update rules_version set status = 'scheduled', effective_from = $2, config = $3, scheduled_at = $4, scheduled_by = $5, version = version + 1, updated_at = $4 where id = $1`,
      [id, effectiveFrom, JSON.stringify(config), at.toString(), ctx.actor?.id ?? null],
    );
    await bumpRulesGeneration(sql);
    const { config: _c, ...summary } = await getRulesVersionRow(sql, id, today);
    return { result: summary, targetId: id, before: { status: 'approved', effectiveFrom: row.effectiveFrom }, after: { status: 'scheduled', effectiveFrom, code: row.code } };
  });
}
