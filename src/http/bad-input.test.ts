/**
 * Bad input is answered with the documented error code, never a 500, never a partial write
 * (issue 2 item 12).
 */
import { expect, it, beforeAll } from 'vitest';
import { describeDb } from '../../test/db';
import { createTestApp, type TestApp } from '../../test/app';

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describeDb('bad input', (getDb) => {
  let t: TestApp;
  const userCount = async () => ((await getDb().query<{ n: number }>('select count(*)::int as n from app_user'))[0]!.n);
  beforeAll(async () => {
    t = await createTestApp(getDb(), { env: { KOMEK_BODY_LIMIT_KB: '4', KOMEK_LOGIN_MAX_FAILURES: '3', KOMEK_SESSION_HOURS: '2' } });
  });

  it('answers malformed JSON with MALFORMED_JSON', async () => {
    const res = await t.request('ADMIN', 'POST', '/api/users', '{"username": "x",', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(await codeOf(res)).toBe('MALFORMED_JSON');
  });

  it('answers a body that is not JSON with a 4xx code and writes nothing', async () => {
    const before = await userCount();
    const res = await t.request('ADMIN', 'POST', '/api/users', 'username=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect([400, 415]).toContain(res.status);
    expect(['VALIDATION', 'UNSUPPORTED_MEDIA_TYPE', 'MALFORMED_JSON']).toContain(await codeOf(res));
    expect(await userCount()).toBe(before);
  });

  it('names each bad field: wrong types, unknown fields, missing fields', async () => {
    const res = await t.request('ADMIN', 'POST', '/api/users', { username: 42, role: 'KING', password: 'short', nickname: 'x' }, { 'accept-language': 'en' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: { path: string; message: string }[] } };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(['fullName', 'nickname', 'password', 'role', 'username']);
    expect(body.error.fields.find((f) => f.path === 'nickname')!.message).toBe('Unknown field.');
  });

  it('answers an oversized body with PAYLOAD_TOO_LARGE and writes nothing', async () => {
    const before = await userCount();
    const res = await t.request('ADMIN', 'POST', '/api/users', { username: 'big', fullName: 'x'.repeat(10_000), role: 'HEAD', password: 'a-long-password' });
    expect(res.status).toBe(413);
    expect(await codeOf(res)).toBe('PAYLOAD_TOO_LARGE');
    expect(await userCount()).toBe(before);
  });

  it('answers an unknown API path with NOT_FOUND', async () => {
    const res = await t.request('ADMIN', 'GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(await codeOf(res)).toBe('NOT_FOUND');
  });

  it('refuses wrong credentials, then locks sign-in after too many failures', async () => {
    const attempt = (password: string) => t.request(null, 'POST', '/api/auth/login', { username: 'persona.head', password });
    for (let i = 0; i < 3; i++) {
      const res = await attempt('wrong-password');
      expect(res.status).toBe(401);
      expect(await codeOf(res)).toBe('INVALID_CREDENTIALS');
    }
    const locked = await attempt('persona-password-1');
    expect(locked.status).toBe(429);
    expect(await codeOf(locked)).toBe('LOGIN_LOCKED');
    t.clock.advance({ minutes: 16 });
    expect((await attempt('persona-password-1')).status).toBe(200);
  });

  it('treats an expired session as no session', async () => {
    const cookie = await t.cookieFor('AUDITOR');
    expect((await t.app.request('/api/users', { headers: { cookie } })).status).toBe(200);
    t.clock.advance({ hours: 3 });
    const res = await t.app.request('/api/users', { headers: { cookie } });
    expect(res.status).toBe(401);
    expect(await codeOf(res)).toBe('UNAUTHENTICATED');
  });

  it('rejects a forged session cookie', async () => {
    const res = await t.app.request('/api/auth/me', { headers: { cookie: 'komek_session=forged' } });
    expect(res.status).toBe(401);
  });
});
