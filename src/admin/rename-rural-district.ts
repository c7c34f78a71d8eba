/**
 * Renames a rural district (issue 6 item 1) under the act that renames it. Only the names change: the
 * code stays, so the rural akims bound to the district, its cases and its households are untouched.
 * Audited with the names before and after; the district is no longer refreshed from the shipped file.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import type { LegalReference } from './rules-store';

export interface RenameRuralDistrictInput {
  readonly name_kk: string;
  readonly name_ru: string;
  readonly legal: LegalReference;
}

export async function renameRuralDistrict(ctx: Ctx, id: string, input: RenameRuralDistrictInput): Promise<{ id: string }> {
  return runCommand(ctx, { action: 'rural-district.rename', targetType: 'rural_district' }, async ({ sql, at }) => {
    const [row] = await sql.query<{ name_kk: string; name_ru: string }>('select name_kk, name_ru from rural_district where id = $1 for update', [id]);
    if (!row) throw new AppError('NOT_FOUND');
    await sql.query(
      `update rural_district set name_kk = $2, name_ru = $3, example = false, legal_act = $4, legal_number = $5, legal_date = $6, legal_clause = $7, changed_at = $8, changed_by = $9 where id = $1`,
      [id, input.name_kk, input.name_ru, input.legal.act, input.legal.number, input.legal.date, input.legal.clause, at.toString(), ctx.actor?.id ?? null],
    );
    return { result: { id }, targetId: id, before: { name_kk: row.name_kk, name_ru: row.name_ru }, after: { name_kk: input.name_kk, name_ru: input.name_ru, legal: input.legal } };
  });
}
