/**
 * The audit log (issue 2 item 7): every state change writes, in its own transaction, an append-only entry
 * — who, when, action, target, before/after summary — chained by SHA-256 to the previous entry of its
 * lane. Lanes are independent chains, so concurrent transactions need not queue on one head row;
 * `verifyAudit` walks every lane and reports the first broken link.
 */
import { createHash, randomInt } from 'node:crypto';
import type { Sql } from '../db/connect';

/** Independent hash chains; migration 0024 created lanes 0–63. */
export const AUDIT_LANES = 64;
const GENESIS = '0'.repeat(64);

export interface AuditActor {
  readonly id: string | null;
  readonly role: string | null;
}

export interface AuditRecord {
  readonly actor: AuditActor;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
  /** The instant of the change (ISO string); the request's clock, never the database's. */
  readonly at: string;
}

/** JSON with sorted keys, so that the same payload always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : typeof v === 'bigint'
        ? v.toString()
        : v,
  );
}

function payloadOf(r: AuditRecord): string {
  return canonicalJson({ at: r.at, actorId: r.actor.id, actorRole: r.actor.role, action: r.action, targetType: r.targetType, targetId: r.targetId, before: r.before ?? null, after: r.after ?? null });
}

export function chainHash(prevHash: string, payload: string): string {
  return createHash('sha256').update(prevHash).update(payload).digest('hex');
}

/**
 * The WITH-list items that append one entry to a lane: `audit_moved` (the lane head moves: seq + 1,
 * hash = sha256(previous hash || payload), computed by the database from the head row it locks) and
 * `audit_row` (the entry). Parameters are numbered from `offset + 1`. The lane head is locked from this
 * statement until COMMIT, so callers send it with their last write (runCommand's `withAudit`): no
 * SELECT … FOR UPDATE round trip, and the lock is held for the shortest time. `after` names an earlier
 * WITH item that must have run before the lane is locked (every other lock of the transaction comes
 * before the lane's, so transactions never wait for each other in opposite orders). `verifyAudit`
 * recomputes every hash in Node, so the database's SHA-256 is checked at every verification.
 */
export function auditCtes(record: AuditRecord, offset: number, after: string | null = null, lane: number = randomInt(AUDIT_LANES)): { readonly ctes: string; readonly params: readonly unknown[] } {
  const p = (n: number) => `$${offset + n}`;
  const wait = after ? ` and (select count(*) from ${after}) >= 0` : '';
  return {
    ctes: `audit_moved as (update audit_lane set prev_hash = hash, seq = seq + 1, hash = encode(sha256(convert_to(hash || ${p(2)}::text, 'UTF8')), 'hex') where lane = ${p(1)}::int${wait} returning lane, seq, prev_hash, hash),
     audit_row as (insert into audit_entry (lane, seq, at, actor_id, actor_role, action, target_type, target_id, payload, prev_hash, hash)
       select lane, seq, ${p(3)}::timestamptz, ${p(4)}::uuid, ${p(5)}::text, ${p(6)}::text, ${p(7)}::text, ${p(8)}::text, ${p(2)}::text, prev_hash, hash from audit_moved returning id)`,
    params: [lane, payloadOf(record), record.at, record.actor.id, record.actor.role, record.action, record.targetType, record.targetId],
  };
}

/** Appends one entry inside the caller's transaction (one statement); returns its id. */
export async function appendAudit(sql: Sql, record: AuditRecord): Promise<number> {
  const { ctes, params } = auditCtes(record, 0);
  const [row] = await sql.query<{ id: string }>(`with ${ctes} select id from audit_row`, params);
  if (!row) throw new Error('audit lane is missing');
  return Number(row.id);
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstBroken: null | BrokenLink;
  /** The first broken link of each broken lane, by id. */
  readonly brokenLanes: readonly BrokenLink[];
}

export interface BrokenLink {
  readonly id: number;
  readonly lane: number;
  readonly seq: number;
  readonly reason: string;
}

/**
 * Walks every lane in order and checks each link: sequence without gaps, prev_hash equal to the previous
 * entry's hash, hash equal to sha256(prev_hash || payload), the indexed columns equal to the payload,
 * and the lane head equal to the last entry. Reports the broken link with the smallest id.
 */
export async function verifyAudit(sql: Sql, batch = 5000): Promise<AuditVerification> {
  let checked = 0;
  const broken: { id: number; lane: number; seq: number; reason: string }[] = [];
  const heads = await sql.query<{ lane: number; seq: string; hash: string }>('select lane, seq, hash from audit_lane order by lane');
  for (const head of heads) {
    let prevHash = GENESIS;
    let prevSeq = 0;
    let lastId = 0;
    let laneBroken = false;
    for (;;) {
      const rows = await sql.query<{ id: string; seq: string; at: Date | string; actor_id: string | null; actor_role: string | null; action: string; target_type: string; target_id: string | null; payload: string; prev_hash: string; hash: string }>(
        'select id, seq, at, actor_id, actor_role, action, target_type, target_id, payload, prev_hash, hash from audit_entry where lane = $1 and seq > $2 order by seq limit $3',
        [head.lane, prevSeq, batch],
      );
      for (const r of rows) {
        checked++;
        const id = Number(r.id);
        const reason = linkProblem(r, prevSeq, prevHash);
        if (reason) {
          broken.push({ id, lane: head.lane, seq: Number(r.seq), reason });
          laneBroken = true;
          break;
        }
        prevSeq = Number(r.seq);
        prevHash = r.hash;
        lastId = id;
      }
      if (laneBroken || rows.length < batch) break;
    }
    if (!laneBroken && (Number(head.seq) !== prevSeq || head.hash !== prevHash)) {
      broken.push({ id: lastId, lane: head.lane, seq: prevSeq, reason: `lane head (seq ${head.seq}) does not match the last entry (seq ${prevSeq}): entries were removed or the head was altered` });
    }
  }
  broken.sort((a, b) => a.id - b.id);
  return { ok: broken.length === 0, checked, firstBroken: broken[0] ?? null, brokenLanes: broken };
}

function linkProblem(r: { seq: string; at: Date | string; actor_id: string | null; actor_role: string | null; action: string; target_type: string; target_id: string | null; payload: string; prev_hash: string; hash: string }, prevSeq: number, prevHash: string): string | null {
  if (Number(r.seq) !== prevSeq + 1) return `sequence gap: expected ${prevSeq + 1}, found ${r.seq}`;
  if (r.prev_hash !== prevHash) return 'prev_hash does not match the previous entry';
  if (chainHash(r.prev_hash, r.payload) !== r.hash) return 'hash does not match the payload';
  let p: Record<string, unknown>;
  try {
    p = JSON.parse(r.payload) as Record<string, unknown>;
  } catch {
    return 'payload is not JSON';
  }
  const at = r.at instanceof Date ? r.at.toISOString() : new Date(r.at).toISOString();
  if (p.action !== r.action || p.targetType !== r.target_type || (p.targetId ?? null) !== r.target_id || (p.actorId ?? null) !== r.actor_id || (p.actorRole ?? null) !== r.actor_role || new Date(String(p.at)).toISOString() !== at) {
    return 'indexed columns differ from the hashed payload';
  }
  return null;
}
