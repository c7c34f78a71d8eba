/** The audit log, read by the administrator and the auditor (issue 2 item 7). */
import { createRoute, z } from '@hono/zod-openapi';
import { verifyAudit } from '../../audit/audit';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { ErrorResponse, json } from '../schemas';

const Entry = z
  .object({ id: z.number(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), actorRole: z.string().nullable(), action: z.string(), targetType: z.string(), targetId: z.string().nullable(), before: z.unknown(), after: z.unknown() })
  .openapi('AuditEntry');

export function registerAuditRoutes(app: AppHono, routes: RouteInfo[]): void {
  defineRoute(
    app,
    routes,
    ['ADMIN', 'AUDITOR'],
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['audit'],
      summary: 'Audit entries, newest first',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), before: z.coerce.number().int().min(1).optional(), targetType: z.string().max(64).optional(), targetId: z.string().max(128).optional() }) },
      responses: { 200: { description: 'Entries', content: json(z.object({ entries: z.array(Entry) })) }, 401: ErrorResponse, 403: ErrorResponse },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await c.get('deps').database.query<{ id: string; at: Date; actor_id: string | null; full_name: string | null; actor_role: string | null; action: string; target_type: string; target_id: string | null; payload: string }>(
        `select e.id, e.at, e.actor_id, u.full_name, e.actor_role, e.action, e.target_type, e.target_id, e.payload
         from audit_entry e left join app_user u on u.id = e.actor_id
         where ($1::bigint is null or e.id < $1) and ($2::text is null or e.target_type = $2) and ($3::text is null or e.target_id = $3)
         order by e.id desc limit $4`,
        [q.before ?? null, q.targetType ?? null, q.targetId ?? null, q.limit],
      );
      return c.json(
        {
          entries: rows.map((r) => {
            const p = JSON.parse(r.payload) as { before?: unknown; after?: unknown };
            return { id: Number(r.id), at: new Date(r.at).toISOString(), actorId: r.actor_id, actorName: r.full_name, actorRole: r.actor_role, action: r.action, targetType: r.target_type, targetId: r.target_id, before: p.before ?? null, after: p.after ?? null };
          }),
        },
        200,
      );
    },
  );

  defineRoute(
    app,
    routes,
    ['ADMIN', 'AUDITOR'],
    createRoute({
      method: 'get',
      path: '/api/audit/verify',
      tags: ['audit'],
      summary: 'Verify the hash chains of the audit log',
      responses: { 200: { description: 'Result', content: json(z.object({ ok: z.boolean(), checked: z.number(), firstBroken: z.object({ id: z.number(), lane: z.number(), seq: z.number(), reason: z.string() }).nullable(), brokenLanes: z.array(z.object({ id: z.number(), lane: z.number(), seq: z.number(), reason: z.string() })) })) }, 401: ErrorResponse, 403: ErrorResponse },
    }),
    async (c) => {
      const r = await verifyAudit(c.get('deps').database);
      return c.json({ ...r, brokenLanes: [...r.brokenLanes] }, 200);
    },
  );
}
