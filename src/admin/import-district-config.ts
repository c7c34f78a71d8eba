/**
 * Imports a district configuration file (issue 6 item 4) as a new draft, in the same format as the
 * shipped Koksu file. The file is validated by the rules core's parser; an error names the file, the
 * path inside it and the problem, and nothing is stored.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import type { DistrictConfigData } from '../rules/district/schema';
import { todayOf } from './legal-reference';
import { bumpRulesGeneration, getRulesVersionRow, parseConfigOrFail, type RulesVersionSummary } from './rules-store';

export async function importDistrictConfig(ctx: Ctx, input: { json: unknown; fileName: string }): Promise<RulesVersionSummary> {
  const parsed = parseConfigOrFail(input.json, input.fileName);
  const latest = parsed.rulesVersions.at(-1)!;
  const today = todayOf(ctx);
  return runCommand(ctx, { action: 'rules.import', targetType: 'rules_version' }, async ({ sql, at }) => {
    const taken = new Set((await sql.query<{ code: string }>(`select code from rules_version where status <> 'withdrawn'`)).map((r) => r.code));
    let code = `${parsed.code}:${latest.id}`;
    for (let n = 2; taken.has(code); n++) code = `${parsed.code}:${latest.id} (${n})`;
    const [row] = await sql.query<{ id: string }>(
      `insert into rules_version (code, status, effective_from, config, legal_act, legal_number, legal_date, legal_clause, created_at, created_by, updated_at)
       values ($1, 'draft', $2, $3, $4, $5, $6, $7, $8, $9, $8) returning id::text as id`,
      [code, latest.effectiveFrom, JSON.stringify(input.json as DistrictConfigData), latest.act, latest.id, latest.adoptedOn, latest.inForceClause, at.toString(), ctx.actor?.id ?? null],
    );
    if (!row) throw new AppError('INTERNAL');
    await bumpRulesGeneration(sql);
    const { config: _c, ...summary } = await getRulesVersionRow(sql, row.id, today);
    return { result: summary, targetId: row.id, after: { code, file: input.fileName, district: parsed.code } };
  });
}
