/**
 * Lists and searches applications: by the applicant's IIN (exact), by name prefix ("last first…", case
 * insensitive, through the person.search_name text_pattern_ops index), by status; RURAL_AKIM users see
 * only their rural district. Newest first, at most `limit` rows.
 */
import type { Ctx } from '../context';

export interface ApplicationListItem {
  readonly id: string;
  readonly regNumber: string;
  readonly status: string;
  readonly channel: string;
  readonly applicantIin: string;
  readonly applicantName: string;
  readonly categoryCode: string;
  readonly ruralDistrictId: string;
  readonly registeredOn: string;
  readonly nextStep: string | null;
  readonly nextRole: string | null;
  readonly nextTargetOn: string | null;
  readonly nextHardOn: string | null;
  readonly decisionHardOn: string | null;
}

export const LIST_COLUMNS = `a.id, a.reg_number as "regNumber", a.status, a.channel, a.applicant_iin as "applicantIin",
  p.last_name || ' ' || p.first_name || coalesce(' ' || p.patronymic, '') as "applicantName", a.category_code as "categoryCode",
  a.rural_district_id as "ruralDistrictId", a.registered_on::text as "registeredOn", a.next_step as "nextStep", a.next_role as "nextRole",
  a.next_target_on::text as "nextTargetOn", a.next_hard_on::text as "nextHardOn", a.decision_hard_on::text as "decisionHardOn"`;

export async function listApplications(ctx: Ctx, q: { iin?: string | undefined; name?: string | undefined; status?: string | undefined; limit?: number | undefined }): Promise<ApplicationListItem[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.iin) add('a.applicant_iin = ?', q.iin);
  if (q.name) {
    // Prefix on the person index first, then their applications.
    params.push(q.name.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[\\%_]/g, (c) => `\\${c}`) + '%');
    where.push(`a.applicant_iin in (select iin from person where search_name like $${params.length} order by search_name limit 200)`);
  }
  if (q.status) add('a.status = ?', q.status);
  if (ctx.actor?.role === 'RURAL_AKIM') add('a.rural_district_id = ?', ctx.actor.ruralDistrictId);
  params.push(Math.min(q.limit ?? 50, 200));
  return ctx.database.query<ApplicationListItem>(
    `select ${LIST_COLUMNS} from application a join person p on p.iin = a.applicant_iin ${where.length ? 'where ' + where.join(' and ') : ''} order by a.registered_on desc, a.reg_seq desc limit $${params.length}`,
    params,
  );
}

/** Persons by IIN (exact) or by name prefix — the search box of the intake screen. */
export async function searchPersons(ctx: Ctx, q: { q: string; limit?: number | undefined }): Promise<{ iin: string; name: string; birthDate: string | null }[]> {
  const text = q.q.trim();
  const limit = Math.min(q.limit ?? 20, 100);
  if (/^\d{12}$/.test(text)) {
    return ctx.database.query(`select iin, last_name || ' ' || first_name || coalesce(' ' || patronymic, '') as name, birth_date::text as "birthDate" from person where iin = $1`, [text]);
  }
  const prefix = text.toLowerCase().replace(/\s+/g, ' ').replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
  return ctx.database.query(
    `select iin, last_name || ' ' || first_name || coalesce(' ' || patronymic, '') as name, birth_date::text as "birthDate" from person where search_name like $1 order by search_name limit $2`,
    [prefix, limit],
  );
}
