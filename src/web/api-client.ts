/**
 * The web app's only way to the server: a small typed fetch wrapper. Same-origin cookie session, JSON
 * both ways, the UI language as Accept-Language (so server messages come back in it), and every error
 * body `{ error: { code, message, fields? } }` turned into an `ApiError`. A 401 UNAUTHENTICATED from any
 * call tells the session listeners, which return the app to the sign-in page.
 *
 * The response types mirror the server's routes (src/http); the web app may not import server code.
 */
import type { Role } from '../auth/roles';

export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** Codes the client itself produces when there is no server error body to show. */
export const CLIENT_ERROR_CODES = { network: 'NETWORK_ERROR', http: 'HTTP_ERROR' } as const;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
  }

  /** The message for the form field at `path`, if the server named one. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

export interface LocalizedName {
  readonly kk: string;
  readonly ru: string;
}

export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly ruralDistrictId: string | null;
  readonly ruralDistrictName: LocalizedName | null;
}

export interface UserRow {
  readonly id: string;
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly ruralDistrictId: string | null;
  readonly active: boolean;
  readonly createdAt: string;
}

export interface NewUser {
  readonly username: string;
  readonly fullName: string;
  readonly role: Role;
  readonly password: string;
  readonly ruralDistrictId?: string;
}

export interface RuralDistrict {
  readonly id: string;
  readonly name_kk: string;
  readonly name_ru: string;
  /** An example entry of the demo configuration, not yet confirmed against the akimat's register. */
  readonly example?: boolean;
}

export interface AuditEntry {
  readonly id: number;
  /** ISO instant */
  readonly at: string;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface BrokenLink {
  readonly id: number;
  readonly lane: number;
  readonly seq: number;
  readonly reason: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly firstBroken: BrokenLink | null;
  /** The first broken link of every lane (hash chain) that is broken. */
  readonly brokenLanes: readonly BrokenLink[];
}

export interface ApiClientOptions {
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Prefix for every path; '' for the same origin. */
  readonly baseUrl?: string;
  /** The UI language sent as Accept-Language; defaults to `<html lang>`. */
  readonly language?: () => string;
}

type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** Reads an error body; anything that is not `{ error: { code, message } }` becomes HTTP_ERROR. */
async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined)?.error;
  if (err && typeof err.code === 'string') {
    const fields = Array.isArray(err.fields)
      ? err.fields.filter((f): f is FieldError => !!f && typeof f.path === 'string' && typeof f.message === 'string')
      : [];
    return new ApiError(res.status, err.code, typeof err.message === 'string' ? err.message : err.code, fields);
  }
  return new ApiError(res.status, CLIENT_ERROR_CODES.http, `HTTP ${res.status}`);
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const language = options.language ?? (() => document.documentElement.lang || 'kk');
  const listeners = new Set<() => void>();

  async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const doFetch = options.fetch ?? fetch;
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await doFetch(baseUrl + withQuery(path, query), {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw Object.assign(new ApiError(0, CLIENT_ERROR_CODES.network, String(cause)), { cause });
    }
    if (!res.ok) {
      const error = await toApiError(res);
      if (res.status === 401 && error.code === 'UNAUTHENTICATED') for (const l of listeners) l();
      throw error;
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    request,
    /** Calls `listener` whenever the server says the session is missing or expired. */
    onUnauthenticated(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    auth: {
      login: (username: string, password: string) => request<{ user: SessionUser }>('POST', '/api/auth/login', { username, password }),
      me: () => request<{ user: SessionUser }>('GET', '/api/auth/me'),
      logout: () => request<void>('POST', '/api/auth/logout'),
    },
    users: {
      list: () => request<{ users: UserRow[] }>('GET', '/api/users'),
      create: (user: NewUser) => request<{ user: UserRow }>('POST', '/api/users', user),
    },
    ruralDistricts: {
      list: () => request<{ ruralDistricts: RuralDistrict[] }>('GET', '/api/rural-districts'),
    },
    audit: {
      list: (query: { limit?: number; before?: number; targetType?: string; targetId?: string } = {}) =>
        request<{ entries: AuditEntry[] }>('GET', '/api/audit', undefined, query),
      verify: () => request<AuditVerification>('GET', '/api/audit/verify'),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The app's client: same origin, language from `<html lang>`. */
export const api: ApiClient = createApiClient();
