/** Schemas shared by many routes: the error body and JSON content helpers. */
import { z } from '@hono/zod-openapi';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ description: 'A code from the closed list in docs/errors.md' }),
      message: z.string().openapi({ description: 'In the language of Accept-Language (kk, ru, en; default kk)' }),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

export const ErrorResponse = { description: 'Error', content: { 'application/json': { schema: ErrorBody } } } as const;

export function json<T extends z.ZodType>(schema: T) {
  return { 'application/json': { schema } } as const;
}
