import { describe, expect, it, beforeAll } from 'vitest';
import { describeDb } from '../../test/db';
import { createTestApp, type TestApp } from '../../test/app';

describeDb('the platform API', (getDb) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(getDb());
  });

  it('answers /health with status ok', async () => {
    const res = await t.request(null, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3.1 document listing the routes with their roles', async () => {
    const doc = (await (await t.request(null, 'GET', '/api/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, { description?: string }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/users');
    expect(doc.paths['/api/users']!.post!.description).toContain('Allowed roles: ADMIN');
  });

  it('sets security headers', async () => {
    const res = await t.request(null, 'GET', '/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('signs in with an httpOnly SameSite=Strict cookie and signs out', async () => {
    const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'persona.admin', password: 'persona-password-1' }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0]!;
    expect((await t.app.request('/api/auth/me', { headers: { cookie: session } })).status).toBe(200);
    expect((await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: session } })).status).toBe(204);
    const after = await t.app.request('/api/auth/me', { headers: { cookie: session } });
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('lets the administrator add a user, audited with who did it', async () => {
    const res = await t.request('ADMIN', 'POST', '/api/users', { username: 'new.clerk', fullName: 'New Clerk', role: 'SPECIALIST', password: 'a-long-password' });
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as { user: { id: string } };
    const audit = (await (await t.request('AUDITOR', 'GET', `/api/audit?targetType=user&targetId=${user.id}`)).json()) as { entries: { action: string; actorRole: string }[] };
    expect(audit.entries.map((e) => e.action)).toContain('user.add');
    expect(audit.entries.find((e) => e.action === 'user.add')!.actorRole).toBe('ADMIN');
  });

  it('refuses a duplicate username with USERNAME_TAKEN', async () => {
    const res = await t.request('ADMIN', 'POST', '/api/users', { username: 'persona.head', fullName: 'X Y', role: 'HEAD', password: 'a-long-password' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('USERNAME_TAKEN');
  });

  it('requires a rural district for a rural akim user', async () => {
    const res = await t.request('ADMIN', 'POST', '/api/users', { username: 'akim2', fullName: 'Akim Two', role: 'RURAL_AKIM', password: 'a-long-password' }, { 'accept-language': 'ru' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: { path: string; message: string }[] } };
    expect(body.error.fields).toEqual([{ path: 'ruralDistrictId', message: 'Сельский округ обязателен.' }]);
  });
});

describe('language of error messages', () => {
  it('follows Accept-Language and defaults to Kazakh', async () => {
    const { languageOf } = await import('./app');
    expect(languageOf(undefined)).toBe('kk');
    expect(languageOf('ru-RU,ru;q=0.9')).toBe('ru');
    expect(languageOf('de, en;q=0.5')).toBe('en');
  });
});
