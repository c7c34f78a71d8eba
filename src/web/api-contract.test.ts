/**
 * The web client against the server's real routes, in-process: every field the client's types promise is
 * in what the server sends, and the error envelope reaches the UI as an ApiError with field messages in
 * the requested language. The key lists are tied to the client's types by the compiler (`satisfies`), so a
 * change on either side fails here instead of in the browser.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeDb } from '../../test/db';
import { createTestApp, type TestApp } from '../../test/app';
import type { Role } from '../auth/roles';
import { ApiError, createApiClient, type ApiClient, type AuditEntry, type AuditVerification, type RuralDistrict, type SessionUser, type UserRow } from './api-client';

const SESSION_USER = { id: true, username: true, fullName: true, role: true, ruralDistrictId: true, ruralDistrictName: true } satisfies Record<keyof SessionUser, true>;
const USER_ROW = { id: true, username: true, fullName: true, role: true, ruralDistrictId: true, active: true, createdAt: true } satisfies Record<keyof UserRow, true>;
const RURAL_DISTRICT = { id: true, name_kk: true, name_ru: true, example: true } satisfies Record<keyof RuralDistrict, true>;
const AUDIT_ENTRY = { id: true, at: true, actorId: true, actorName: true, actorRole: true, action: true, targetType: true, targetId: true, before: true, after: true } satisfies Record<keyof AuditEntry, true>;
const VERIFICATION = { ok: true, checked: true, firstBroken: true, brokenLanes: true } satisfies Record<keyof AuditVerification, true>;

const keysOf = (o: object) => Object.keys(o).sort();

describeDb('the web API client against the server routes', (getDb) => {
  let t: TestApp;
  const clients = new Map<Role, ApiClient>();
  const clientFor = async (role: Role, language = 'kk'): Promise<ApiClient> => {
    const cookie = await t.cookieFor(role);
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      t.app.request(String(input), { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } })) as typeof globalThis.fetch;
    return createApiClient({ fetch, language: () => language });
  };

  beforeAll(async () => {
    t = await createTestApp(getDb());
    clients.set('ADMIN', await clientFor('ADMIN'));
  });

  it('reads the signed-in user with every field the shell uses', async () => {
    const { user } = await (await clientFor('RURAL_AKIM')).auth.me();
    expect(keysOf(user)).toEqual(keysOf(SESSION_USER));
    expect(user.role).toBe('RURAL_AKIM');
    expect(user.ruralDistrictName?.kk).toBeTruthy();
  });

  it('reads users, rural districts and the audit log as typed', async () => {
    const api = clients.get('ADMIN')!;
    const { users } = await api.users.list();
    expect(users.length).toBeGreaterThan(0);
    for (const u of users) expect(keysOf(u)).toEqual(keysOf(USER_ROW));
    const { ruralDistricts } = await api.ruralDistricts.list();
    expect(ruralDistricts.length).toBeGreaterThan(0);
    for (const d of ruralDistricts) expect(keysOf(d)).toEqual(keysOf(RURAL_DISTRICT));
    const { entries } = await api.audit.list({ limit: 5 });
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(keysOf(e)).toEqual(keysOf(AUDIT_ENTRY));
    const older = await api.audit.list({ limit: 5, before: entries[0]!.id });
    for (const e of older.entries) expect(e.id).toBeLessThan(entries[0]!.id);
    expect(keysOf(await api.audit.verify())).toEqual(keysOf(VERIFICATION));
  });

  it('adds a user with the body the form sends, rural district included', async () => {
    const api = clients.get('ADMIN')!;
    const { ruralDistricts } = await api.ruralDistricts.list();
    const { user } = await api.users.create({ username: 'akim.two', fullName: 'Екінші Әкім', role: 'RURAL_AKIM', password: 'a-long-password', ruralDistrictId: ruralDistricts[0]!.id });
    expect(keysOf(user)).toEqual(keysOf(USER_ROW));
    expect(user.ruralDistrictId).toBe(ruralDistricts[0]!.id);
  });

  it("turns the server's validation error into field messages in the requested language", async () => {
    const api = await clientFor('ADMIN', 'ru');
    const error = await api.users.create({ username: 'ok.name', fullName: 'Имя Фамилия', role: 'SPECIALIST', password: 'short' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(400);
    expect(e.fieldMessage('password')).toMatch(/[а-я]/);
    expect(e.fieldMessage('username')).toBeUndefined();
  });

  it('reports a role the server refuses as an error with a code, not as data', async () => {
    const api = await clientFor('SPECIALIST');
    await expect(api.users.list()).rejects.toMatchObject({ status: 403 });
  });
});
