/** Sign-in, the current user, sign-out (issue 2 item 6). */
import { createRoute, z } from '@hono/zod-openapi';
import { setCookie, deleteCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { signIn, signOut, SESSION_COOKIE } from '../../auth/sessions';
import { ROLES } from '../../auth/roles';
import { AppError } from '../../errors';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { ErrorResponse, json } from '../schemas';
import type { Actor } from '../../context';
import type { Database } from '../../db/connect';

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    fullName: z.string(),
    role: z.enum(ROLES),
    ruralDistrictId: z.string().nullable(),
    ruralDistrictName: z.object({ kk: z.string(), ru: z.string() }).nullable(),
  })
  .openapi('SignedInUser');

async function userView(database: Database, actor: Actor) {
  const [d] = actor.ruralDistrictId ? await database.query<{ name_kk: string; name_ru: string }>('select name_kk, name_ru from rural_district where id = $1', [actor.ruralDistrictId]) : [];
  return { id: actor.id, username: actor.username, fullName: actor.fullName, role: actor.role, ruralDistrictId: actor.ruralDistrictId, ruralDistrictName: d ? { kk: d.name_kk, ru: d.name_ru } : null };
}

function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

export function registerAuthRoutes(app: AppHono, routes: RouteInfo[]): void {
  defineRoute(
    app,
    routes,
    'public',
    createRoute({
      method: 'post',
      path: '/api/auth/login',
      tags: ['auth'],
      summary: 'Sign in with username and password; sets the session cookie',
      request: { body: { required: true, content: json(z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })) } },
      responses: { 200: { description: 'Signed in', content: json(z.object({ user: UserSchema })) }, 401: ErrorResponse, 429: ErrorResponse },
    }),
    async (c) => {
      const deps = c.get('deps');
      const body = c.req.valid('json');
      const { actor, token, expiresAt } = await signIn(
        { database: deps.database, clock: deps.clock, policy: { sessionHours: deps.config.sessionHours, ...deps.config.login } },
        { username: body.username, password: body.password, clientKey: clientKey(c) },
      );
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure: deps.config.cookieSecure, path: '/', expires: new Date(expiresAt.epochMilliseconds) });
      return c.json({ user: await userView(deps.database, actor) }, 200);
    },
  );

  defineRoute(
    app,
    routes,
    'signed-in',
    createRoute({
      method: 'get',
      path: '/api/auth/me',
      tags: ['auth'],
      summary: 'The signed-in user',
      responses: { 200: { description: 'The user', content: json(z.object({ user: UserSchema })) }, 401: ErrorResponse },
    }),
    async (c) => c.json({ user: await userView(c.get('deps').database, c.get('actor')!) }, 200),
  );

  defineRoute(
    app,
    routes,
    'signed-in',
    createRoute({
      method: 'post',
      path: '/api/auth/logout',
      tags: ['auth'],
      summary: 'Sign out: ends the session',
      responses: { 204: { description: 'Signed out' }, 401: ErrorResponse },
    }),
    async (c) => {
      const deps = c.get('deps');
      const token = c.get('sessionToken');
      if (!token) throw new AppError('UNAUTHENTICATED');
      await signOut({ database: deps.database, clock: deps.clock, actor: c.get('actor')! }, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
}
