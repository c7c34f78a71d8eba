/**
 * National dated parameters kept by the department (issue 6 item 1): each national series (MCI, the
 * budget-law subsistence minimum, the minimum wage, the p.7.11 sanatorium guaranteed sum) with its shipped
 * and added entries, and a new entry under its act. ADMIN adds; AUDITOR reads.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { addNationalParameterEntry, AddNationalParameterEntrySchema } from '../../admin/add-national-parameter-entry';
import { todayOf } from '../../admin/legal-reference';
import { listNationalParameters } from '../../admin/national-parameters';
import { PARAMETER_UNITS, VALUE_STATUSES } from '../../rules/params/series';
import type { AppEnv } from '../env';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { ErrorResponse, json } from '../schemas';

const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse };
const Legal = z.object({ act: z.string(), number: z.string(), date: z.string(), clause: z.string() });
const Status = z.enum(VALUE_STATUSES);
const Entry = z.discriminatedUnion('origin', [
  z.object({
    origin: z.literal('shipped'),
    from: z.string(),
    value: z.number().nullable().openapi({ description: 'In the series unit (tiyn for money); null ends the series' }),
    status: Status,
    source: z.object({ act: z.string(), clause: z.string().optional(), note: z.string().optional() }),
    superseded: z.boolean().openapi({ description: 'An added entry for the same date replaces it' }),
  }),
  z.object({
    origin: z.literal('added'),
    id: z.string(),
    from: z.string(),
    value: z.number(),
    status: Status,
    note: z.string().nullable(),
    legal: Legal,
    createdAt: z.string(),
    createdBy: z.string().nullable().openapi({ description: 'Full name of the user who added it' }),
    superseded: z.boolean().openapi({ description: 'A later added entry for the same date replaces it' }),
  }),
]);
const SeriesView = z
  .object({
    id: z.string(),
    unit: z.enum(PARAMETER_UNITS),
    name_kk: z.string(),
    name_ru: z.string(),
    name_en: z.string(),
    today: z.object({ from: z.string(), value: z.number() }).nullable(),
    entries: z.array(Entry),
  })
  .openapi('NationalParameterSeries');

function ctxOf(c: Context<AppEnv>) {
  const deps = c.get('deps');
  return { database: deps.database, clock: deps.clock, actor: c.get('actor') };
}

export function registerNationalParameterRoutes(app: AppHono, routes: RouteInfo[]): void {
  defineRoute(
    app,
    routes,
    ['ADMIN', 'AUDITOR'],
    createRoute({
      method: 'get',
      path: '/api/admin/national-parameters',
      tags: ['admin'],
      summary: 'National dated parameters: shipped entries and those added by the department, with their acts',
      responses: { 200: { description: 'Series', content: json(z.object({ series: z.array(SeriesView) })) }, ...Errors },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      return c.json({ series: await listNationalParameters(ctx.database, todayOf(ctx)) }, 200);
    },
  );
  defineRoute(
    app,
    routes,
    ['ADMIN'],
    createRoute({
      method: 'post',
      path: '/api/admin/national-parameters',
      tags: ['admin'],
      summary: 'Add a dated entry to a national series under its act (a later entry for the same date supersedes; audited)',
      request: { body: { required: true, content: json(AddNationalParameterEntrySchema) } },
      responses: { 201: { description: 'Added', content: json(z.object({ id: z.string() })) }, ...Errors },
    }),
    async (c) => c.json(await addNationalParameterEntry(ctxOf(c), c.req.valid('json')), 201),
  );
}
