import { afterAll, beforeAll, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import { describeDb } from '../../test/db';
import { createTestApp, PERSONAS, PERSONA_PASSWORD, type TestApp } from '../../test/app';

/** Every header but the ones that change from one response to the next. */
const headersOf = (res: Response) => [...res.headers].filter(([k]) => !['date', 'connection', 'keep-alive', 'set-cookie'].includes(k));

describeDb('security headers over HTTP (@hono/node-server)', (getDb) => {
  let t: TestApp;
  let server: ReturnType<typeof serve>;
  let base = '';
  beforeAll(async () => {
    t = await createTestApp(getDb());
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // The headers are probed once when the app is made: let that finish.
    await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('are the very headers Hono’s middleware writes, for JSON answers, errors, bodies with a cookie and empty answers', async () => {
    const login = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: PERSONAS.ADMIN, password: PERSONA_PASSWORD }) };
    const bad = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username": 1}' };
    const cases: [string, RequestInit][] = [['/health', {}], ['/api/openapi.json', {}], ['/api/users', {}], ['/api/nowhere', {}], ['/api/auth/login', login], ['/api/auth/login', bad]];
    for (const [path, init] of cases) {
      const overHttp = await fetch(`${base}${path}`, init);
      const inProcess = await t.app.request(path, init);
      expect(overHttp.status).toBe(inProcess.status);
      const expected = headersOf(inProcess);
      // Over HTTP node-server adds the body's length.
      expect(headersOf(overHttp).filter(([k]) => k !== 'content-length')).toEqual(expected);
      expect(expected.map(([k]) => k)).toEqual(expect.arrayContaining(['content-security-policy', 'x-frame-options', 'x-content-type-options', 'strict-transport-security', 'referrer-policy']));
      expect(await overHttp.text()).toBe(await inProcess.text());
    }
  });
});
