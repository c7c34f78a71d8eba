/**
 * Defines a route: its OpenAPI contract (zod in/out) and, right next to it, the roles it allows
 * (issue 2 item 6). Every route is recorded so that a test can walk every route × every role.
 */
import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors';
import { READ_ONLY_ROLES, type Role } from '../auth/roles';
import type { AppEnv } from './env';

/** Who may call a route: nobody signed in needed, anyone signed in, or the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface RouteInfo {
  readonly method: string;
  readonly path: string;
  readonly access: Access;
  /** True for methods that change state; auditors may never call these. */
  readonly mutates: boolean;
}

export type AppHono = OpenAPIHono<AppEnv>;

export function requireAccess(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access === 'public') return next();
    const actor = c.get('actor');
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (access !== 'signed-in' && !access.includes(actor.role)) throw new AppError('FORBIDDEN');
    return next();
  };
}

/** Registers a route with its roles. `routes` collects what the app serves. */
export function defineRoute<R extends RouteConfig>(
  app: AppHono,
  routes: RouteInfo[],
  access: Access,
  route: R,
  handler: RouteHandler<R, AppEnv>,
): void {
  const mutates = !['get', 'head', 'options'].includes(route.method);
  if (mutates && access !== 'public' && access !== 'signed-in' && access.some((r) => READ_ONLY_ROLES.includes(r))) {
    throw new Error(`route ${route.method.toUpperCase()} ${route.path} lets a read-only role change state`);
  }
  routes.push({ method: route.method.toUpperCase(), path: route.path, access, mutates });
  const roles = access === 'public' ? 'public' : access === 'signed-in' ? 'any signed-in user' : access.join(', ');
  const guarded = {
    ...route,
    description: `${route.description ?? ''}\n\nAllowed roles: ${roles}.`.trim(),
    'x-komek-roles': access,
    middleware: [requireAccess(access), ...(Array.isArray(route.middleware) ? route.middleware : route.middleware ? [route.middleware] : [])],
  } as R;
  app.openapi(guarded, handler as never);
}
