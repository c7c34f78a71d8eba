/**
 * Commissions and their members (issue 6 item 2; p.2, p.13, p.17): a precinct commission (per rural
 * district) or the special commission, created by the akim's decision — the decision is the legal
 * reference — and members added or removed (kept inactive, never deleted). Audited.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import type { LegalReference } from './rules-store';

export const COMMISSION_KINDS = ['precinct', 'special'] as const;
export const MEMBER_ROLES = ['chair', 'deputy', 'secretary', 'member'] as const;

export interface CommissionView {
  readonly id: string;
  readonly kind: (typeof COMMISSION_KINDS)[number];
  readonly name: string;
  readonly ruralDistrictId: string | null;
  readonly legal: LegalReference;
  readonly active: boolean;
  readonly members: { id: string; fullName: string; position: string; role: (typeof MEMBER_ROLES)[number]; active: boolean }[];
}

export async function addCommission(ctx: Ctx, input: { kind: CommissionView['kind']; name: string; ruralDistrictId: string | null; legal: LegalReference }): Promise<{ id: string }> {
  if (input.kind === 'precinct' && !input.ruralDistrictId) throw new AppError('VALIDATION', [{ path: 'ruralDistrictId', message: 'Учаскелік комиссияға ауылдық округ міндетті. | Для участковой комиссии обязателен сельский округ. | A precinct commission needs a rural district.' }]);
  return runCommand(ctx, { action: 'commission.add', targetType: 'commission' }, async ({ sql, at }) => {
    if (input.ruralDistrictId) {
      const [d] = await sql.query('select 1 from rural_district where id = $1', [input.ruralDistrictId]);
      if (!d) throw new AppError('VALIDATION', [{ path: 'ruralDistrictId', message: 'Мұндай ауылдық округ жоқ. | Такого сельского округа нет. | No such rural district.' }]);
    }
    const [row] = await sql.query<{ id: string }>(
      `insert into commission (kind, name, rural_district_id, legal_act, legal_number, legal_date, legal_clause, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id::text as id`,
      [input.kind, input.name, input.ruralDistrictId, input.legal.act, input.legal.number, input.legal.date, input.legal.clause, at.toString()],
    );
    return { result: { id: row!.id }, targetId: row!.id, after: input };
  });
}

export async function setCommissionMember(ctx: Ctx, commissionId: string, input: { memberId?: string | undefined; fullName: string; position: string; role: (typeof MEMBER_ROLES)[number]; active: boolean }): Promise<{ id: string }> {
  if (!/^\d{1,18}$/.test(commissionId) || (input.memberId !== undefined && !/^\d{1,18}$/.test(input.memberId))) throw new AppError('NOT_FOUND');
  return runCommand(ctx, { action: 'commission.member', targetType: 'commission' }, async ({ sql, at }) => {
    const [c] = await sql.query('select 1 from commission where id = $1', [commissionId]);
    if (!c) throw new AppError('NOT_FOUND');
    if (input.memberId) {
      const [m] = await sql.query<{ id: string }>('update commission_member set full_name = $3, position = $4, role = $5, active = $6 where id = $1 and commission_id = $2 returning id::text as id', [input.memberId, commissionId, input.fullName, input.position, input.role, input.active]);
      if (!m) throw new AppError('NOT_FOUND');
      return { result: { id: m.id }, targetId: commissionId, after: input };
    }
    const [m] = await sql.query<{ id: string }>('insert into commission_member (commission_id, full_name, position, role, active, created_at) values ($1, $2, $3, $4, $5, $6) returning id::text as id', [commissionId, input.fullName, input.position, input.role, input.active, at.toString()]);
    return { result: { id: m!.id }, targetId: commissionId, after: input };
  });
}

export async function listCommissions(sql: import('../db/connect').Sql): Promise<CommissionView[]> {
  const cs = await sql.query<{ id: string; kind: CommissionView['kind']; name: string; rural_district_id: string | null; legal_act: string; legal_number: string; legal_date: string; legal_clause: string; active: boolean }>(
    'select id::text as id, kind, name, rural_district_id, legal_act, legal_number, legal_date::text as legal_date, legal_clause, active from commission order by kind desc, name',
  );
  const ms = await sql.query<{ id: string; commission_id: string; full_name: string; position: string; role: (typeof MEMBER_ROLES)[number]; active: boolean }>(
    `select id::text as id, commission_id::text as commission_id, full_name, position, role, active from commission_member order by array_position(array['chair','deputy','secretary','member'], role), full_name`,
  );
  return cs.map((c) => ({
    id: c.id,
    kind: c.kind,
    name: c.name,
    ruralDistrictId: c.rural_district_id,
    legal: { act: c.legal_act, number: c.legal_number, date: c.legal_date, clause: c.legal_clause },
    active: c.active,
    members: ms.filter((m) => m.commission_id === c.id).map((m) => ({ id: m.id, fullName: m.full_name, position: m.position, role: m.role, active: m.active })),
  }));
}
