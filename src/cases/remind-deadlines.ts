/**
 * The deadline monitor's durable job (`komek cases remind`): one reminder row per case, step, level
 * (at-risk from the target date, overdue after the hard date) and hard date, for the role responsible.
 * Idempotent — one INSERT … ON CONFLICT DO NOTHING over the open cases — so running it twice, or from
 * two processes at once, adds nothing twice.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Database } from '../db/connect';

export async function remindDeadlines(database: Database, input: { asOf: Temporal.PlainDate; at: Temporal.Instant }): Promise<{ added: number; atRisk: number; overdue: number }> {
  const rows = await database.query<{ level: string }>(
    `insert into case_reminder (application_id, step, role, level, target_on, hard_on, created_on, created_at)
     select id, next_step, next_role, case when next_hard_on < $1::date then 'overdue' else 'at-risk' end, next_target_on, next_hard_on, $1::date, $2
       from application where next_role is not null and next_target_on <= $1::date
     on conflict (application_id, step, level, hard_on) do nothing
     returning level`,
    [input.asOf.toString(), input.at.toString()],
  );
  return { added: rows.length, atRisk: rows.filter((r) => r.level === 'at-risk').length, overdue: rows.filter((r) => r.level === 'overdue').length };
}
