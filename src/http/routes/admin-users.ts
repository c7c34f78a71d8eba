/** Users (issue 6 item 2): an administrator changes a user's role or rural district, or (de)activates them. */
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../auth/roles';
import { changeUser } from '../../admin/change-user';
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
}
