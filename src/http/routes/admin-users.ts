/**
 * Users and commissions (issue 6 item 2): an administrator changes a user's role or rural district, or
 * (de)activates them; creates commissions (with the akim's decision) and manages their members.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../auth/roles';
import { changeUser } from '../../admin/change-user';
import { addCommission, COMMISSION_KINDS, listCommissions, MEMBER_ROLES, setCommissionMember } from '../../admin/add-commission';
import { LegalReferenceSchema } from '../../admin/legal-reference';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { ErrorResponse, json } from '../schemas';

const UserView = z.object({ id: z.string(), username: z.string(), fullName: z.string(), role: z.enum(ROLES), ruralDistrictId: z.string().nullable(), active: z.boolean(), createdAt: z.string() });

export function registerAdminUserRoutes(app: AppHono, routes: RouteInfo[]): void {
  defineRoute(
    app,
    routes,
    ['ADMIN'],
    createRoute({
      method: 'patch',
      path: '/api/users/{id}',
      tags: ['users'],
      summary: "Change a user's role or rural district, or (de)activate them (ends their sessions)",
      request: { params: z.object({ id: z.string().max(64) }), body: { required: true, content: json(z.strictObject({ role: z.enum(ROLES).optional(), active: z.boolean().optional(), ruralDistrictId: z.string().min(1).max(64).nullable().optional() })) } },
      responses: { 200: { description: 'Changed', content: json(z.object({ user: UserView })) }, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    }),
    async (c) => {
      const deps = c.get('deps');
      const user = await changeUser({ database: deps.database, clock: deps.clock, actor: c.get('actor') }, c.req.valid('param').id, c.req.valid('json'));
      return c.json({ user }, 200);
    },
  );

  defineRoute(app, routes, ['ADMIN', 'AUDITOR', 'HEAD'], createRoute({ method: 'get', path: '/api/commissions', tags: ['users'], summary: 'Commissions and their members', responses: { 200: { description: 'Commissions', content: json(z.object({ commissions: z.array(z.record(z.string(), z.unknown())) })) }, 401: ErrorResponse, 403: ErrorResponse } }), async (c) =>
    c.json({ commissions: (await listCommissions(c.get('deps').database)) as unknown as Record<string, unknown>[] }, 200),
  );
  defineRoute(
    app,
    routes,
    ['ADMIN'],
    createRoute({
      method: 'post',
      path: '/api/commissions',
      tags: ['users'],
      summary: "Create a commission (precinct or special) under the akim's decision",
      request: { body: { required: true, content: json(z.strictObject({ kind: z.enum(COMMISSION_KINDS), name: z.string().trim().min(2).max(300), ruralDistrictId: z.string().min(1).max(64).nullable(), legal: LegalReferenceSchema })) } },
      responses: { 201: { description: 'Created', content: json(z.object({ id: z.string() })) }, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    }),
    async (c) => {
      const deps = c.get('deps');
      return c.json(await addCommission({ database: deps.database, clock: deps.clock, actor: c.get('actor') }, c.req.valid('json')), 201);
    },
  );
  defineRoute(
    app,
    routes,
    ['ADMIN'],
    createRoute({
      method: 'post',
      path: '/api/commissions/{id}/members',
      tags: ['users'],
      summary: 'Add a member to a commission, or change or deactivate one (memberId)',
      request: { params: z.object({ id: z.string().max(20) }), body: { required: true, content: json(z.strictObject({ memberId: z.string().max(20).optional(), fullName: z.string().trim().min(2).max(200), position: z.string().trim().min(1).max(200), role: z.enum(MEMBER_ROLES), active: z.boolean().default(true) })) } },
      responses: { 200: { description: 'Saved', content: json(z.object({ id: z.string() })) }, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    }),
    async (c) => {
      const deps = c.get('deps');
      return c.json(await setCommissionMember({ database: deps.database, clock: deps.clock, actor: c.get('actor') }, c.req.valid('param').id, c.req.valid('json')), 200);
    },
  );
}
