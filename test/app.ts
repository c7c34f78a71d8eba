/**
 * Calls the HTTP app in-process (no port), signed in as named personas — one per role — for route and
 * API scenario tests. The clock is fixed and can be moved.
 */
import { createApp } from '../src/http/app';
import { loadConfig, type Config } from '../src/config';
import { fixedClock } from '../src/context';
import { addUser } from '../src/admin/add-user';
import { seedRuralDistricts, KOKSU_RURAL_DISTRICTS } from '../src/admin/seed-demo';
import { ROLES, type Role } from '../src/auth/roles';
import type { Database } from '../src/db/connect';
import { createPorts } from '../src/main';
import type { Ports } from '../src/ports';
import pino from 'pino';

export const PERSONA_PASSWORD = 'persona-password-1';

/** One persona per role; the rural akim's office belongs to the first rural district. */
export const PERSONAS: Readonly<Record<Role, string>> = Object.fromEntries(ROLES.map((r) => [r, `persona.${r.toLowerCase()}`])) as Record<Role, string>;

export interface TestApp {
  readonly app: ReturnType<typeof createApp>['app'];
  readonly routes: ReturnType<typeof createApp>['routes'];
  readonly clock: ReturnType<typeof fixedClock>;
  readonly config: Config;
  readonly database: Database;
  readonly ports: Ports;
  /** Session cookie header for the persona of `role` (signs in once, then reuses it). */
  cookieFor(role: Role): Promise<string>;
  /** A request as `role` (or anonymous with null); JSON bodies are serialised. */
  request(role: Role | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export async function createTestApp(database: Database, opts: { now?: string; env?: Record<string, string>; ports?: Partial<Ports> } = {}): Promise<TestApp> {
  const config = loadConfig({ KOMEK_LOG_LEVEL: 'silent', ...opts.env });
  const clock = fixedClock(opts.now ?? '2025-03-04T05:00:00Z');
  await seedRuralDistricts(database, KOKSU_RURAL_DISTRICTS);
  const [first] = await database.query<{ id: string }>('select id from rural_district order by id limit 1');
  const existing = new Set((await database.query<{ username: string }>('select username from app_user')).map((r) => r.username));
  for (const role of ROLES) {
    if (existing.has(PERSONAS[role])) continue;
    await addUser({ database, clock, actor: null }, { username: PERSONAS[role], fullName: `Persona ${role}`, role, password: PERSONA_PASSWORD, ruralDistrictId: role === 'RURAL_AKIM' ? first!.id : null });
  }
  const ports = { ...createPorts(config, database), ...opts.ports } as Ports;
  const { app, routes } = createApp({ database, clock, config, log: pino({ level: 'silent' }), ports });
  const cookies = new Map<Role, string>();
  const t: TestApp = {
    app,
    routes,
    clock,
    config,
    database,
    ports,
    async cookieFor(role) {
      const known = cookies.get(role);
      if (known) return known;
      const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: PERSONAS[role], password: PERSONA_PASSWORD }) });
      if (res.status !== 200) throw new Error(`persona ${role} could not sign in: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      cookies.set(role, cookie);
      return cookie;
    },
    async request(role, method, path, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (role) h.cookie = await t.cookieFor(role);
      if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
      return app.request(path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    },
  };
  return t;
}

/** A JSON answer, read loosely: the route tests pick the fields they check. */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A request as `role` with English messages, and its status and JSON body. */
export async function requestJson(t: TestApp, role: Role | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await t.request(role, method, path, body, { 'accept-language': 'en' });
  return { status: res.status, body: (await res.json()) as Json };
}
