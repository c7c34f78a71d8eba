/**
 * Decision notices (p.19) and hearing notices (p.18): the print queue of the authorized body and the State Corporation (print,
 * hand over), and the delivery status of an application's notices (SMS, cabinet, print).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { assertWithinRuralDistrict, type Actor } from '../../context';
import type { Sql } from '../../db/connect';
import { AppError } from '../../errors';
import { listApplicationNotifications, listPrintQueue, NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES } from '../../notifications/list-notifications';
import { markNoticePrinted } from '../../notifications/mark-notice-printed';
import { markNoticeHandedOver } from '../../notifications/mark-notice-handed-over';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { ErrorResponse, json } from '../schemas';

export const NotificationView = z
  .object({
    id: z.number().int(),
    applicationId: z.string(),
    regNumber: z.string(),
    applicantIin: z.string(),
    applicantName: z.string(),
    ruralDistrictId: z.string(),
    decisionId: z.string().nullable(),
    decisionNumber: z.string().nullable(),
    decidedOn: z.string().nullable(),
    form: z.enum(['5', '6', 'hearing']).openapi({ description: "5 grant notice, 6 refusal notice (p.19), 'hearing' preliminary refusal and hearing notice (p.18)" }),
    channel: z.enum(NOTIFICATION_CHANNELS),
    lang: z.enum(['kk', 'ru']),
    phone: z.string().nullable(),
    body: z.string(),
    status: z.enum(NOTIFICATION_STATUSES),
    attempts: z.number().int(),
    dueOn: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    printedAt: z.string().nullable(),
    handedOverAt: z.string().nullable(),
    handedOverTo: z.string().nullable(),
  })
  .openapi('Notification');

const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });
const ApplicationParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

/** The application exists and the actor may see it (a rural akim only in their rural district). */
export async function assertMayReadApplication(sql: Sql, actor: Actor | null, applicationId: string): Promise<void> {
  const [row] = await sql.query<{ ruralDistrictId: string }>(`select rural_district_id as "ruralDistrictId" from application where id = $1`, [applicationId]);
  if (!row) throw new AppError('NOT_FOUND');
  assertWithinRuralDistrict(actor, row.ruralDistrictId);
}

export function registerNotificationRoutes(app: AppHono, routes: RouteInfo[]): void {
  defineRoute(
    app,
    routes,
    ['SPECIALIST', 'STATE_CORP', 'HEAD', 'AUDITOR'],
    createRoute({
      method: 'get',
      path: '/api/notifications/print-queue',
      tags: ['notifications'],
      summary: 'Notices to print and printed notices waiting to be handed over (p.19)',
      request: { query: z.object({ status: z.enum(['queued', 'printed']).optional() }) },
      responses: { 200: { description: 'Print queue', content: json(z.object({ notices: z.array(NotificationView) })) }, 401: ErrorResponse, 403: ErrorResponse },
    }),
    async (c) => {
      const { status } = c.req.valid('query');
      return c.json({ notices: await listPrintQueue(c.get('deps').database, status ? { status } : {}) }, 200);
    },
  );

  defineRoute(
    app,
    routes,
    ['SPECIALIST', 'STATE_CORP'],
    createRoute({
      method: 'post',
      path: '/api/notifications/{id}/printed',
      tags: ['notifications'],
      summary: 'Mark a notice printed (p.19)',
      request: { params: IdParam },
      responses: { 200: { description: 'Printed', content: json(z.object({ notice: NotificationView })) }, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    }),
    async (c) => {
      const deps = c.get('deps');
      const notice = await markNoticePrinted({ database: deps.database, clock: deps.clock, actor: c.get('actor') }, { id: c.req.valid('param').id });
      return c.json({ notice }, 200);
    },
  );

  defineRoute(
    app,
    routes,
    ['SPECIALIST', 'STATE_CORP'],
    createRoute({
      method: 'post',
      path: '/api/notifications/{id}/handed-over',
      tags: ['notifications'],
      summary: 'Mark a printed notice handed over to the applicant (p.19)',
      request: { params: IdParam, body: { required: true, content: json(z.strictObject({ receivedBy: z.string().trim().min(2).max(200) })) } },
      responses: { 200: { description: 'Handed over', content: json(z.object({ notice: NotificationView })) }, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    }),
    async (c) => {
      const deps = c.get('deps');
      const notice = await markNoticeHandedOver({ database: deps.database, clock: deps.clock, actor: c.get('actor') }, { id: c.req.valid('param').id, receivedBy: c.req.valid('json').receivedBy });
      return c.json({ notice }, 200);
    },
  );

  defineRoute(
    app,
    routes,
    ['SPECIALIST', 'HEAD', 'STATE_CORP', 'RURAL_AKIM', 'AUDITOR'],
    createRoute({
      method: 'get',
      path: '/api/applications/{id}/notifications',
      tags: ['notifications'],
      summary: "Delivery status of an application's decision notices (p.19)",
      request: { params: ApplicationParam },
      responses: { 200: { description: 'Notices', content: json(z.object({ notices: z.array(NotificationView) })) }, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    }),
    async (c) => {
      const database = c.get('deps').database;
      const { id } = c.req.valid('param');
      await assertMayReadApplication(database, c.get('actor'), id);
      return c.json({ notices: await listApplicationNotifications(database, id) }, 200);
    },
  );
}
