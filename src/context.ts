/**
 * The explicit context every use case receives (design.md, house style 5): the database, the acting
 * user, the clock. `runCommand` is the one way to change state: one transaction that also writes the
 * audit entry, so a change without its audit entry cannot be committed.
 */
import { Temporal } from 'temporal-polyfill';
import type { Database, Sql, Tx } from './db/connect';
import type { Role } from './auth/roles';
import { appendAudit } from './audit/audit';
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

/** Runs `fn` in one transaction and appends the audit entry for it in the same transaction. */
export async function runCommand<T>(
  ctx: Ctx,
  spec: { readonly action: string; readonly targetType: string },
  fn: (t: { sql: Sql; tx: Tx; at: Temporal.Instant }) => Promise<CommandResult<T>>,
): Promise<T> {
  const at = ctx.clock.now();
  return ctx.database.transaction(async ({ sql, tx }) => {
    const out = await fn({ sql, tx, at });
    await appendAudit(sql, {
      actor: { id: ctx.actor?.id ?? null, role: ctx.actor?.role ?? null },
      action: spec.action,
      targetType: spec.targetType,
      targetId: out.targetId,
      before: out.before,
      after: out.after,
      at: at.toString(),
    });
    return out.result;
  });
}
