/** Lists Komek's users (administrator; read-only for the auditor). */
import type { Sql } from '../db/connect';
import type { UserView } from './add-user';
import type { Role } from '../auth/roles';

export async function listUsers(sql: Sql): Promise<UserView[]> {
  const rows = await sql.query<{ id: string; username: string; full_name: string; role: Role; rural_district_id: string | null; active: boolean; created_at: Date }>(
    'select id, username, full_name, role, rural_district_id, active, created_at from app_user order by username',
  );
  return rows.map((r) => ({ id: r.id, username: r.username, fullName: r.full_name, role: r.role, ruralDistrictId: r.rural_district_id, active: r.active, createdAt: new Date(r.created_at).toISOString() }));
}
