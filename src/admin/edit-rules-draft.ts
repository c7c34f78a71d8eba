/**
 * Edits a draft rules version (issue 6 items 2–3): a dated parameter entry (threshold multiple, limit
 * amounts, MCI, subsistence minimum, sanatorium sum), a category of p.7 with every field, a holiday of
 * p.5, a rural district, or the whole configuration. Each edit carries its legal reference, is validated
 * by the rules core's parser on the whole result (file, path, problem), and is audited with before/after.
 * Only drafts change: an approved, scheduled or in-force version is never edited in place.
 */
import { z } from 'zod';
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { CategorySchema, HolidaySchema, isoDate, type DistrictConfigData } from '../rules/district/schema';
import { VALUE_STATUSES } from '../rules/params/series';
import { LegalReferenceSchema, sourceOf, todayOf } from './legal-reference';
import { bumpRulesGeneration, getRulesVersionRow, parseConfigOrFail, type LegalReference, type RulesVersionSummary } from './rules-store';

export const RulesEditSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('set-parameter'),
    seriesId: z.string().min(1),
    from: isoDate,
    value: z.union([z.number().int().nonnegative(), z.string().min(1), z.null()]),
    status: z.enum(VALUE_STATUSES).default('official'),
    note: z.string().max(2000).optional(),
  }),
  z.strictObject({ kind: z.literal('set-category'), category: CategorySchema.omit({ legalReference: true, versions: true }).extend({ legalReference: CategorySchema.shape.legalReference.optional() }) }),
  z.strictObject({ kind: z.literal('remove-category'), code: z.string().min(1) }),
  z.strictObject({ kind: z.literal('set-holiday'), index: z.number().int().nonnegative().optional(), holiday: HolidaySchema }),
  z.strictObject({ kind: z.literal('remove-holiday'), index: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal('set-rural-district'), ruralDistrict: z.strictObject({ code: z.string().min(1), name_kk: z.string().min(1), name_ru: z.string().min(1), example: z.boolean() }) }),
  z.strictObject({ kind: z.literal('replace-config'), config: z.record(z.string(), z.unknown()) }),
]);
export type RulesEdit = z.input<typeof RulesEditSchema>;

export const EditRulesDraftSchema = z.strictObject({
  edit: RulesEditSchema,
  legal: LegalReferenceSchema,
  /** Optimistic locking: the `version` the editor saw. */
  expectedVersion: z.number().int().positive().optional(),
});

/** Applies one edit to a copy of the configuration (validation of the whole result is the caller's). */
export function applyRulesEdit(config: DistrictConfigData, edit: z.output<typeof RulesEditSchema>, legal: LegalReference, today: string): DistrictConfigData {
  const next = structuredClone(config);
  const own = next.rulesVersions.at(-1)!.id;
  const appliesToOwn = (versions: readonly string[] | undefined) => !versions || versions.includes(own);
  switch (edit.kind) {
    case 'set-parameter': {
      const series = next.series.find((s) => s.id === edit.seriesId);
      if (!series) throw new AppError('INVALID_DISTRICT_CONFIG', [{ path: 'edit.seriesId', message: `unknown district parameter series "${edit.seriesId}"` }]);
      const entry = { from: edit.from, value: edit.value, status: edit.status, source: sourceOf(legal), lastChecked: today, ...(edit.note ? { note: edit.note } : {}) };
      const at = series.entries.findIndex((e) => e.from === edit.from);
      if (at >= 0) series.entries[at] = entry;
      else series.entries.push(entry);
      series.entries.sort((a, b) => (a.from < b.from ? -1 : 1));
      return next;
    }
    case 'set-category': {
      const category = { ...edit.category, legalReference: edit.category.legalReference ?? sourceOf(legal) };
      const at = next.categories.findIndex((c) => c.code === category.code && appliesToOwn(c.versions));
      if (at >= 0) {
        // Earlier versions keep the entry as it was (versions side by side); this version gets the new one.
        const old = next.categories[at]!;
        const others = (old.versions ?? next.rulesVersions.map((v) => v.id)).filter((v) => v !== own);
        if (others.length) next.categories[at] = { ...old, versions: others };
        else next.categories.splice(at, 1);
      }
      next.categories.push({ ...category, versions: [own] });
      return next;
    }
    case 'remove-category': {
      const at = next.categories.findIndex((c) => c.code === edit.code && appliesToOwn(c.versions));
      if (at < 0) throw new AppError('NOT_FOUND', [{ path: 'edit.code', message: `no category ${edit.code} in this version` }]);
      const c = next.categories[at]!;
      // Earlier versions keep it: only this version stops listing it.
      const kept = (c.versions ?? next.rulesVersions.map((v) => v.id)).filter((v) => v !== own);
      if (kept.length) next.categories[at] = { ...c, versions: kept };
      else next.categories.splice(at, 1);
      return next;
    }
    case 'set-holiday': {
      if (edit.index === undefined) next.holidays.push(edit.holiday);
      else if (edit.index < next.holidays.length) next.holidays[edit.index] = edit.holiday;
      else throw new AppError('NOT_FOUND', [{ path: 'edit.index', message: `no holiday [${edit.index}]` }]);
      return next;
    }
    case 'remove-holiday': {
      if (edit.index >= next.holidays.length) throw new AppError('NOT_FOUND', [{ path: 'edit.index', message: `no holiday [${edit.index}]` }]);
      next.holidays.splice(edit.index, 1);
      return next;
    }
    case 'set-rural-district': {
      const at = next.ruralDistricts.findIndex((r) => r.code === edit.ruralDistrict.code);
      if (at >= 0) next.ruralDistricts[at] = edit.ruralDistrict;
      else next.ruralDistricts.push(edit.ruralDistrict);
      return next;
    }
    case 'replace-config':
      return edit.config as unknown as DistrictConfigData;
  }
}

export async function editRulesDraft(ctx: Ctx, id: string, input: z.input<typeof EditRulesDraftSchema>): Promise<RulesVersionSummary> {
  const parsed = EditRulesDraftSchema.parse(input);
  const today = todayOf(ctx);
  return runCommand(ctx, { action: `rules.draft.${parsed.edit.kind}`, targetType: 'rules_version' }, async ({ sql, at }) => {
    await sql.query('select id from rules_version where id = $1 for update', [/^\d{1,18}$/.test(id) ? id : '0']);
    const row = await getRulesVersionRow(sql, id, today);
    if (row.status !== 'draft') throw new AppError('RULES_VERSION_STATE', [], { status: row.status });
    if (parsed.expectedVersion !== undefined && parsed.expectedVersion !== row.version) throw new AppError('CONFLICT');
    const next = applyRulesEdit(row.config, parsed.edit, parsed.legal, today.toString());
    parseConfigOrFail(next, `draft ${row.code}`);
    await sql.query('update rules_version set config = $2, version = version + 1, updated_at = $3 where id = $1', [id, JSON.stringify(next), at.toString()]);
    await bumpRulesGeneration(sql);
    const after = await getRulesVersionRow(sql, id, today);
    const { config: _c, ...summary } = after;
    return { result: summary, targetId: id, before: { version: row.version }, after: { edit: parsed.edit, legal: parsed.legal, version: after.version } };
  });
}
