/** Reads of the notification outbox (p.18 hearing notices, p.19 decision notices): the print queue and the notices of one application. */
import type { Sql } from '../db/connect';

export const NOTIFICATION_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'printed', 'handed-over'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const NOTIFICATION_CHANNELS = ['sms', 'print', 'cabinet'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export interface NotificationView {
  readonly id: number;
  readonly applicationId: string;
  readonly regNumber: string;
  readonly applicantIin: string;
  readonly applicantName: string;
  readonly ruralDistrictId: string;
  /** The decision of a form 5/6 notice; null for the hearing notice. */
  readonly decisionId: string | null;
  readonly decisionNumber: string | null;
  readonly decidedOn: string | null;
  /** Form 5 (grant), 6 (refusal) or 'hearing' (preliminary decision and hearing notice, p.18). */
  readonly form: '5' | '6' | 'hearing';
  readonly channel: NotificationChannel;
  readonly lang: 'kk' | 'ru';
  readonly phone: string | null;
  readonly body: string;
  readonly status: NotificationStatus;
  readonly attempts: number;
  readonly dueOn: string | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly deliveredAt: string | null;
  readonly failedAt: string | null;
  readonly printedAt: string | null;
  readonly handedOverAt: string | null;
  readonly handedOverTo: string | null;
}

const SELECT = `
  select n.id::int as id, n.application_id as "applicationId", a.reg_number as "regNumber", a.applicant_iin as "applicantIin",
         trim(p.last_name || ' ' || p.first_name || coalesce(' ' || p.patronymic, '')) as "applicantName", a.rural_district_id as "ruralDistrictId",
         n.decision_id as "decisionId", d.number as "decisionNumber", d.decided_on::text as "decidedOn", n.form, n.channel, n.lang, n.phone, n.body,
         n.status, n.attempts, n.due_on::text as "dueOn", n.last_error as "lastError",
         to_json(n.created_at)#>>'{}' as "createdAt", to_json(n.sent_at)#>>'{}' as "sentAt", to_json(n.delivered_at)#>>'{}' as "deliveredAt",
         to_json(n.failed_at)#>>'{}' as "failedAt", to_json(n.printed_at)#>>'{}' as "printedAt", to_json(n.handed_over_at)#>>'{}' as "handedOverAt",
         n.handed_over_to as "handedOverTo"
    from notification n
    join application a on a.id = n.application_id
    left join decision d on d.id = n.decision_id
    join person p on p.iin = a.applicant_iin`;

/** The print queue: notices to print (`queued`) and printed ones waiting for the applicant (`printed`). */
export async function listPrintQueue(sql: Sql, opts: { readonly status?: 'queued' | 'printed'; readonly ruralDistrictId?: string | null; readonly limit?: number } = {}): Promise<NotificationView[]> {
  const params: unknown[] = [opts.status ? [opts.status] : ['queued', 'printed'], opts.limit ?? 200];
  let where = `n.channel = 'print' and n.status = any($1::text[])`;
  if (opts.ruralDistrictId) {
    params.push(opts.ruralDistrictId);
    where += ` and a.rural_district_id = $3`;
  }
  return sql.query<NotificationView>(`${SELECT} where ${where} order by n.id limit $2`, params);
}

/** Every notice of one application, oldest first. */
export async function listApplicationNotifications(sql: Sql, applicationId: string): Promise<NotificationView[]> {
  return sql.query<NotificationView>(`${SELECT} where n.application_id = $1 order by n.id`, [applicationId]);
}

export async function getNotification(sql: Sql, id: number): Promise<NotificationView | null> {
  const [row] = await sql.query<NotificationView>(`${SELECT} where n.id = $1`, [id]);
  return row ?? null;
}
