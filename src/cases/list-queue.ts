/**
 * The deadline monitor: what waits for a role (its queue), with each case's next step, target and hard
 * dates; `timing` filters the at-risk (target reached, hard not passed) or overdue (hard passed) ones.
 * RURAL_AKIM users see their rural district only. Served by the application_queue index.
 */
import type { Ctx } from '../context';
import type { Role } from '../auth/roles';
import { LIST_COLUMNS, type ApplicationListItem } from './list-applications';

export type QueueTiming = 'all' | 'at-risk' | 'overdue';

export async function listQueue(ctx: Ctx, q: { role: Role; asOf: string; timing: QueueTiming; limit?: number | undefined }): Promise<(ApplicationListItem & { timing: 'on-time' | 'at-risk' | 'overdue' })[]> {
  const params: unknown[] = [q.role, q.asOf];
  let filter = '';
  if (q.timing === 'at-risk') filter = 'and a.next_target_on <= $2::date and a.next_hard_on >= $2::date';
  if (q.timing === 'overdue') filter = 'and a.next_hard_on < $2::date';
  if (ctx.actor?.role === 'RURAL_AKIM') {
    params.push(ctx.actor.ruralDistrictId);
    filter += ` and a.rural_district_id = $${params.length}`;
  }
  params.push(Math.min(q.limit ?? 100, 500));
  return ctx.database.query(
    `select ${LIST_COLUMNS}, case when a.next_hard_on < $2::date then 'overdue' when a.next_target_on <= $2::date then 'at-risk' else 'on-time' end as timing
       from application a join person p on p.iin = a.applicant_iin
      where a.next_role = $1 ${filter} order by a.next_target_on, a.reg_seq limit $${params.length}`,
    params,
  );
}
