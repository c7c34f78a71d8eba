/**
 * Walks every route the app serves × every role (issue 2 item 6): a role the route does not allow gets
 * 403 FORBIDDEN (an anonymous caller gets 401), and the forbidden call changes nothing in the database.
 */
import { expect, it, beforeAll } from 'vitest';
import { describeDb } from '../../test/db';
import { createTestApp, type TestApp } from '../../test/app';
import { ROLES } from '../auth/roles';
import type { Database } from '../db/connect';

/** A fingerprint of every table's contents (row counts and a hash of all rows). */
async function fingerprint(database: Database): Promise<string> {
  const tables = await database.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const [r] = await database.query<{ n: string; h: string | null }>(`select count(*)::text as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${table_name}" t`);
    parts.push(`${table_name}:${r!.n}:${r!.h}`);
  }
  return parts.join('\n');
}

function concretePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000001').replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000001');
}

describeDb('every route × every role', (getDb) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(getDb());
    for (const role of ROLES) await t.cookieFor(role);
  });

  it('serves a non-trivial set of routes, each declaring its roles', () => {
    expect(t.routes.length).toBeGreaterThanOrEqual(6);
    for (const r of t.routes) expect(r.access === 'public' || r.access === 'signed-in' || r.access.length > 0).toBe(true);
  });

  it('never lets the auditor reach a state-changing route', () => {
    for (const r of t.routes) if (r.mutates && Array.isArray(r.access)) expect(r.access).not.toContain('AUDITOR');
  });

  it('answers every forbidden call with 403 and changes nothing', async () => {
    const before = await fingerprint(getDb());
    let checked = 0;
    for (const route of t.routes) {
      if (route.access === 'public' || route.access === 'signed-in') continue;
      for (const role of ROLES) {
        if (route.access.includes(role)) continue;
        const res = await t.request(role, route.method, concretePath(route.path), route.mutates ? {} : undefined);
        expect({ route: `${route.method} ${route.path}`, role, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, role, status: 403 });
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(await fingerprint(getDb())).toBe(before);
  });

  it('answers every non-public route without a session with 401 and changes nothing', async () => {
    const before = await fingerprint(getDb());
    for (const route of t.routes) {
      if (route.access === 'public') continue;
      const res = await t.request(null, route.method, concretePath(route.path), route.mutates ? {} : undefined);
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
    }
    expect(await fingerprint(getDb())).toBe(before);
  });
});
