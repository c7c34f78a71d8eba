/**
 * Holiday runs (p.5, p.10, p.25) driven in the background of a server (design.md "Durable work"): a run
 * started through the API, and — when the server starts — every run a stopped process left unfinished
 * (killed, crashed, restarted), so a run resumes on its own and its recipients are paid without anyone
 * starting it again. In one process a run is driven by one loop at a time; across processes the run's
 * row lock and cursors keep a step from being applied twice (src/payments/run-holiday.ts).
 */
import type { Actor, Clock } from '../context';
import type { Database } from '../db/connect';
import { AppError } from '../errors';
import type { Ports } from '../ports';
import { notifyHolidayPayments } from './notify-holiday-payments';
import { driveHolidayRun, type HolidayRun } from './run-holiday';

export interface HolidayRunWorkerDeps {
  readonly database: Database;
  readonly clock: Clock;
  readonly ports: Ports;
  readonly log: { error(obj: object, msg: string): void; info(obj: object, msg: string): void };
  /** Form 7 rows staged, and payments written, per step (config.payments.holidayRunStepRows). */
  readonly stepRows: number;
}

interface Driving {
  readonly stop: AbortController;
  readonly runs: Map<string, Promise<HolidayRun | null>>;
}

const ACTIVE = new WeakMap<Database, Driving>();

function drivingOf(database: Database): Driving {
  let d = ACTIVE.get(database);
  if (!d || d.stop.signal.aborted) {
    d = { stop: new AbortController(), runs: new Map() };
    ACTIVE.set(database, d);
  }
  return d;
}

/**
 * Drives a run to its end in the background (then texts its recipients, p.10); returns at once. A run this
 * process is already driving is not driven twice. Resolves with the run as it stopped, or null on an error
 * (logged; the run resumes when driven again).
 */
export function driveHolidayRunInBackground(deps: HolidayRunWorkerDeps, runId: string, actor: Actor | null = null): Promise<HolidayRun | null> {
  const driving = drivingOf(deps.database);
  const known = driving.runs.get(runId);
  if (known) return known;
  const ministry = deps.ports.ministry;
  if (!ministry) throw new AppError('INTERNAL', [], { reason: 'no ministry port configured' });
  const { sms, registeredPhones, ministryBulk } = deps.ports;
  const ctx = { database: deps.database, clock: deps.clock, actor };
  const work = driveHolidayRun(ctx, ministry, runId, { pageSize: deps.stepRows, batchSize: deps.stepRows, signal: driving.stop.signal, ...(ministryBulk ? { stager: ministryBulk } : {}) })
    .then(async (run) => {
      if (run.status === 'done' && sms && registeredPhones && !driving.stop.signal.aborted) await notifyHolidayPayments({ database: deps.database, clock: deps.clock, sms, phones: registeredPhones }, { runId });
      return run;
    })
    .catch((e: unknown) => {
      deps.log.error({ err: e, runId }, 'holiday run stopped; it resumes when driven again or at the next start');
      return null;
    })
    .finally(() => driving.runs.delete(runId));
  driving.runs.set(runId, work);
  return work;
}

/** Every run left unfinished (fetching, budget or creating), driven again in the background; returns their ids. A failed run waits for a person (e.g. the allocation raised). */
export async function resumeUnfinishedHolidayRuns(deps: HolidayRunWorkerDeps): Promise<string[]> {
  const rows = await deps.database.query<{ id: string }>(`select id from payment_run where status in ('fetching', 'budget', 'creating') order by started_at`);
  for (const r of rows) void driveHolidayRunInBackground(deps, r.id);
  if (rows.length) deps.log.info({ runs: rows.map((r) => r.id) }, 'resuming unfinished holiday runs');
  return rows.map((r) => r.id);
}

/** Stops driving (each run ends its current step, committed or not) and waits: before the database closes. */
export async function stopHolidayRuns(database: Database): Promise<void> {
  const driving = ACTIVE.get(database);
  if (!driving) return;
  driving.stop.abort();
  await Promise.all(driving.runs.values());
}
