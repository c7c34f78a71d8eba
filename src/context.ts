/**
 * The explicit context every use case receives (design.md, house style 5): the database, the acting
 * user, the clock. `runCommand` is the one way to change state: one transaction that also writes the
 * audit entry, so a change without its audit entry cannot be committed.
 */
import { Temporal } from 'temporal-polyfill';
import type { Database, Sql, Tx } from './db/connect';
import type { Role } from './auth/roles';
import { appendAudit, auditCtes, type AuditRecord } from './audit/audit';
import { AppError } from './errors';

export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  /** Set for RURAL_AKIM users: the only rural district whose records they may see and change. */
  readonly ruralDistrictId: string | null;
}

/**
 * A rural akim's office sees and changes only records of its own rural district (issue 2 item 6);
 * every other role is not bound to a district. Throws OUTSIDE_RURAL_DISTRICT.
 */
export function assertWithinRuralDistrict(actor: Pick<Actor, 'role' | 'ruralDistrictId'> | null, recordDistrictId: string | null): void {
  if (actor?.role === 'RURAL_AKIM' && recordDistrictId !== actor.ruralDistrictId) throw new AppError('OUTSIDE_RURAL_DISTRICT');
}

/**
 * The rural district a query may look at: a rural akim's office only its own (asking for another is
 * refused), everyone else what they asked for, or all (null).
 */
export function ruralDistrictScope(actor: Pick<Actor, 'role' | 'ruralDistrictId'> | null, asked: string | null | undefined): string | null {
  if (actor?.role === 'RURAL_AKIM') {
    if (asked) assertWithinRuralDistrict(actor, asked);
    return actor.ruralDistrictId;
  }
  return asked ?? null;
}

export interface Clock {
  now(): Temporal.Instant;
}

export const systemClock: Clock = { now: () => Temporal.Now.instant() };

/** A clock fixed at one instant, for tests and for replaying a day. */
export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(d: Temporal.DurationLike): void } {
  let at = Temporal.Instant.from(iso);
  return {
    now: () => at,
    set: (s) => void (at = Temporal.Instant.from(s)),
    advance: (d) => void (at = at.add(d)),
  };
}

const MIN_ISO_MS = -62167219200000; // 0000-01-01T00:00:00Z
const MAX_ISO_MS = 253402300800000; // 10000-01-01T00:00:00Z

/**
 * `at.toString()` of an Instant, exactly (UTC, 'Z', the fraction of the second without trailing zeros),
 * written with Date for the years 0000–9999 — the polyfill's formatter costs several microseconds a call,
 * and every command formats its instant for the audit entry and its writes.
 */
export function formatInstant(at: Temporal.Instant): string {
  const ns = at.epochNanoseconds;
  const ms = Number(ns / 1_000_000n) - (ns % 1_000_000n < 0n ? 1 : 0);
  if (ms < MIN_ISO_MS || ms >= MAX_ISO_MS) return at.toString();
  const iso = new Date(ms).toISOString();
  const fraction = (iso.slice(20, 23) + String(Number(ns - BigInt(ms) * 1_000_000n)).padStart(6, '0')).replace(/0+$/, '');
  return fraction ? `${iso.slice(0, 19)}.${fraction}Z` : `${iso.slice(0, 19)}Z`;
}

/** The instant of a command: an Instant whose ISO string (toString without options) is formatted once. */
class CommandInstant extends Temporal.Instant {
  #iso: string | undefined;
  override toString(options?: Temporal.InstantToStringOptions): string {
    if (options !== undefined) return super.toString(options);
    return (this.#iso ??= formatInstant(this));
  }
}

/** `clock.now()` for a command: the same instant, its ISO string kept for the command's many uses. */
export function commandInstant(clock: Clock): Temporal.Instant {
  return new CommandInstant(clock.now().epochNanoseconds);
}

export interface Ctx {
  readonly database: Database;
  /** null for system jobs and for unauthenticated steps such as signing in. */
  readonly actor: Actor | null;
  readonly clock: Clock;
}

export interface CommandResult<T> {
  readonly result: T;
  readonly targetId: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** The audit entry of a command that is sent with its last write (see `withAudit`). */
export interface CommandEntry {
  readonly targetId: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface CommandTools {
  readonly sql: Sql;
  readonly tx: Tx;
  readonly at: Temporal.Instant;
  /**
   * Sends the command's last write with its audit entry in the same statement (one round trip less, and
   * the audit lane is locked only from this statement to COMMIT). `statement(auditItems)` must place
   * `auditItems` in its WITH list (after the item named `after`, which then runs before the lane is
   * locked); the audit parameters follow `params`. `entry` IS the command's audit entry: runCommand then
   * appends none. At most once per command.
   */
  withAudit<R = Record<string, unknown>>(statement: (auditItems: string) => string, params: readonly unknown[], entry: CommandEntry, after?: string): Promise<R[]>;
}

/** What a committed command changed, for the per-process caches that must forget it (src/auth/sessions.ts). */
export interface CommittedCommand {
  readonly database: Database;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
}

const committedListeners: ((c: CommittedCommand) => void)[] = [];
const afterCommitHooks = new WeakMap<Sql, (() => void)[]>();

/** Calls `listener` after every command that commits in this process (cache invalidation). */
export function onCommandCommitted(listener: (c: CommittedCommand) => void): void {
  committedListeners.push(listener);
}

/**
 * Runs `hook` once the transaction of `sql` (a runCommand transaction) has committed; with any other
 * `sql` it never runs, so callers also act at once (e.g. forget a cache both now and after COMMIT).
 */
export function afterCommit(sql: Sql, hook: () => void): void {
  afterCommitHooks.get(sql)?.push(hook);
}

/**
 * Milliseconds of a monotonic clock, ONLY for bounding how long a per-process cache may serve a value
 * (sessions, rules generation): never for business time, which comes from `ctx.clock`.
 */
export function cacheAgeClockMs(): number {
  return performance.now();
}

/** Thrown by a statement command's `read` when the command tries to write before its one statement. */
export class NeedsTransaction extends Error {
  constructor(readonly statement: string) {
    super('a statement command may only read before its one statement');
  }
}

/** Reads outside a transaction; anything but SELECT throws NeedsTransaction (nothing is sent). */
function readOnly(database: Database): Sql {
  return {
    query<R>(text: string, params?: readonly unknown[]): Promise<R[]> {
      if (!/^\s*select\b/i.test(text)) return Promise.reject(new NeedsTransaction(text.slice(0, 60)));
      return database.query<R>(text, params);
    },
  };
}

/**
 * A command whose whole change is ONE statement, sent through `withAudit` with its audit entry: that
 * statement is its own transaction, so the change and its entry commit together or not at all — the same
 * guarantee as runCommand with two round trips fewer (no BEGIN, no COMMIT). Everything before it may only
 * read (`read`: SELECT only, outside any transaction, else NeedsTransaction and the caller runs the
 * command with runCommand instead); the statement itself must check that what was read still holds (the
 * case workflow checks the case's version, src/cases/run-step.ts). Without `withAudit` the entry alone is
 * written.
 */
export async function runStatementCommand<T>(
  ctx: Ctx,
  spec: { readonly action: string; readonly targetType: string },
  fn: (t: { read: Sql; at: Temporal.Instant; withAudit: CommandTools['withAudit'] }) => Promise<CommandResult<T>>,
): Promise<T> {
  const at = commandInstant(ctx.clock);
  const record = entryRecord(ctx, spec, at);
  let audited = false;
  let targetId: string | null = null;
  const withAudit = async <R>(statement: (auditItems: string) => string, params: readonly unknown[], entry: CommandEntry, after?: string): Promise<R[]> => {
    if (audited) throw new Error(`runStatementCommand ${spec.action}: withAudit called twice`);
    audited = true;
    targetId = entry.targetId;
    const audit = auditCtes(record(entry), params.length, after ?? null);
    return ctx.database.query<R>(statement(audit.ctes), [...params, ...audit.params]);
  };
  const out = await fn({ read: readOnly(ctx.database), at, withAudit });
  if (!audited) {
    targetId = out.targetId;
    await appendAudit(ctx.database, record(out));
  }
  for (const listener of committedListeners) listener({ database: ctx.database, action: spec.action, targetType: spec.targetType, targetId });
  return out.result;
}

function entryRecord(ctx: Ctx, spec: { readonly action: string; readonly targetType: string }, at: Temporal.Instant) {
  return (e: CommandEntry): AuditRecord => ({
    actor: { id: ctx.actor?.id ?? null, role: ctx.actor?.role ?? null },
    action: spec.action,
    targetType: spec.targetType,
    targetId: e.targetId,
    before: e.before,
    after: e.after,
    at: at.toString(),
  });
}

/** Runs `fn` in one transaction and appends the audit entry for it in the same transaction. */
export async function runCommand<T>(
  ctx: Ctx,
  spec: { readonly action: string; readonly targetType: string },
  fn: (t: CommandTools) => Promise<CommandResult<T>>,
): Promise<T> {
  const at = commandInstant(ctx.clock);
  const hooks: (() => void)[] = [];
  let targetId: string | null = null;
  const result = await ctx.database.transaction(async ({ sql, tx }) => {
    afterCommitHooks.set(sql, hooks);
    const record = entryRecord(ctx, spec, at);
    let audited = false;
    const withAudit = async <R>(statement: (auditItems: string) => string, params: readonly unknown[], entry: CommandEntry, after?: string): Promise<R[]> => {
      if (audited) throw new Error(`runCommand ${spec.action}: withAudit called twice`);
      audited = true;
      targetId = entry.targetId;
      const audit = auditCtes(record(entry), params.length, after ?? null);
      return sql.query<R>(statement(audit.ctes), [...params, ...audit.params]);
    };
    const out = await fn({ sql, tx, at, withAudit });
    if (!audited) {
      targetId = out.targetId;
      await appendAudit(sql, record(out));
    }
    return out.result;
  });
  for (const hook of hooks) hook();
  for (const listener of committedListeners) listener({ database: ctx.database, action: spec.action, targetType: spec.targetType, targetId });
  return result;
}
