/**
 * The skeleton every workflow step shares: role check, one transaction (runCommand) with the audit entry
 * `application.<step>`, the case row locked with its version checked, the transition table consulted,
 * the step's own writes, then the status and the recomputed deadlines saved in one UPDATE.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Sql } from '../db/connect';
import { runCommand } from '../context';
import type { CaseDeadlines, DeadlineState } from './case-deadlines';
import { today, type CaseCtx } from './case-env';
import { assertRoleMay, transition, type CaseStatus, type TransitionName } from './case-status';
import { lockCase, saveStep, type CaseChanges, type CaseRow, type StepWrite } from './case-store';

export interface StepWork<T> {
  readonly changes?: CaseChanges;
  /** Values written to other tables that the deadline computation must see (survey, hearing…). */
  readonly overlay?: Partial<DeadlineState>;
  /** The step's own INSERT/UPDATE, sent in the same statement as the case's UPDATE (saves a round trip). */
  readonly write?: StepWrite;
  /** Overrides the transition table's target (only to another status the table allows for this step's family). */
  readonly to?: CaseStatus;
  readonly result: T;
  /** Summary for the audit entry. */
  readonly after?: Readonly<Record<string, unknown>>;
  /**
   * Writes to shared hot rows (the budget allocation), run after the case row is saved so that their row
   * locks are held for as short a time as possible before the commit. Its result is merged into `result`.
   */
  readonly finish?: (sql: Sql) => Promise<Readonly<Record<string, unknown>>>;
}

export interface StepResult<T> {
  readonly id: string;
  readonly status: CaseStatus;
  readonly version: number;
  readonly nextStep: string | null;
  readonly nextHardOn: string | null;
  readonly decisionHardOn: string | null;
  readonly result: T;
}

export async function runStep<T>(
  ctx: CaseCtx,
  name: TransitionName,
  applicationId: string,
  expectedVersion: number | undefined,
  work: (t: { sql: Sql; row: CaseRow; at: Temporal.Instant; day: Temporal.PlainDate; to: CaseStatus }) => Promise<StepWork<T>>,
): Promise<StepResult<T>> {
  assertRoleMay(name, ctx.actor?.role);
  const day = today(ctx);
  return runCommand(ctx, { action: `application.${name}`, targetType: 'application' }, async ({ sql, at }) => {
    const row = await lockCase(sql, ctx.actor, applicationId, expectedVersion);
    const to = transition(name, row.status);
    const w = await work({ sql, row, at, day, to });
    const saved: { row: CaseRow; deadlines: CaseDeadlines } = await saveStep(sql, ctx.env, row, w.to ?? to, w.changes ?? {}, at, day, w.overlay, w.write ?? null);
    const finished = w.finish ? await w.finish(sql) : null;
    const result = (finished ? { ...(w.result as Record<string, unknown>), ...finished } : w.result) as T;
    return {
      result: { id: row.id, status: saved.row.status, version: saved.row.version, nextStep: saved.deadlines.next?.step ?? null, nextHardOn: saved.deadlines.next?.hardOn ?? null, decisionHardOn: saved.deadlines.decisionHardOn, result },
      targetId: row.id,
      before: { status: row.status, version: row.version },
      after: { status: saved.row.status, ...(w.after ?? {}) },
    };
  });
}
