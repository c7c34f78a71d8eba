/**
 * Sends the notices queued by `enqueueDecisionNotice` (forms 5 and 6, p.19) and `enqueueHearingNotice`
 * (the preliminary decision and hearing notice, p.18), after their transaction committed.
 * Safe with any number of workers: each row is claimed with `for update skip locked` and a short lease,
 * sent with no transaction open, and its result recorded together with its audit entry. A crash after
 * sending and before recording leaves the row queued; once the lease ends it is tried again with the
 * same idempotency key (the row id), so the gateway does not send twice. Resumable: run it again.
 *
 *   sms     — only to numbers registered in the mobile-citizens database; a number not registered, a
 *             rejected message, too many failed attempts or an undeliverable report → `failed`, and the
 *             notice goes to the print queue (p.19 "if SMS is impossible … prints and hands over").
 *   cabinet — the portal personal cabinet, retried until delivered; after `maxAttempts` → `failed` and
 *             printed as well, so the applicant is never left without a notice.
 *   sent SMS are re-checked for their delivery report (`delivered` or `failed` + print).
 */
import type { Temporal } from 'temporal-polyfill';
import { runCommand, type Clock } from '../context';
import type { Database, Sql } from '../db/connect';
import type { SmsGateway } from '../adapters/sms/port';
import type { PersonalCabinet } from '../adapters/cabinet/port';

/** What the dispatcher asks the mobile-citizens database (p.19): is this number registered? */
export interface MobileCitizensLookup {
  isRegistered(phone: string): Promise<boolean>;
}

export interface NotificationPorts {
  readonly sms: SmsGateway;
  readonly cabinet: PersonalCabinet;
  readonly mobileCitizens: MobileCitizensLookup;
}

export interface DispatchOptions {
  /** At most this many rows are handled in one run. */
  readonly limit: number;
  readonly maxSmsAttempts?: number;
  readonly maxCabinetAttempts?: number;
}

export interface DispatchReport {
  readonly handled: number;
  readonly sent: number;
  readonly delivered: number;
  readonly failed: number;
  readonly retried: number;
  readonly printQueued: number;
}

interface Row {
  id: string;
  applicationId: string;
  decisionId: string | null;
  form: '5' | '6' | 'hearing';
  channel: 'sms' | 'cabinet';
  status: 'queued' | 'sent';
  lang: string;
  phone: string | null;
  body: string;
  attempts: number;
  providerMessageId: string | null;
  iin: string;
  portalRequestId: string | null;
  /** The decision's number; for the hearing notice, the application's registration number. */
  decisionNumber: string;
}

type Outcome = 'sent' | 'delivered' | 'failed' | 'retried' | 'pending';

/** Minutes before the n-th retry (1, 5, 15, 60, then hourly). */
function backoffMinutes(attempts: number): number {
  return [1, 5, 15, 60][attempts - 1] ?? 60;
}
/** The delivery report of a sent SMS is first asked for after this many minutes. */
const DELIVERY_FIRST_CHECK_MINUTES = 1;
/** Delivery reports are asked again after this many minutes while pending. */
const DELIVERY_RECHECK_MINUTES = 10;

async function fallBackToPrint(sql: Sql, row: Row, at: string): Promise<boolean> {
  const inserted = await sql.query(
    `insert into notification (application_id, decision_id, form, channel, lang, phone, body, status, next_attempt_at, created_at, updated_at)
     select application_id, decision_id, form, 'print', lang, null, body, 'queued', $2, $2, $2 from notification where id = $1
     on conflict do nothing returning id`,
    [row.id, at],
  );
  return inserted.length > 0;
}

async function fail(sql: Sql, row: Row, at: string, error: string): Promise<boolean> {
  await sql.query(`update notification set status = 'failed', failed_at = $2, last_error = $3, updated_at = $2 where id = $1`, [row.id, at, error]);
  return fallBackToPrint(sql, row, at);
}

async function retry(sql: Sql, row: Row, at: Temporal.Instant, error: string): Promise<void> {
  const attempts = row.attempts + 1;
  await sql.query(`update notification set attempts = $2, last_error = $3, next_attempt_at = $4, updated_at = $5 where id = $1`, [
    row.id,
    attempts,
    error,
    at.add({ minutes: backoffMinutes(attempts) }).toString(),
    at.toString(),
  ]);
}

/** What talking to the outside system gave; computed outside any database transaction. */
type Attempt =
  | { readonly kind: 'sent'; readonly providerMessageId: string }
  | { readonly kind: 'delivered'; readonly providerMessageId: string | null }
  | { readonly kind: 'pending' }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'retry'; readonly error: string };

/** Calls the mobile-citizens database, the SMS gateway or the cabinet for one claimed row. */
async function attempt(row: Row, ports: NotificationPorts, opts: DispatchOptions): Promise<Attempt> {
  const key = `komek-notification-${row.id}`;
  if (row.channel === 'sms' && row.status === 'sent') {
    const status = await ports.sms.deliveryStatus(row.providerMessageId ?? '');
    if (status === 'delivered') return { kind: 'delivered', providerMessageId: row.providerMessageId };
    return status === 'undeliverable' ? { kind: 'failed', error: 'SMS_UNDELIVERABLE' } : { kind: 'pending' };
  }
  if (row.channel === 'sms') {
    if (!row.phone || !(await ports.mobileCitizens.isRegistered(row.phone))) return { kind: 'failed', error: 'NOT_IN_MOBILE_CITIZENS_DATABASE' };
    const r = await ports.sms.send({ key, phone: row.phone, text: row.body });
    if (r.outcome === 'accepted') return { kind: 'sent', providerMessageId: r.providerMessageId };
    if (r.outcome === 'rejected') return { kind: 'failed', error: `SMS_REJECTED: ${r.reason}` };
    return row.attempts + 1 >= (opts.maxSmsAttempts ?? 5) ? { kind: 'failed', error: `SMS_UNAVAILABLE: ${r.reason}` } : { kind: 'retry', error: `SMS_UNAVAILABLE: ${r.reason}` };
  }
  const [title, ...rest] = row.body.split('\n');
  const r = await ports.cabinet.deliver({ key, iin: row.iin, portalRequestId: row.portalRequestId, form: row.form, decisionNumber: row.decisionNumber, title: title ?? '', text: rest.join('\n') });
  if (r.outcome === 'delivered') return { kind: 'delivered', providerMessageId: r.cabinetMessageId };
  return row.attempts + 1 >= (opts.maxCabinetAttempts ?? 10) ? { kind: 'failed', error: `CABINET_UNAVAILABLE: ${r.reason}` } : { kind: 'retry', error: `CABINET_UNAVAILABLE: ${r.reason}` };
}

/** Records an attempt's result on the row (in the audited transaction). */
async function record(sql: Sql, row: Row, a: Attempt, at: Temporal.Instant): Promise<{ outcome: Outcome; printQueued: boolean }> {
  const now = at.toString();
  switch (a.kind) {
    case 'sent':
      await sql.query(
        `update notification set status = 'sent', attempts = attempts + 1, sent_at = $2, provider_message_id = $3, last_error = null, next_attempt_at = $4, updated_at = $2 where id = $1`,
        [row.id, now, a.providerMessageId, at.add({ minutes: DELIVERY_FIRST_CHECK_MINUTES }).toString()],
      );
      return { outcome: 'sent', printQueued: false };
    case 'delivered':
      if (row.status === 'sent') await sql.query(`update notification set status = 'delivered', delivered_at = $2, updated_at = $2 where id = $1`, [row.id, now]);
      else
        await sql.query(
          `update notification set status = 'delivered', attempts = attempts + 1, sent_at = $2, delivered_at = $2, provider_message_id = $3, last_error = null, updated_at = $2 where id = $1`,
          [row.id, now, a.providerMessageId],
        );
      return { outcome: 'delivered', printQueued: false };
    case 'pending':
      await sql.query(`update notification set next_attempt_at = $2, updated_at = $3 where id = $1`, [row.id, at.add({ minutes: DELIVERY_RECHECK_MINUTES }).toString(), now]);
      return { outcome: 'pending', printQueued: false };
    case 'failed':
      return { outcome: 'failed', printQueued: await fail(sql, row, now, a.error) };
    case 'retry':
      await retry(sql, row, at, a.error);
      return { outcome: 'retried', printQueued: false };
  }
}

/** A claimed row is left alone by other workers for this long (a crashed worker's row comes back after it). */
const CLAIM_MINUTES = 5;

/**
 * Sends up to `limit` due notices (see the module comment) and reports what happened. Each row is
 * claimed in a short transaction (`for update skip locked`, its next attempt moved past a lease), the
 * outside system is called with no transaction open (an embedded single-connection database would
 * otherwise wait on itself when a port reads it), then the result is recorded with its audit entry.
 */
export async function dispatchNotifications(deps: { readonly database: Database; readonly ports: NotificationPorts; readonly clock: Clock }, opts: DispatchOptions): Promise<DispatchReport> {
  const counts = { handled: 0, sent: 0, delivered: 0, failed: 0, retried: 0, printQueued: 0 };
  const ctx = { database: deps.database, actor: null, clock: deps.clock };
  while (counts.handled < opts.limit) {
    const claimedAt = deps.clock.now();
    const row = await deps.database.transaction(async ({ sql }) => {
      const [r] = await sql.query<Row>(
        `select n.id::text as id, n.application_id as "applicationId", n.decision_id as "decisionId", n.form, n.channel, n.status, n.lang, n.phone, n.body,
                n.attempts, n.provider_message_id as "providerMessageId", a.applicant_iin as iin, a.portal_request_id as "portalRequestId", coalesce(d.number, a.reg_number) as "decisionNumber"
           from notification n join application a on a.id = n.application_id left join decision d on d.id = n.decision_id
          where ((n.status = 'queued' and n.channel in ('sms', 'cabinet')) or (n.status = 'sent' and n.channel = 'sms'))
            and n.next_attempt_at <= $1
          order by n.next_attempt_at, n.id
          limit 1
          for update of n skip locked`,
        [claimedAt.toString()],
      );
      if (!r) return null;
      await sql.query(`update notification set next_attempt_at = $2 where id = $1`, [r.id, claimedAt.add({ minutes: CLAIM_MINUTES }).toString()]);
      return { ...r, attempts: Number(r.attempts) };
    });
    if (!row) break;
    const result = await attempt(row, deps.ports, opts);
    const r = await runCommand(ctx, { action: 'notification.dispatch', targetType: 'notification' }, async ({ sql, at }) => {
      const out = await record(sql, row, result, at);
      return { result: out, targetId: row.id, before: { status: row.status, attempts: row.attempts }, after: { channel: row.channel, outcome: out.outcome, printQueued: out.printQueued } };
    });
    counts.handled++;
    if (r.outcome !== 'pending') counts[r.outcome]++;
    if (r.printQueued) counts.printQueued++;
  }
  return counts;
}
