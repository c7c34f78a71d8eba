/**
 * Sign-in, sessions and sign-out (issue 2 item 6). Sessions live in the database behind an httpOnly,
 * SameSite=Strict cookie holding a random token; the database keeps only the token's SHA-256.
 * Failed sign-ins are counted per username and per client address; too many lock sign-in temporarily.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../db/connect';
import { AppError } from '../errors';
import { cacheAgeClockMs, onCommandCommitted, runCommand, type Actor, type Clock } from '../context';
import { DUMMY_HASH_PROMISE, verifyPassword } from './passwords';
import type { Role } from './roles';

export const SESSION_COOKIE = 'komek_session';

export interface LoginPolicy {
  readonly sessionHours: number;
  readonly maxFailures: number;
  readonly lockMinutes: number;
}

export interface UserRow {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  rural_district_id: string | null;
  password_hash: string;
  active: boolean;
}

export function actorOf(u: Pick<UserRow, 'id' | 'username' | 'full_name' | 'role' | 'rural_district_id'>): Actor {
  return { id: u.id, username: u.username, fullName: u.full_name, role: u.role, ruralDistrictId: u.rural_district_id };
}

function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Signs a user in; returns the actor and the session token to put in the cookie. */
export async function signIn(
  deps: { database: Database; clock: Clock; policy: LoginPolicy },
  input: { username: string; password: string; clientKey: string },
): Promise<{ actor: Actor; token: string; expiresAt: Temporal.Instant }> {
  const { database, clock, policy } = deps;
  const now = clock.now();
  const keys = [`user:${input.username.toLowerCase()}`, `client:${input.clientKey}`];
  const locks = await database.query<{ locked_until: Date | null }>('select locked_until from login_throttle where key = any($1) and locked_until > $2', [keys, now.toString()]);
  if (locks.length > 0) throw new AppError('LOGIN_LOCKED');
  const [user] = await database.query<UserRow>('select * from app_user where username = $1', [input.username.toLowerCase()]);
  const ok = user ? user.active && (await verifyPassword(user.password_hash, input.password)) : (await verifyPassword(await DUMMY_HASH_PROMISE, input.password)) && false;
  if (!user || !ok) {
    await runCommand({ database, clock, actor: null }, { action: 'auth.sign-in-failed', targetType: 'user' }, async ({ sql }) => {
      for (const key of keys) {
        await sql.query(
          `insert into login_throttle (key, failures, window_started_at, locked_until) values ($1, 1, $2::timestamptz, null)
           on conflict (key) do update set
             failures = case when login_throttle.window_started_at < $3::timestamptz then 1 else login_throttle.failures + 1 end,
             window_started_at = case when login_throttle.window_started_at < $3::timestamptz then $2::timestamptz else login_throttle.window_started_at end,
             locked_until = case when login_throttle.window_started_at >= $3::timestamptz and login_throttle.failures + 1 >= $4::int then $5::timestamptz else null end`,
          [key, now.toString(), now.subtract({ minutes: policy.lockMinutes }).toString(), policy.maxFailures, now.add({ minutes: policy.lockMinutes }).toString()],
        );
      }
      return { result: null, targetId: user?.id ?? null, after: { username: input.username.slice(0, 64) } };
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now.add({ hours: policy.sessionHours });
  await runCommand({ database, clock, actor: actorOf(user) }, { action: 'auth.sign-in', targetType: 'user' }, async ({ sql }) => {
    await sql.query('insert into app_session (id, user_id, created_at, expires_at) values ($1, $2, $3, $4)', [tokenId(token), user.id, now.toString(), expiresAt.toString()]);
    await sql.query('delete from login_throttle where key = $1', [keys[0]]);
    return { result: null, targetId: user.id };
  });
  return { actor: actorOf(user), token, expiresAt };
}

/**
 * Per-process session cache: a session looked up is served from memory for at most SESSION_CACHE_MS
 * (never past its expiry by the request's clock), which saves one statement on every request. Every
 * command of THIS process whose audit target is a user (sign-out, a failed sign-in, a role, district or
 * active change…) drops that user's cached sessions after it commits, so those take effect at the next
 * request; a change made by ANOTHER process (a second server, the CLI) is seen at most SESSION_CACHE_MS
 * later. A lookup that started before such a change is not stored (the epoch moved).
 */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;

interface CachedSession {
  readonly actor: Actor;
  readonly expiresAtMs: number;
  readonly loadedAtMs: number;
}

interface SessionCache {
  readonly byToken: Map<string, CachedSession>;
  epoch: number;
}

const sessionCaches = new WeakMap<Database, SessionCache>();

function sessionCacheOf(database: Database): SessionCache {
  let c = sessionCaches.get(database);
  if (!c) sessionCaches.set(database, (c = { byToken: new Map(), epoch: 0 }));
  return c;
}

/** Forgets the cached sessions of a user (or all, with null) in this process. */
export function forgetCachedSessions(database: Database, userId: string | null): void {
  const c = sessionCaches.get(database);
  if (!c) return;
  c.epoch++;
  for (const [token, s] of c.byToken) if (userId === null || s.actor.id === userId) c.byToken.delete(token);
}

onCommandCommitted(({ database, targetType, targetId }) => {
  if (targetType === 'user') forgetCachedSessions(database, targetId);
});

/** The actor behind a session token, or null when there is none or it has expired or ended. */
export async function actorForToken(database: Database, token: string, now: Temporal.Instant): Promise<Actor | null> {
  // Keyed by the token itself (held in memory for the request anyway): a hit costs no SHA-256.
  const cache = sessionCacheOf(database);
  const known = cache.byToken.get(token);
  if (known) {
    if (cacheAgeClockMs() - known.loadedAtMs < SESSION_CACHE_MS && now.epochMilliseconds < known.expiresAtMs) return known.actor;
    cache.byToken.delete(token);
  }
  const id = tokenId(token);
  const epoch = cache.epoch;
  const loadedAtMs = cacheAgeClockMs();
  const [row] = await database.query<UserRow & { expires_at_ms: string }>(
    `select u.*, (extract(epoch from s.expires_at) * 1000)::bigint::text as expires_at_ms from app_session s join app_user u on u.id = s.user_id
     where s.id = $1 and s.ended_at is null and s.expires_at > $2 and u.active`,
    [id, now.toString()],
  );
  if (!row) return null;
  const actor = actorOf(row);
  if (cache.epoch === epoch) {
    if (cache.byToken.size >= SESSION_CACHE_MAX) cache.byToken.clear();
    cache.byToken.set(token, { actor, expiresAtMs: Number(row.expires_at_ms), loadedAtMs });
  }
  return actor;
}

export async function signOut(deps: { database: Database; clock: Clock; actor: Actor }, token: string): Promise<void> {
  await runCommand({ ...deps }, { action: 'auth.sign-out', targetType: 'user' }, async ({ sql, at }) => {
    await sql.query('update app_session set ended_at = $2 where id = $1 and ended_at is null', [tokenId(token), at.toString()]);
    return { result: null, targetId: deps.actor.id };
  });
}
