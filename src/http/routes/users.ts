/** Users and rural districts (issue 2 item 6): the administrator adds users; the auditor reads. */
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../auth/roles';
import { addUser } from '../../admin/add-user';
import { listUsers } from '../../admin/list-users';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { ErrorResponse, json } from '../schemas';

const UserView = z
  .object({ id: z.string(), username: z.string(), fullName: z.string(), role: z.enum(ROLES), ruralDistrictId: z.string().nullable(), active: z.boolean(), createdAt: z.string() })
  .openapi('User');

export function registerUserRoutes(app: AppHono, routes: RouteInfo[]): void {
  defineRoute(
    app,
    routes,
    ['ADMIN', 'AUDITOR'],
    createRoute({ method: 'get', path: '/api/users', tags: ['users'], summary: 'All users', responses: { 200: { description: 'Users', content: json(z.object({ users: z.array(UserView) })) }, 401: ErrorResponse, 403: ErrorResponse } }),
    async (c) => c.json({ users: await listUsers(c.get('deps').database) }, 200),
  );

  defineRoute(
    app,
    routes,
    ['ADMIN'],
    createRoute({
      method: 'post',
      path: '/api/users',
      tags: ['users'],
      summary: 'Add a user',
      request: {
        body: {
          required: true,
          content: json(
            z.strictObject({
              username: z.string().regex(/^[a-zA-Z0-9._-]{2,64}$/),
              fullName: z.string().trim().min(2).max(200),
              role: z.enum(ROLES),
              password: z.string().min(10).max(256),
              ruralDistrictId: z.string().min(1).max(64).nullable().optional(),
            }),
          ),
        },
      },
      responses: { 201: { description: 'Added', content: json(z.object({ user: UserView })) }, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
    }),
    async (c) => {
      const deps = c.get('deps');
      const user = await addUser({ database: deps.database, clock: deps.clock, actor: c.get('actor') }, c.req.valid('json'));
      return c.json({ user }, 201);
    },
  );

  defineRoute(
    app,
    routes,
    'signed-in',
    createRoute({
      method: 'get',
      path: '/api/rural-districts',
      tags: ['users'],
      summary: "The district's rural districts",
      responses: { 200: { description: 'Rural districts', content: json(z.object({ ruralDistricts: z.array(z.object({ id: z.string(), name_kk: z.string(), name_ru: z.string(), example: z.boolean() })) })) } },
    }),
    async (c) => c.json({ ruralDistricts: await c.get('deps').database.query<{ id: string; name_kk: string; name_ru: string; example: boolean }>('select id, name_kk, name_ru, example from rural_district order by name_kk') }, 200),
  );
}
