/**
 * Rural districts (issue 6 item 1): the list the cases, the registry and the rural akims' accounts point
 * at, read with the act of each district's last administrative change. Adding and renaming are separate
 * use cases (add-rural-district.ts, rename-rural-district.ts); a district is never deleted, because
 * cases, households and akim users keep referring to its code.
 */
import { z } from 'zod';
import type { Sql } from '../db/connect';
import type { LegalReference } from './rules-store';

const name = z.string().trim().min(1).max(200);

export const RuralDistrictNamesSchema = z.strictObject({ name_kk: name, name_ru: name });
export const RuralDistrictCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'Латын кіші әріптері, сандар және дефис. | Строчные латинские буквы, цифры и дефис. | Lower-case Latin letters, digits and hyphens.');

export interface RuralDistrictView {
  readonly id: string;
  readonly name_kk: string;
  readonly name_ru: string;
  readonly example: boolean;
  /** The act of the last change made by an administrator; null for a district as shipped. */
  readonly legal: LegalReference | null;
  readonly changedAt: string | null;
  readonly changedBy: string | null;
  /** Active rural akim accounts bound to the district. */
  readonly akims: number;
}

export async function listRuralDistricts(sql: Sql): Promise<RuralDistrictView[]> {
  const rows = await sql.query<{ id: string; name_kk: string; name_ru: string; example: boolean; legal_act: string | null; legal_number: string | null; legal_date: string | null; legal_clause: string | null; changed_at: string | null; changed_by: string | null; akims: number }>(
    `select d.id, d.name_kk, d.name_ru, d.example, d.legal_act, d.legal_number, d.legal_date::text as legal_date, d.legal_clause,
            d.changed_at::text as changed_at, u.full_name as changed_by,
            (select count(*)::int from app_user a where a.rural_district_id = d.id and a.role = 'RURAL_AKIM' and a.active) as akims
     from rural_district d left join app_user u on u.id = d.changed_by
     order by d.name_kk, d.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name_kk: r.name_kk,
    name_ru: r.name_ru,
    example: r.example,
    legal: r.legal_act ? { act: r.legal_act, number: r.legal_number ?? '', date: r.legal_date ?? '', clause: r.legal_clause ?? '' } : null,
    changedAt: r.changed_at,
    changedBy: r.changed_by,
    akims: Number(r.akims),
  }));
}
