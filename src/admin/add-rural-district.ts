/**
 * Adds a rural district (issue 6 item 1) under the act that forms it (act, number, date, clause): from
 * then on cases can be registered in it, and a rural akim's account can be bound to it. Audited.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import type { LegalReference } from './rules-store';

export interface AddRuralDistrictInput {
  readonly code: string;
  readonly name_kk: string;
  readonly name_ru: string;
  readonly legal: LegalReference;
}

export async function addRuralDistrict(ctx: Ctx, input: AddRuralDistrictInput): Promise<{ id: string }> {
  return runCommand(ctx, { action: 'rural-district.add', targetType: 'rural_district' }, async ({ sql, at }) => {
    const [taken] = await sql.query('select 1 from rural_district where id = $1', [input.code]);
    if (taken) throw new AppError('VALIDATION', [{ path: 'code', message: 'Мұндай кодты ауылдық округ бар. | Сельский округ с таким кодом уже есть. | A rural district with this code exists.' }]);
    await sql.query(
      `insert into rural_district (id, name_kk, name_ru, example, legal_act, legal_number, legal_date, legal_clause, changed_at, changed_by)
       values ($1, $2, $3, false, $4, $5, $6, $7, $8, $9)`,
      [input.code, input.name_kk, input.name_ru, input.legal.act, input.legal.number, input.legal.date, input.legal.clause, at.toString(), ctx.actor?.id ?? null],
    );
    return { result: { id: input.code }, targetId: input.code, after: { name_kk: input.name_kk, name_ru: input.name_ru, legal: input.legal } };
  });
}
