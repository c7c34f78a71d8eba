/**
 * The HTTP application (issue 2 item 5): security headers, request size limits, language and session
 * resolution, the documented error body, OpenAPI 3.1 at /api/openapi.json generated from the same zod
 * schemas that validate requests, and the web app served from dist/web.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono, type Context, type MiddlewareHandler, type Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { getCookie } from 'hono/cookie';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { ServerResponse } from 'node:http';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors';
import type { Lang } from '../rules/explain';
import { actorForToken, SESSION_COOKIE } from '../auth/sessions';
import type { AppDeps, AppEnv } from './env';
import { onError } from './error-handler';
import { fieldProblems } from './validation';
import type { RouteInfo } from './route';
import { registerAuthRoutes } from './routes/auth';
import { registerUserRoutes } from './routes/users';
import { registerAuditRoutes } from './routes/audit';
import { registerNotificationRoutes } from './routes/notifications';
import { registerDocumentRoutes } from './routes/documents';
import { registerCategoryRoutes } from './routes/categories';
import { registerApplicationRoutes } from './routes/applications';
import { registerAdminRulesRoutes } from './routes/admin-rules';
import { registerNationalParameterRoutes } from './routes/admin-national-parameters';
import { registerDashboardRoutes } from './routes/dashboard';
import { registerReportRoutes } from './routes/reports';
import { registerAdminUserRoutes } from './routes/admin-users';
import { registerPaymentRoutes } from './routes/payments';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEB_DIR = join(ROOT, 'dist', 'web');

/** Route modules, each registering its routes with their roles. Add a module's register function here. */
const ROUTE_MODULES = [registerAuthRoutes, registerUserRoutes, registerAuditRoutes, registerApplicationRoutes, registerNotificationRoutes, registerDocumentRoutes, registerCategoryRoutes, registerAdminRulesRoutes, registerNationalParameterRoutes, registerDashboardRoutes, registerReportRoutes, registerAdminUserRoutes, registerPaymentRoutes];

export function languageOf(header: string | undefined): Lang {
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'kk' || tag === 'ru' || tag === 'en') return tag;
  }
  return 'kk';
}

/** The security headers of every response (Hono's middleware, with our Content-Security-Policy). */
const secureHeadersMiddleware = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
    referrerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: false,
  });

/**
 * The security headers as Hono's secureHeaders writes them, but, on @hono/node-server, set once on Node's
 * response before the handler runs: Hono's middleware sets them on the finished web Response, which turns
 * node-server's lightweight response (plain header object) into a web Headers and back — ~3 % of the
 * server's CPU per API request (bench:cases). The list is what Hono's middleware itself produced for a
 * probe request, and it is used only when two probes agree (constant headers: no per-request nonce). A
 * handler never sets one of these headers (Hono's would overwrite it; here the handler's would win).
 * Elsewhere (app.request in tests, other servers) Hono's middleware runs as before.
 */
function securityHeaders(): MiddlewareHandler<AppEnv> {
  const hono = secureHeadersMiddleware();
  let fixed: readonly (readonly [string, string])[] | null = null;
  const probe = async () => {
    const app = new Hono();
    app.use('*', hono);
    app.get('/', (c) => c.body(null));
    return [...(await app.request('/')).headers].filter(([k]) => k !== 'content-type');
  };
  void Promise.all([probe(), probe()]).then(([a, b]) => {
    if (JSON.stringify(a) === JSON.stringify(b) && a.length) fixed = a;
  });
  return async (c, next) => {
    const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing;
    if (fixed && outgoing instanceof ServerResponse && !outgoing.headersSent) {
      for (const [k, v] of fixed) outgoing.setHeader(k, v);
      return next();
    }
    return hono(c, next);
  };
}

export function createApp(deps: AppDeps): { app: OpenAPIHono<AppEnv>; routes: RouteInfo[] } {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) throw new AppError('VALIDATION', fieldProblems(result.error.issues as never, c.get('lang')));
    },
  });
  const routes: RouteInfo[] = [];

  app.onError(onError);
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('lang', languageOf(c.req.header('accept-language')));
    c.set('actor', null);
    c.set('sessionToken', null);
    await next();
  });
  app.use('*', securityHeaders());
  // A body with a Content-Length is judged by that header alone, so that it is then read once straight
  // from the socket (@hono/node-server's fast path; Hono's bodyLimit would build a web Request for every
  // call); a chunked body is counted as it streams.
  const limitStreamedBody = bodyLimit({ maxSize: deps.config.bodyLimitBytes, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE'); } });
  // The session behind the cookie (one middleware with the size check: one layer less per API request).
  const withSession = async (c: Context<AppEnv>, next: Next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      c.set('sessionToken', token);
      c.set('actor', await actorForToken(deps.database, token, deps.clock.now()));
    }
    await next();
  };
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return withSession(c, next);
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return limitStreamedBody(c, () => withSession(c, next));
    if (!/^\d+$/.test(length) || Number(length) > deps.config.bodyLimitBytes) throw new AppError('PAYLOAD_TOO_LARGE');
    return withSession(c, next);
  });

  app.get('/health', async (c) => {
    await deps.database.query('select 1');
    return c.json({ status: 'ok' });
  });

  for (const register of ROUTE_MODULES) register(app, routes);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Komek API',
      version: '0.1.0',
      description: 'Social assistance of a Kazakh district, as its maslikhat Rules say. Errors: `{ error: { code, message, fields? } }`, codes listed in docs/errors.md.',
    },
  });
  app.all('/api/*', () => {
    throw new AppError('NOT_FOUND');
  });

  if (existsSync(WEB_DIR)) {
    const index = join(WEB_DIR, 'index.html');
    app.use('/*', serveStatic({ root: relative(process.cwd(), WEB_DIR) }));
    app.get('*', (c) => (existsSync(index) ? c.html(readFileSync(index, 'utf8')) : c.notFound()));
  }
  return { app, routes };
}
