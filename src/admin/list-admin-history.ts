/**
 * Who changed what in the district administration (issue 6 item 2): the audit entries of rules versions,
 * calendar overrides, commissions, rural districts, national parameter entries and impact previews, newest first, with the user's name — read from the audit log
 * itself, so the screen shows exactly what was recorded.
 */
import type { Sql } from '../db/connect';

export interface AdminHistoryEntry {
  readonly at: string;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly actor: string | null;
  readonly role: string | null;
  readonly payload: unknown;
}

export async function listAdminHistory(sql: Sql, opts: { targetType?: string | undefined; targetId?: string | undefined; limit?: number | undefined } = {}): Promise<AdminHistoryEntry[]> {
  const rows = await sql.query<{ at: string; action: string; target_type: string; target_id: string | null; actor: string | null; actor_role: string | null; payload: string }>(
    `select a.at::text as at, a.action, a.target_type, a.target_id, u.full_name as actor, a.actor_role, a.payload
     from audit_entry a left join app_user u on u.id = a.actor_id
     where a.target_type in ('rules_version', 'calendar_override', 'commission', 'rural_district', 'national_parameter_entry')
       and ($1::text is null or a.target_type = $1) and ($2::text is null or a.target_id = $2)
     order by a.at desc, a.id desc limit $3`,
    [opts.targetType ?? null, opts.targetId ?? null, opts.limit ?? 200],
  );
  return rows.map((r) => {
    let payload: unknown = r.payload;
    try {
      payload = JSON.parse(r.payload);
    } catch {
      // kept as text
    }
    return { at: r.at, action: r.action, targetType: r.target_type, targetId: r.target_id, actor: r.actor, role: r.actor_role, payload };
  });
}
