/**
 * Creates a draft rules version (issue 6 item 3) as a copy of a base version (by default the one in force
 * today), with a new version entry of its own in the configuration: the act that will adopt it and its
 * proposed effective date. A version in force is never edited in place — edits go to such a draft.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import type { DistrictConfigData } from '../rules/district/schema';
import { sourceOf, todayOf } from './legal-reference';
import { bumpRulesGeneration, getRulesVersion, getRulesVersionRow, parseConfigOrFail, type LegalReference, type RulesVersionSummary } from './rules-store';

export interface CreateRulesDraftInput {
  readonly code: string;
  readonly effectiveFrom: string;
  readonly legal: LegalReference;
  /** The version copied; the one in force today when absent. */
  readonly basedOn?: string | undefined;
  readonly title?: { kk: string; ru: string; en: string } | undefined;
}

/** Adds the draft's own version entry to a copy of `base` (categories of the base's latest version carry over). */
export function draftConfigOf(base: DistrictConfigData, input: CreateRulesDraftInput): DistrictConfigData {
  const copy = structuredClone(base);
  const latest = copy.rulesVersions.at(-1)!;
  const title = input.title ?? {
    kk: `${input.code} шешімімен өзгертілген Қағидалар (жоба)`,
    ru: `Правила в редакции решения № ${input.code} (проект)`,
    en: `Rules as amended by decision ${input.code} (draft)`,
  };
  copy.rulesVersions.push({
    id: input.code,
    act: sourceOf(input.legal).act,
    title_kk: title.kk,
    title_ru: title.ru,
    title_en: title.en,
    adoptedOn: input.legal.date,
    effectiveFrom: input.effectiveFrom,
    effectiveFromStatus: 'official',
    inForceClause: input.legal.clause,
  });
  for (const c of copy.categories) if (c.versions?.includes(latest.id)) c.versions.push(input.code);
  return copy;
}

export async function createRulesDraft(ctx: Ctx, input: CreateRulesDraftInput): Promise<RulesVersionSummary> {
  const today = todayOf(ctx);
  const baseId = input.basedOn ?? (await getRulesVersion(ctx.database, today)).rowId;
  return runCommand(ctx, { action: 'rules.draft.create', targetType: 'rules_version' }, async ({ sql, at }) => {
    const base = await getRulesVersionRow(sql, baseId, today);
    const [taken] = await sql.query(`select 1 from rules_version where code = $1 and status <> 'withdrawn'`, [input.code]);
    if (taken) throw new AppError('VALIDATION', [{ path: 'code', message: 'Мұндай нұсқа коды бар. | Такой код версии уже есть. | This version code is taken.' }]);
    const config = draftConfigOf(base.config, input);
    parseConfigOrFail(config, `draft ${input.code}`);
    const [row] = await sql.query<{ id: string }>(
      `insert into rules_version (code, status, effective_from, config, based_on, legal_act, legal_number, legal_date, legal_clause, created_at, created_by, updated_at)
       values ($1, 'draft', $2, $3, $4, $5, $6, $7, $8, $9, $10, $9) returning id::text as id`,
      [input.code, input.effectiveFrom, JSON.stringify(config), base.id, input.legal.act, input.legal.number, input.legal.date, input.legal.clause, at.toString(), ctx.actor?.id ?? null],
    );
    await bumpRulesGeneration(sql);
    const created = await getRulesVersionRow(sql, row!.id, today);
    const { config: _omit, ...summary } = created;
    return { result: summary, targetId: row!.id, after: { code: input.code, basedOn: base.code, effectiveFrom: input.effectiveFrom, legal: input.legal } };
  });
}
