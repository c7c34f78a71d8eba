/**
 * The skeleton every workflow step shares: role check, the case read with its version, the transition
 * table consulted, then ONE statement: the status and the recomputed deadlines (the UPDATE checking the
 * version read), the step's own writes, the hot budget write (p.21) and the audit entry — sent alone (no
 * BEGIN/COMMIT, runStatementCommand), or as the last statement of a transaction with the case row locked
 * (runCommand) for a step that writes earlier or whose case kept changing. The hot rows (allocation, audit
 * lane) are locked only by that statement.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Sql } from '../db/connect';
import { NeedsTransaction, runCommand, runStatementCommand, type CommandResult, type CommandTools } from '../context';
import { AppError } from '../errors';
import type { CaseDeadlines, DeadlineState } from './case-deadlines';
import { today, type CaseCtx } from './case-env';
import { assertRoleMay, transition, type CaseStatus, type TransitionName } from './case-status';
import { CaseChanged, HotRefused, loadCase, saveStep, type CaseChanges, type CaseRow, type ExtraRead, type HotWrite, type StepWrite } from './case-store';

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
   * p.21: a write to a shared hot row (the budget allocation), sent in the step's one statement after the
   * case's UPDATE and before the audit entry, so its row lock is held only by that statement (to its
   * commit). When it was not made the whole statement fails, nothing is written, and `refused(sql, index)`
   * throws the step's answer (it may read, outside any transaction).
   */
  readonly hot?: HotWrite & { readonly refused: (sql: Sql, index: number) => Promise<never> };
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

type Work<T> = (t: { sql: Sql; row: CaseRow; at: Temporal.Instant; day: Temporal.PlainDate; to: CaseStatus; extra: unknown }) => Promise<StepWork<T>>;

/** Steps whose work writes before the final statement (found at their first run): always in a transaction. */
const stepsThatWriteEarly = new Set<TransitionName>();
/** One-statement attempts before a step falls back to waiting for the case's row lock. */
const STATEMENT_ATTEMPTS = 3;

/** The step's hot write was refused and the statement failed whole; `answer` throws what the user is told. */
class StepRefused extends Error {
  constructor(readonly answer: () => Promise<never>) {
    super('the step was refused');
  }
}

/**
 * Runs a workflow step. A step whose work only reads is sent as ONE statement (runStatementCommand: read
 * the case, compute, then the UPDATE with the version read, the step's writes, its hot write and the audit
 * entry — no BEGIN, no COMMIT, no lock held between round trips); when the case changed meanwhile the step
 * is computed again from the new state (or CONFLICT when the user named the version they saw). The
 * decision is such a step: its decision row, notices, payments and budget commitment (p.21) are WITH items
 * of that statement, and a commitment that does not fit fails it whole. A step whose work writes earlier
 * runs in a transaction with the case row locked (runCommand), as does a step whose case kept changing.
 * Either way the step sees the case as it is saved, and its audit entry commits with it. `work` may
 * therefore run more than once: it must do nothing but compute and use `sql` (no port calls, no other side
 * effects).
 */
export async function runStep<T>(
  ctx: CaseCtx,
  name: TransitionName,
  applicationId: string,
  expectedVersion: number | undefined,
  work: Work<T>,
  /** What the step reads besides the case, sent with the case's read (given to `work` as `extra`). */
  read?: (day: Temporal.PlainDate) => ExtraRead,
): Promise<StepResult<T>> {
  assertRoleMay(name, ctx.actor?.role);
  const day = today(ctx);
  const spec = { action: `application.${name}`, targetType: 'application' };
  const extraRead = read?.(day) ?? null;
  try {
    if (!stepsThatWriteEarly.has(name)) {
      for (let attempt = 0; attempt < STATEMENT_ATTEMPTS; attempt++) {
        try {
          return await runStatementCommand(ctx, spec, ({ read, at, withAudit }) => step(ctx, name, applicationId, expectedVersion, work, { sql: read, at, day, withAudit, lock: false, extra: extraRead }));
        } catch (e) {
          if (e instanceof NeedsTransaction) {
            stepsThatWriteEarly.add(name);
            break;
          }
          if (!(e instanceof CaseChanged)) throw e;
          if (expectedVersion !== undefined) throw new AppError('CONFLICT', [], { expectedVersion });
        }
      }
    }
    try {
      return await runCommand(ctx, spec, ({ sql, at, withAudit }) => step(ctx, name, applicationId, expectedVersion, work, { sql, at, day, withAudit, lock: true, extra: extraRead }));
    } catch (e) {
      if (e instanceof CaseChanged) throw new AppError('CONFLICT');
      throw e;
    }
  } catch (e) {
    if (e instanceof StepRefused) return e.answer();
    throw e;
  }
}

async function step<T>(
  ctx: CaseCtx,
  name: TransitionName,
  applicationId: string,
  expectedVersion: number | undefined,
  work: Work<T>,
  t: { sql: Sql; at: Temporal.Instant; day: Temporal.PlainDate; withAudit: CommandTools['withAudit']; lock: boolean; extra: ExtraRead | null },
): Promise<CommandResult<StepResult<T>>> {
  const { sql, at, day } = t;
  const { extra, ...row } = await loadCase(sql, ctx.actor, applicationId, expectedVersion, t.lock, t.extra);
  const to = transition(name, row.status);
  const w = await work({ sql, row, at, day, to, extra });
  const status = w.to ?? to;
  // The audit entry rides in the case's UPDATE: one statement for the step, the audit lane locked last.
  const entry = { targetId: row.id, before: { status: row.status, version: row.version }, after: { status, ...(w.after ?? {}) } };
  let saved: { row: CaseRow; deadlines: CaseDeadlines };
  try {
    saved = await saveStep(
      (statement, params, after) => t.withAudit<{ saved: string }>(statement, params, entry, after),
      ctx.env, row, status, w.changes ?? {}, at, day, w.overlay, w.write ?? null, w.hot ?? null,
    );
  } catch (e) {
    // The statement (and with it any transaction) failed: the answer is read afterwards, outside it.
    const hot = w.hot;
    if (e instanceof HotRefused && hot) throw new StepRefused(() => hot.refused(ctx.database, e.index));
    throw e;
  }
  return {
    result: { id: row.id, status: saved.row.status, version: saved.row.version, nextStep: saved.deadlines.next?.step ?? null, nextHardOn: saved.deadlines.next?.hardOn ?? null, decisionHardOn: saved.deadlines.decisionHardOn, result: w.result },
    ...entry,
  };
}
