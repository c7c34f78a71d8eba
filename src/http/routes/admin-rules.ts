/**
 * District administration (issue 6): rules versions (list, read, draft, edit, approve, schedule,
 * withdraw, import, export), the what-if impact preview with its exports, calendar overrides, and the
 * history of changes from the audit log; rural districts (list, add, rename). ADMIN changes; AUDITOR reads.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { approveRulesVersion } from '../../admin/approve-rules-version';
import { addCalendarOverride } from '../../admin/add-calendar-override';
import { addRuralDistrict } from '../../admin/add-rural-district';
import { renameRuralDistrict } from '../../admin/rename-rural-district';
import { listRuralDistricts, RuralDistrictCodeSchema, RuralDistrictNamesSchema } from '../../admin/rural-districts';
import { createRulesDraft } from '../../admin/create-rules-draft';
import { EditRulesDraftSchema, editRulesDraft } from '../../admin/edit-rules-draft';
import { impactChangesCsv, impactChangesXlsx } from '../../admin/export-impact-changes';
import { importDistrictConfig } from '../../admin/import-district-config';
import { LegalReferenceSchema, todayOf } from '../../admin/legal-reference';
import { listAdminHistory } from '../../admin/list-admin-history';
import { getImpact, listImpactChanges, previewRulesImpact } from '../../admin/preview-rules-impact';
import { removeCalendarOverride } from '../../admin/remove-calendar-override';
import { getRulesVersionRow, listCalendarOverrides, listRulesVersions, LIFECYCLES } from '../../admin/rules-store';
import { scheduleRulesVersion } from '../../admin/schedule-rules-version';
import { withdrawRulesVersion } from '../../admin/withdraw-rules-version';
import { OVERRIDE_KINDS } from '../../rules/calendar';
import { evaluateApplication, parseApplicationInput } from '../../rules/evaluate';
import { getRulesConfig } from '../../admin/rules-store';
import { AppError } from '../../errors';
import { RulesError } from '../../rules/rules-error';
import { Temporal } from 'temporal-polyfill';
import { isoDate } from '../../rules/district/schema';
import type { AppEnv } from '../env';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { ErrorResponse, json } from '../schemas';

const READ = ['ADMIN', 'AUDITOR'] as const;
const WRITE = ['ADMIN'] as const;

const Legal = z.object({ act: z.string(), number: z.string(), date: z.string(), clause: z.string() });
const VersionView = z
  .object({
    id: z.string(),
    code: z.string(),
    status: z.enum(['draft', 'approved', 'scheduled', 'withdrawn']),
    lifecycle: z.enum(LIFECYCLES),
    effectiveFrom: z.string(),
    basedOn: z.string().nullable(),
    legal: Legal,
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    scheduledAt: z.string().nullable(),
    version: z.number(),
    exampleCount: z.number().openapi({ description: 'Values still marked "example" (to be replaced with official ones)' }),
  })
  .openapi('RulesVersion');
const Id = z.object({ id: z.string().regex(/^\d{1,18}$/) });
const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

function ctxOf(c: Context<AppEnv>) {
  const deps = c.get('deps');
  return { database: deps.database, clock: deps.clock, actor: c.get('actor') };
}

const ImpactSide = z.object({ rulesVersion: z.string(), eligibleHouseholds: z.number(), eligiblePersons: z.number(), yearlyCostTiyn: z.number(), thresholdTiyn: z.record(z.string(), z.number()) });
const Cell = z.object({ households: z.number(), persons: z.number(), yearlyCostTiyn: z.number() });
const ImpactView = z
  .object({
    id: z.string(),
    draftId: z.string(),
    draftCode: z.string(),
    currentId: z.string(),
    currentCode: z.string(),
    asOf: z.string(),
    incomeQuarter: z.string(),
    households: z.number(),
    categories: z.array(z.string()),
    current: ImpactSide,
    draft: ImpactSide,
    gained: z.number(),
    lost: z.number(),
    cells: z.array(z.object({ category: z.string(), ruralDistrictId: z.string(), current: Cell, draft: Cell })),
    budget: z.object({ available: z.boolean(), year: z.number(), allocatedTiyn: z.number().nullable(), committedTiyn: z.number().nullable() }),
    seconds: z.object({ load: z.number(), evaluate: z.number(), total: z.number() }),
  })
  .openapi('RulesImpact');
const ChangeView = z.object({
  householdId: z.string(),
  category: z.string(),
  change: z.enum(['gained', 'lost']),
  ruralDistrictId: z.string(),
  members: z.number(),
  perCapitaTiyn: z.number(),
  amountTiyn: z.number(),
  headName: z.string().nullable(),
  headIin: z.string().nullable(),
  address: z.string().nullable(),
  headIban: z.string().nullable(),
});

export function registerAdminRulesRoutes(app: AppHono, routes: RouteInfo[]): void {
  defineRoute(app, routes, READ, createRoute({ method: 'get', path: '/api/admin/rules-versions', tags: ['admin'], summary: 'Rules versions with their lifecycle today', responses: { 200: { description: 'Versions', content: json(z.object({ versions: z.array(VersionView) })) }, ...Errors } }), async (c) => {
    const ctx = ctxOf(c);
    return c.json({ versions: await listRulesVersions(ctx.database, todayOf(ctx)) }, 200);
  });

  defineRoute(
    app,
    routes,
    READ,
    createRoute({ method: 'get', path: '/api/admin/rules-versions/{id}', tags: ['admin'], summary: 'A rules version with its whole configuration (file format)', request: { params: Id }, responses: { 200: { description: 'Version', content: json(z.object({ version: VersionView, config: z.record(z.string(), z.unknown()) })) }, ...Errors } }),
    async (c) => {
      const ctx = ctxOf(c);
      const { config, ...version } = await getRulesVersionRow(ctx.database, c.req.valid('param').id, todayOf(ctx));
      return c.json({ version, config: config as unknown as Record<string, unknown> }, 200);
    },
  );

  defineRoute(
    app,
    routes,
    READ,
    createRoute({ method: 'get', path: '/api/admin/rules-versions/{id}/export', tags: ['admin'], summary: 'Download the configuration file of a version', request: { params: Id }, responses: { 200: { description: 'District configuration file (JSON, the shipped file format)', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } }, ...Errors } }),
    async (c) => {
      const ctx = ctxOf(c);
      const row = await getRulesVersionRow(ctx.database, c.req.valid('param').id, todayOf(ctx));
      const name = `${row.config.code}-${row.code.replace(/[^A-Za-z0-9.-]/g, '_')}.json`;
      return c.body(`${JSON.stringify(row.config, null, 2)}\n`, 200, { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
    },
  );

  defineRoute(
    app,
    routes,
    WRITE,
    createRoute({
      method: 'post',
      path: '/api/admin/rules-versions',
      tags: ['admin'],
      summary: 'Create a draft version (a copy of the version in force, or of basedOn)',
      request: { body: { required: true, content: json(z.strictObject({ code: z.string().trim().regex(/^[A-Za-z0-9.\-/]{1,40}$/), effectiveFrom: isoDate, legal: LegalReferenceSchema, basedOn: z.string().regex(/^\d{1,18}$/).optional() })) } },
      responses: { 201: { description: 'Draft', content: json(z.object({ version: VersionView })) }, ...Errors },
    }),
    async (c) => c.json({ version: await createRulesDraft(ctxOf(c), c.req.valid('json')) }, 201),
  );

  defineRoute(
    app,
    routes,
    WRITE,
    createRoute({ method: 'post', path: '/api/admin/rules-versions/{id}/edits', tags: ['admin'], summary: 'Edit a draft: a dated parameter, a category, a holiday, a rural district, or the whole configuration', request: { params: Id, body: { required: true, content: json(EditRulesDraftSchema) } }, responses: { 200: { description: 'Edited', content: json(z.object({ version: VersionView })) }, ...Errors } }),
    async (c) => c.json({ version: await editRulesDraft(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200),
  );

  for (const [path, summary, run] of [
    ['approve', 'Approve a draft (no further edits in place)', (ctx: ReturnType<typeof ctxOf>, id: string) => approveRulesVersion(ctx, id)],
    ['withdraw', 'Withdraw a draft, approved or future scheduled version', (ctx: ReturnType<typeof ctxOf>, id: string) => withdrawRulesVersion(ctx, id)],
  ] as const) {
    defineRoute(app, routes, WRITE, createRoute({ method: 'post', path: `/api/admin/rules-versions/{id}/${path}`, tags: ['admin'], summary, request: { params: Id }, responses: { 200: { description: 'Done', content: json(z.object({ version: VersionView })) }, ...Errors } }), async (c) =>
      c.json({ version: await run(ctxOf(c), c.req.valid('param').id) }, 200),
    );
  }

  defineRoute(
    app,
    routes,
    WRITE,
    createRoute({ method: 'post', path: '/api/admin/rules-versions/{id}/schedule', tags: ['admin'], summary: 'Schedule an approved version to take effect on its date', request: { params: Id, body: { required: true, content: json(z.strictObject({ effectiveFrom: isoDate.optional() })) } }, responses: { 200: { description: 'Scheduled', content: json(z.object({ version: VersionView })) }, ...Errors } }),
    async (c) => c.json({ version: await scheduleRulesVersion(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200),
  );

  defineRoute(
    app,
    routes,
    WRITE,
    createRoute({ method: 'post', path: '/api/admin/rules-versions/import', tags: ['admin'], summary: 'Import a district configuration file as a draft (validated; nothing stored on error)', request: { body: { required: true, content: json(z.strictObject({ fileName: z.string().min(1).max(200), config: z.record(z.string(), z.unknown()) })) } }, responses: { 201: { description: 'Imported', content: json(z.object({ version: VersionView })) }, ...Errors } }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json({ version: await importDistrictConfig(ctxOf(c), { json: body.config, fileName: body.fileName }) }, 201);
    },
  );

  defineRoute(
    app,
    routes,
    WRITE,
    createRoute({ method: 'post', path: '/api/admin/rules-versions/{id}/impact', tags: ['admin'], summary: 'What-if: the registry under the version in force vs this version on its effective date', request: { params: Id }, responses: { 201: { description: 'Impact', content: json(z.object({ impact: ImpactView, changes: z.array(ChangeView) })) }, ...Errors } }),
    async (c) => {
      const ctx = ctxOf(c);
      const impact = await previewRulesImpact(ctx, c.req.valid('param').id);
      return c.json({ impact: impact as unknown as z.infer<typeof ImpactView>, changes: await listImpactChanges(ctx.database, impact.id, { limit: 200 }) }, 201);
    },
  );

  defineRoute(
    app,
    routes,
    READ,
    createRoute({ method: 'get', path: '/api/admin/impacts/{id}', tags: ['admin'], summary: 'A stored impact preview', request: { params: Id }, responses: { 200: { description: 'Impact', content: json(z.object({ impact: ImpactView, changes: z.array(ChangeView) })) }, ...Errors } }),
    async (c) => {
      const { database } = ctxOf(c);
      const id = c.req.valid('param').id;
      return c.json({ impact: (await getImpact(database, id)) as unknown as z.infer<typeof ImpactView>, changes: await listImpactChanges(database, id, { limit: 200 }) }, 200);
    },
  );

  defineRoute(
    app,
    routes,
    READ,
    createRoute({ method: 'get', path: '/api/admin/impacts/{id}/changes.csv', tags: ['admin'], summary: 'Households that gain or lose assistance (CSV)', request: { params: Id, query: z.object({ lang: z.enum(['kk', 'ru']).optional() }) }, responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...Errors } }),
    async (c) => {
      const { database } = ctxOf(c);
      const id = c.req.valid('param').id;
      await getImpact(database, id);
      const csv = await impactChangesCsv(database, id, c.req.valid('query').lang ?? (c.get('lang') === 'ru' ? 'ru' : 'kk'));
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="komek-impact-${id}.csv"` });
    },
  );

  defineRoute(
    app,
    routes,
    READ,
    createRoute({ method: 'get', path: '/api/admin/impacts/{id}/changes.xlsx', tags: ['admin'], summary: 'Households that gain or lose assistance (Excel, kk/ru headers)', request: { params: Id }, responses: { 200: { description: 'Workbook', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } }, ...Errors } }),
    async (c) => {
      const { database } = ctxOf(c);
      const id = c.req.valid('param').id;
      await getImpact(database, id);
      const bytes = await impactChangesXlsx(database, id);
      return c.body(new Uint8Array(bytes), 200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="komek-impact-${id}.xlsx"` });
    },
  );

  defineRoute(
    app,
    routes,
    WRITE,
    createRoute({
      method: 'post',
      path: '/api/admin/rules/evaluate',
      tags: ['admin'],
      summary: 'Try the Rules: evaluate an application (docs/rules-evaluate.md format) under the version in force on its date',
      request: { body: { required: true, content: json(z.record(z.string(), z.unknown())) } },
      responses: { 200: { description: 'Outcome', content: json(z.object({ rulesVersion: z.string(), outcome: z.string(), amountTiyn: z.number().nullable(), refusalGrounds: z.array(z.string()), thresholdTiyn: z.number().nullable(), perCapitaIncomeTiyn: z.number().nullable() })) }, ...Errors },
    }),
    async (c) => {
      try {
        const input = parseApplicationInput(c.req.valid('json'));
        const day = Temporal.PlainDate.from(input.applicationDate);
        const r = evaluateApplication(input, { asOf: day, config: await getRulesConfig(ctxOf(c).database, day) });
        return c.json({ rulesVersion: r.rulesVersion.id, outcome: r.outcome, amountTiyn: r.amountTiyn, refusalGrounds: [...r.refusalGrounds], thresholdTiyn: r.thresholdTiyn, perCapitaIncomeTiyn: r.perCapitaIncomeTiyn }, 200);
      } catch (e) {
        if (e instanceof RulesError) throw new AppError('VALIDATION', [{ path: e.path ?? '', message: e.message }]);
        throw e;
      }
    },
  );

  const OverrideView = z.object({ id: z.string(), date: z.string(), kind: z.enum(OVERRIDE_KINDS), name_kk: z.string(), name_ru: z.string(), source: z.string(), legal: Legal, createdAt: z.string() });
  defineRoute(app, routes, READ, createRoute({ method: 'get', path: '/api/admin/calendar-overrides', tags: ['admin'], summary: 'Calendar overrides in force', responses: { 200: { description: 'Overrides', content: json(z.object({ overrides: z.array(OverrideView) })) }, ...Errors } }), async (c) =>
    c.json({ overrides: await listCalendarOverrides(ctxOf(c).database) }, 200),
  );
  defineRoute(
    app,
    routes,
    WRITE,
    createRoute({
      method: 'post',
      path: '/api/admin/calendar-overrides',
      tags: ['admin'],
      summary: 'Add a calendar override (transfer order, announced Kurban Ait, new holiday)',
      request: { body: { required: true, content: json(z.strictObject({ date: isoDate, kind: z.enum(OVERRIDE_KINDS), name_kk: z.string().trim().min(1).max(200), name_ru: z.string().trim().min(1).max(200), legal: LegalReferenceSchema })) } },
      responses: { 201: { description: 'Added', content: json(z.object({ id: z.string() })) }, ...Errors },
    }),
    async (c) => c.json(await addCalendarOverride(ctxOf(c), c.req.valid('json')), 201),
  );
  defineRoute(app, routes, WRITE, createRoute({ method: 'delete', path: '/api/admin/calendar-overrides/{id}', tags: ['admin'], summary: 'Remove a calendar override under the act that cancels it (kept in history)', request: { params: Id, body: { required: true, content: json(z.strictObject({ legal: LegalReferenceSchema })) } }, responses: { 200: { description: 'Removed', content: json(z.object({ ok: z.boolean() })) }, ...Errors } }), async (c) => {
    await removeCalendarOverride(ctxOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true }, 200);
  });

  defineRoute(
    app,
    routes,
    READ,
    createRoute({
      method: 'get',
      path: '/api/admin/history',
      tags: ['admin'],
      summary: 'Who changed what in the administration (from the audit log)',
      request: { query: z.object({ targetType: z.enum(['rules_version', 'calendar_override', 'commission', 'rural_district', 'national_parameter_entry']).optional(), targetId: z.string().max(40).optional() }) },
      responses: { 200: { description: 'History', content: json(z.object({ entries: z.array(z.object({ at: z.string(), action: z.string(), targetType: z.string(), targetId: z.string().nullable(), actor: z.string().nullable(), role: z.string().nullable(), payload: z.unknown() })) })) }, ...Errors },
    }),
    async (c) => c.json({ entries: await listAdminHistory(ctxOf(c).database, c.req.valid('query')) }, 200),
  );
  const RuralDistrictView = z
    .object({ id: z.string(), name_kk: z.string(), name_ru: z.string(), example: z.boolean(), legal: Legal.nullable(), changedAt: z.string().nullable(), changedBy: z.string().nullable(), akims: z.number() })
    .openapi('RuralDistrictAdmin');
  const DistrictCode = z.object({ id: RuralDistrictCodeSchema });
  defineRoute(app, routes, READ, createRoute({ method: 'get', path: '/api/admin/rural-districts', tags: ['admin'], summary: 'Rural districts with the act of their last change and their akims', responses: { 200: { description: 'Rural districts', content: json(z.object({ ruralDistricts: z.array(RuralDistrictView) })) }, ...Errors } }), async (c) =>
    c.json({ ruralDistricts: await listRuralDistricts(ctxOf(c).database) }, 200),
  );
  defineRoute(
    app,
    routes,
    WRITE,
    createRoute({
      method: 'post',
      path: '/api/admin/rural-districts',
      tags: ['admin'],
      summary: 'Add a rural district under the act that forms it',
      request: { body: { required: true, content: json(RuralDistrictNamesSchema.extend({ code: RuralDistrictCodeSchema, legal: LegalReferenceSchema })) } },
      responses: { 201: { description: 'Added', content: json(z.object({ id: z.string() })) }, ...Errors },
    }),
    async (c) => c.json(await addRuralDistrict(ctxOf(c), c.req.valid('json')), 201),
  );
  defineRoute(
    app,
    routes,
    WRITE,
    createRoute({
      method: 'put',
      path: '/api/admin/rural-districts/{id}',
      tags: ['admin'],
      summary: 'Rename a rural district under the act that renames it (the code, its akims and cases stay)',
      request: { params: DistrictCode, body: { required: true, content: json(RuralDistrictNamesSchema.extend({ legal: LegalReferenceSchema })) } },
      responses: { 200: { description: 'Renamed', content: json(z.object({ id: z.string() })) }, ...Errors },
    }),
    async (c) => c.json(await renameRuralDistrict(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
