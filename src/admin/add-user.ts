/** Adds a user with a role (issue 2 item 6). RURAL_AKIM users must name their rural district. */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { hashPassword } from '../auth/passwords';
import type { Role } from '../auth/roles';

export interface AddUserInput {
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly password: string;
  readonly ruralDistrictId?: string | null | undefined;
}

export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly ruralDistrictId: string | null;
  readonly active: boolean;
  readonly createdAt: string;
}

export async function addUser(ctx: Ctx, input: AddUserInput): Promise<UserView> {
  const username = input.username.toLowerCase();
  const district = input.ruralDistrictId ?? null;
  if (input.role === 'RURAL_AKIM' && !district) throw new AppError('VALIDATION', [{ path: 'ruralDistrictId', message: 'Ауылдық округ міндетті. | Сельский округ обязателен. | A rural district is required.' }]);
  const passwordHash = await hashPassword(input.password);
  return runCommand(ctx, { action: 'user.add', targetType: 'user' }, async ({ sql, at }) => {
    if (district) {
      const [d] = await sql.query('select 1 from rural_district where id = $1', [district]);
      if (!d) throw new AppError('VALIDATION', [{ path: 'ruralDistrictId', message: 'Мұндай ауылдық округ жоқ. | Такого сельского округа нет. | No such rural district.' }]);
    }
    const [taken] = await sql.query('select 1 from app_user where username = $1', [username]);
    if (taken) throw new AppError('USERNAME_TAKEN', [{ path: 'username', message: 'Мұндай логин бар. | Такой логин уже существует. | This username is taken.' }]);
    const [row] = await sql.query<{ id: string; created_at: Date }>(
      'insert into app_user (username, full_name, role, rural_district_id, password_hash, created_at) values ($1, $2, $3, $4, $5, $6) returning id, created_at',
      [username, input.fullName, input.role, district, passwordHash, at.toString()],
    );
    const user: UserView = { id: row!.id, username, fullName: input.fullName, role: input.role, ruralDistrictId: district, active: true, createdAt: new Date(row!.created_at).toISOString() };
    return { result: user, targetId: user.id, after: { username, fullName: input.fullName, role: input.role, ruralDistrictId: district } };
  });
}
