/**
 * Changes a user's role, rural district or active flag (issue 6 item 2). Deactivating a user ends their
 * open sessions at once; an administrator cannot deactivate or demote themselves (the district would risk
 * having no administrator). Audited with before/after.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import type { Role } from '../auth/roles';
import type { UserView } from './add-user';

export interface ChangeUserInput {
  readonly role?: Role | undefined;
  readonly active?: boolean | undefined;
  readonly ruralDistrictId?: string | null | undefined;
}

export async function changeUser(ctx: Ctx, id: string, input: ChangeUserInput): Promise<UserView> {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new AppError('NOT_FOUND');
  return runCommand(ctx, { action: 'user.change', targetType: 'user' }, async ({ sql, at }) => {
    const [u] = await sql.query<{ id: string; username: string; full_name: string; role: Role; rural_district_id: string | null; active: boolean; created_at: string }>(
      'select id, username, full_name, role, rural_district_id, active, created_at::text as created_at from app_user where id = $1 for update',
      [id],
    );
    if (!u) throw new AppError('NOT_FOUND');
    const self = ctx.actor?.id === id;
    if (self && (input.active === false || (input.role !== undefined && input.role !== u.role))) {
      throw new AppError('VALIDATION', [{ path: 'active', message: 'Өз рөліңізді өзгерте немесе өзіңізді өшіре алмайсыз. | Нельзя менять свою роль или отключать себя. | You cannot change your own role or deactivate yourself.' }]);
    }
    const role = input.role ?? u.role;
    const district = input.ruralDistrictId !== undefined ? input.ruralDistrictId : role === 'RURAL_AKIM' ? u.rural_district_id : null;
    if (role === 'RURAL_AKIM' && !district) throw new AppError('VALIDATION', [{ path: 'ruralDistrictId', message: 'Ауылдық округ міндетті. | Сельский округ обязателен. | A rural district is required.' }]);
    if (district) {
      const [d] = await sql.query('select 1 from rural_district where id = $1', [district]);
      if (!d) throw new AppError('VALIDATION', [{ path: 'ruralDistrictId', message: 'Мұндай ауылдық округ жоқ. | Такого сельского округа нет. | No such rural district.' }]);
    }
    const active = input.active ?? u.active;
    await sql.query('update app_user set role = $2, rural_district_id = $3, active = $4 where id = $1', [id, role, district, active]);
    // A deactivated user or a changed role starts from a new sign-in.
    if (!active || role !== u.role) await sql.query('update app_session set ended_at = $2 where user_id = $1 and ended_at is null', [id, at.toString()]);
    const view: UserView = { id, username: u.username, fullName: u.full_name, role, ruralDistrictId: district, active, createdAt: new Date(u.created_at).toISOString() };
    return { result: view, targetId: id, before: { role: u.role, ruralDistrictId: u.rural_district_id, active: u.active }, after: { role, ruralDistrictId: district, active } };
  });
}
