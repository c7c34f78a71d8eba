/** Maps every failure to the documented error body `{ error: { code, message, fields? } }` (issue 2 item 5). */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, ERRORS, type ErrorCode } from '../errors';
import type { AppEnv } from './env';
import { localizedCustom } from './validation';

export function errorBody(c: Context<AppEnv>, e: AppError) {
  const lang = c.get('lang') ?? 'kk';
  return c.json({ error: { code: e.code, message: ERRORS[e.code][lang], ...(e.fields.length ? { fields: e.fields.map((f) => ({ path: f.path, message: localizedCustom(f.message, lang) ?? f.message })) } : {}) } }, e.status as 400);
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    const code: ErrorCode =
      err.status === 413 ? 'PAYLOAD_TOO_LARGE' : err.status === 400 && /json/i.test(err.message) ? 'MALFORMED_JSON' : err.status === 400 && /content-type/i.test(err.message) ? 'UNSUPPORTED_MEDIA_TYPE' : err.status === 404 ? 'NOT_FOUND' : 'VALIDATION';
    return new AppError(code);
  }
  if (err && typeof err === 'object' && 'code' in err && (err as { code: unknown }).code === '40001') return new AppError('CONFLICT');
  return new AppError('INTERNAL', [], { cause: err instanceof Error ? err.stack ?? err.message : String(err) });
}

export function onError(err: unknown, c: Context<AppEnv>) {
  const e = toAppError(err);
  if (e.code === 'INTERNAL') c.get('deps')?.log.error({ err: e.details.cause, path: c.req.path }, 'unhandled error');
  return errorBody(c, e);
}
