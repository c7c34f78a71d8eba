import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from './api-client';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return respond(call);
  };
  return { fetch: fn as typeof fetch, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const user = { id: 1, username: 'admin', fullName: 'Әкімші', role: 'ADMIN', ruralDistrictId: null, ruralDistrictName: null };

describe('the API client', () => {
  it('sends JSON with the UI language and the same-origin session cookie', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { user }));
    const api = createApiClient({ fetch, language: () => 'ru' });
    const res = await api.auth.login('admin', 'secret');
    expect(res.user.username).toBe('admin');
    const call = calls[0]!;
    expect(call.url).toBe('/api/auth/login');
    expect(call.init.method).toBe('POST');
    expect(call.init.credentials).toBe('same-origin');
    expect((call.init.headers as Record<string, string>)['Accept-Language']).toBe('ru');
    expect((call.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(String(call.init.body))).toEqual({ username: 'admin', password: 'secret' });
  });

  it('puts query parameters in the URL and leaves out undefined ones', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { entries: [] }));
    const api = createApiClient({ fetch, language: () => 'kk' });
    await api.audit.list({ limit: 50, before: undefined });
    await api.audit.list({ limit: 50, before: 120 });
    expect(calls.map((c) => c.url)).toEqual(['/api/audit?limit=50', '/api/audit?limit=50&before=120']);
  });

  it('turns an error body into an ApiError with code, message and field messages', async () => {
    const { fetch } = fakeFetch(() =>
      json(400, { error: { code: 'VALIDATION_FAILED', message: 'Деректер қате', fields: [{ path: 'username', message: 'Бос болмауы керек' }] } }),
    );
    const api = createApiClient({ fetch, language: () => 'kk' });
    const error = await api.users.create({ username: '', fullName: 'X', role: 'SPECIALIST', password: 'p' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect([e.status, e.code, e.message]).toEqual([400, 'VALIDATION_FAILED', 'Деректер қате']);
    expect(e.fieldMessage('username')).toBe('Бос болмауы керек');
    expect(e.fieldMessage('password')).toBeUndefined();
  });

  it('reports a body that is not an error envelope as HTTP_ERROR with the status', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const api = createApiClient({ fetch, language: () => 'kk' });
    await expect(api.users.list()).rejects.toMatchObject({ status: 502, code: 'HTTP_ERROR' });
  });

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    const api = createApiClient({ fetch, language: () => 'kk' });
    await expect(api.auth.me()).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('tells the session listeners when the server says UNAUTHENTICATED', async () => {
    const { fetch } = fakeFetch(() => json(401, { error: { code: 'UNAUTHENTICATED', message: 'Кіру қажет' } }));
    const api = createApiClient({ fetch, language: () => 'kk' });
    const listener = vi.fn();
    api.onUnauthenticated(listener);
    await expect(api.users.list()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not end the session on wrong credentials (401 of another code)', async () => {
    const { fetch } = fakeFetch(() => json(401, { error: { code: 'INVALID_CREDENTIALS', message: 'Қате' } }));
    const api = createApiClient({ fetch, language: () => 'kk' });
    const listener = vi.fn();
    api.onUnauthenticated(listener);
    await expect(api.auth.login('a', 'b')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('returns nothing for 204 No Content', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const api = createApiClient({ fetch, language: () => 'kk' });
    await expect(api.auth.logout()).resolves.toBeUndefined();
  });
});
