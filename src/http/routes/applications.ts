/**
 * Applications (issue 4): intake on four channels, every workflow step of p.12–p.22 as its own route, the
 * case page, lists and search, and the deadline queues. Each route: zod in, one use case, shaped out.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { EgovGateway } from '../../adapters/egov/port';
import { ROLES, type Role } from '../../auth/roles';
import { AppError } from '../../errors';
import { assertWithinRuralDistrict } from '../../context';
import { acceptPaperApplication } from '../../cases/accept-paper-application';
import { acceptPortalApplication, authenticatePortalClient, type EdsVerifierLike } from '../../cases/accept-portal-application';
import { caseEnv, today, type CaseCtx } from '../../cases/case-env';
import { loadCaseEnv } from '../../admin/case-rules';
import { CASE_STATUSES, TRANSITIONS, type TransitionName } from '../../cases/case-status';
import { computeIncome } from '../../cases/compute-income';
import { decide, DecideInput } from '../../cases/decide';
import { forwardSurvey } from '../../cases/forward-survey';
import { getCase } from '../../cases/get-case';
import { Form1Input } from '../../cases/intake-form';
import { listApplications, searchPersons } from '../../cases/list-applications';
import { listQueue } from '../../cases/list-queue';
import { proposeRefusal, ProposeRefusalInput } from '../../cases/propose-refusal';
import { recordDataAnswer, DataAnswerInput } from '../../cases/record-data-answer';
import { recordDataRequest, DataRequestInput } from '../../cases/record-data-request';
import { recordHearingProtocol, HearingProtocolInput } from '../../cases/record-hearing-protocol';
import { recordObjection, ObjectionInput } from '../../cases/record-objection';
import { recordProtocolRemarks, ProtocolRemarksInput } from '../../cases/record-protocol-remarks';
import { recordSpecialConclusion, SpecialConclusionInput } from '../../cases/record-special-conclusion';
import { recordSurvey, SurveyInput } from '../../cases/record-survey';
import { reportChange, ChangeReportInput } from '../../cases/report-change';
import { routeToPrecinctCommission } from '../../cases/route-to-precinct-commission';
import { switchToExtendedTrack, ExtendedTrackInput } from '../../cases/switch-to-extended-track';
import { terminate, TerminateInput } from '../../cases/terminate';
import type { AppEnv } from '../env';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { ErrorResponse, json } from '../schemas';

/** The case context of a request: database, clock, actor, and the district's rules environment. */
export async function caseCtxOf(c: Context<AppEnv>): Promise<CaseCtx> {
  const deps = c.get('deps');
  // Koksu's Rules come from the database (administered, dated versions: src/admin/case-rules.ts).
  const env = deps.config.district === 'koksu' ? await loadCaseEnv(deps.database) : caseEnv(deps.config.district);
  return { database: deps.database, clock: deps.clock, actor: c.get('actor'), env };
}

const Id = z.object({ id: z.string().openapi({ description: 'Application id (uuid)' }) });
const Version = { expectedVersion: z.number().int().positive().optional().openapi({ description: 'Optimistic lock: the version the user saw; CONFLICT if it changed' }) };

const StepResult = z
  .object({
    id: z.string(),
    status: z.enum(CASE_STATUSES),
    version: z.number(),
    nextStep: z.string().nullable(),
    nextHardOn: z.string().nullable(),
    decisionHardOn: z.string().nullable(),
    result: z.unknown(),
  })
  .openapi('CaseStepResult');

const ListItem = z
  .object({
    id: z.string(), regNumber: z.string(), status: z.string(), channel: z.string(), applicantIin: z.string(), applicantName: z.string(), categoryCode: z.string(), ruralDistrictId: z.string(),
    registeredOn: z.string(), nextStep: z.string().nullable(), nextRole: z.string().nullable(), nextTargetOn: z.string().nullable(), nextHardOn: z.string().nullable(), decisionHardOn: z.string().nullable(),
  })
  .openapi('ApplicationListItem');

const ERRORS_4XX = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse } as const;

type StepSpec = {
  readonly path: string;
  readonly summary: string;
  readonly roles: readonly Role[];
  readonly body: z.ZodObject;
  readonly run: (ctx: CaseCtx, id: string, body: Record<string, unknown>) => Promise<unknown>;
};

const rolesOf = (...names: TransitionName[]): Role[] => [...new Set(names.flatMap((n) => TRANSITIONS[n].roles))];
const only = (v: Record<string, unknown>) => {
  const { expectedVersion, ...rest } = v;
  return { expectedVersion: expectedVersion as number | undefined, rest };
};

const STEPS: readonly StepSpec[] = [
  { path: 'route-to-precinct-commission', summary: 'p.12: send the documents to the precinct commission', roles: rolesOf('routeToPrecinctCommission'), body: z.strictObject(Version), run: (ctx, id, b) => routeToPrecinctCommission(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion }) },
  { path: 'survey', summary: 'p.13: act of survey (form 2) and conclusion (form 3), or refusal to be surveyed', roles: rolesOf('recordSurvey'), body: SurveyInput.extend(Version), run: (ctx, id, b) => recordSurvey(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion, survey: SurveyInput.parse(only(b).rest) }) },
  { path: 'forward-survey', summary: 'p.13: the akim forwards act, conclusion and documents (2 WD)', roles: rolesOf('forwardSurvey'), body: z.strictObject(Version), run: (ctx, id, b) => forwardSurvey(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion }) },
  { path: 'extended-track', summary: 'p.14/p.15: the 20-working-day track with its recorded basis', roles: rolesOf('switchToExtendedTrack'), body: ExtendedTrackInput.extend(Version), run: (ctx, id, b) => switchToExtendedTrack(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion, basis: ExtendedTrackInput.parse(only(b).rest) }) },
  { path: 'data-requests', summary: 'p.14: a request to another body', roles: rolesOf('recordDataRequest'), body: DataRequestInput.extend(Version), run: (ctx, id, b) => recordDataRequest(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion, request: DataRequestInput.parse(only(b).rest) }) },
  { path: 'data-answers', summary: "p.14: another body's answer", roles: rolesOf('recordDataAnswer'), body: DataAnswerInput.extend(Version), run: (ctx, id, b) => recordDataAnswer(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion, answer: DataAnswerInput.parse(only(b).rest) }) },
  { path: 'income', summary: 'p.16: compute the per-capita income, file to the special commission', roles: rolesOf('computeIncome'), body: z.strictObject(Version), run: (ctx, id, b) => computeIncome(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion }) },
  { path: 'special-conclusion', summary: "p.17: the special commission's conclusion", roles: rolesOf('recordSpecialConclusion'), body: SpecialConclusionInput.extend(Version), run: (ctx, id, b) => recordSpecialConclusion(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion, conclusion: SpecialConclusionInput.parse(only(b).rest) }) },
  { path: 'preliminary-refusal', summary: 'p.18: preliminary decision to refuse and hearing notice', roles: rolesOf('proposeRefusal'), body: ProposeRefusalInput.extend(Version), run: (ctx, id, b) => proposeRefusal(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion, proposal: ProposeRefusalInput.parse(only(b).rest) }) },
  { path: 'objection', summary: "p.18: the applicant's objection (2 WD)", roles: rolesOf('recordObjection'), body: ObjectionInput.extend(Version), run: (ctx, id, b) => recordObjection(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion, objection: ObjectionInput.parse(only(b).rest) }) },
  { path: 'hearing-protocol', summary: 'p.18: the hearing protocol', roles: rolesOf('recordHearingProtocol'), body: HearingProtocolInput.extend(Version), run: (ctx, id, b) => recordHearingProtocol(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion, protocol: HearingProtocolInput.parse(only(b).rest) }) },
  { path: 'protocol-remarks', summary: "p.18: the applicant's remarks on the protocol (3 WD)", roles: rolesOf('recordProtocolRemarks'), body: ProtocolRemarksInput.extend(Version), run: (ctx, id, b) => recordProtocolRemarks(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion, remarks: ProtocolRemarksInput.parse(only(b).rest) }) },
  { path: 'decision', summary: 'p.18: the decision (form 4), grant or refusal, with its frozen basis', roles: rolesOf('grant', 'refuse'), body: DecideInput.extend(Version), run: (ctx, id, b) => decide(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion, decision: DecideInput.parse(only(b).rest) }) },
  { path: 'change-reports', summary: "p.22: the recipient's report of a change (10 WD)", roles: rolesOf('reportChange'), body: ChangeReportInput.extend(Version), run: (ctx, id, b) => reportChange(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion, report: ChangeReportInput.parse(only(b).rest) }) },
  { path: 'termination', summary: 'p.22: terminate on one of five grounds', roles: rolesOf('terminate'), body: TerminateInput.extend(Version), run: (ctx, id, b) => terminate(ctx, { applicationId: id, expectedVersion: only(b).expectedVersion, termination: TerminateInput.parse(only(b).rest) }) },
];

const PortalSubmissionBody = z
  .strictObject({
    payloadBase64: z.string().min(4).max(1_000_000).regex(/^[A-Za-z0-9+/=]+$/).openapi({ description: 'The exact signed bytes: UTF-8 JSON {requestId, form, informationSystems?} (form 1-1), base64' }),
    signatureBase64: z.string().min(4).max(200_000).openapi({ description: 'EDS signature (CMS) over those bytes, base64' }),
  })
  .openapi('PortalSubmission');

export function registerApplicationRoutes(app: AppHono, routes: RouteInfo[]): void {
  defineRoute(
    app,
    routes,
    ['SPECIALIST', 'RURAL_AKIM', 'STATE_CORP'],
    createRoute({
      method: 'post',
      path: '/api/applications',
      tags: ['applications'],
      summary: 'p.11: accept a paper application (form 1); registers it (p.12) or issues a refusal receipt (form 1-3)',
      request: { body: { required: true, content: json(Form1Input) } },
      responses: { 201: { description: 'Registered, or refused at intake with a receipt', content: json(z.object({ outcome: z.enum(['registered', 'refused-at-intake']), application: z.unknown().optional(), receipt: z.unknown().optional() })) }, ...ERRORS_4XX, 503: ErrorResponse },
    }),
    async (c) => {
      const ctx = await caseCtxOf(c);
      const out = await acceptPaperApplication({ ...ctx, egov: c.get('deps').ports.egov as EgovGateway | undefined }, c.req.valid('json'));
      return c.json(out, 201);
    },
  );

  defineRoute(
    app,
    routes,
    'public',
    createRoute({
      method: 'post',
      path: '/api/portal/applications',
      tags: ['applications'],
      summary: 'p.11: an electronic application (form 1-1) from the portal, signed with the applicant’s EDS',
      description: 'System client: `Authorization: Bearer <portal client key>` (issued by an administrator, stored hashed). The body carries the exact signed bytes and the EDS signature; an invalid signature is refused with EDS_INVALID and only the rejection is audited. A repeated requestId returns the same application (200).',
      request: { body: { required: true, content: json(PortalSubmissionBody) } },
      responses: { 201: { description: 'Registered', content: json(z.object({ application: z.unknown(), replay: z.boolean() })) }, 200: { description: 'Already registered (same requestId)', content: json(z.object({ application: z.unknown(), replay: z.boolean() })) }, ...ERRORS_4XX },
    }),
    async (c) => {
      const deps = c.get('deps');
      const ctx = await caseCtxOf(c);
      const client = await authenticatePortalClient(ctx, c.req.header('authorization'));
      const out = await acceptPortalApplication({ ...ctx, eds: deps.ports.eds as EdsVerifierLike | undefined, egov: deps.ports.egov as EgovGateway | undefined, client }, c.req.valid('json'));
      return c.json(out, out.replay ? 200 : 201);
    },
  );

  defineRoute(
    app,
    routes,
    'signed-in',
    createRoute({
      method: 'get',
      path: '/api/applications',
      tags: ['applications'],
      summary: 'List and search applications by IIN, name prefix, status',
      request: { query: z.object({ iin: z.string().regex(/^\d{12}$/).optional(), name: z.string().min(2).max(100).optional(), status: z.enum(CASE_STATUSES).optional(), limit: z.coerce.number().int().min(1).max(200).optional() }) },
      responses: { 200: { description: 'Applications', content: json(z.object({ applications: z.array(ListItem) })) }, ...ERRORS_4XX },
    }),
    async (c) => c.json({ applications: await listApplications(await caseCtxOf(c), c.req.valid('query')) }, 200),
  );

  defineRoute(
    app,
    routes,
    'signed-in',
    createRoute({
      method: 'get',
      path: '/api/applications/queue',
      tags: ['applications'],
      summary: 'The deadline monitor: what waits for a role (default: yours), all / at-risk / overdue',
      request: { query: z.object({ role: z.enum(ROLES).optional(), timing: z.enum(['all', 'at-risk', 'overdue']).default('all'), limit: z.coerce.number().int().min(1).max(500).optional() }) },
      responses: { 200: { description: 'Queue', content: json(z.object({ asOf: z.string(), cases: z.array(ListItem.extend({ timing: z.enum(['on-time', 'at-risk', 'overdue']) })) })) }, ...ERRORS_4XX },
    }),
    async (c) => {
      const ctx = await caseCtxOf(c);
      const q = c.req.valid('query');
      const asOf = today(ctx).toString();
      return c.json({ asOf, cases: await listQueue(ctx, { role: q.role ?? ctx.actor!.role, asOf, timing: q.timing, limit: q.limit }) }, 200);
    },
  );

  defineRoute(
    app,
    routes,
    'signed-in',
    createRoute({
      method: 'get',
      path: '/api/persons',
      tags: ['applications'],
      summary: 'Search persons by IIN (12 digits) or name prefix',
      request: { query: z.object({ q: z.string().trim().min(2).max(100), limit: z.coerce.number().int().min(1).max(100).optional() }) },
      responses: { 200: { description: 'Persons', content: json(z.object({ persons: z.array(z.object({ iin: z.string(), name: z.string(), birthDate: z.string().nullable() })) })) }, ...ERRORS_4XX },
    }),
    async (c) => c.json({ persons: await searchPersons(await caseCtxOf(c), c.req.valid('query')) }, 200),
  );

  defineRoute(
    app,
    routes,
    'signed-in',
    createRoute({
      method: 'get',
      path: '/api/intake-receipts/{id}',
      tags: ['applications'],
      summary: 'A refusal receipt (form 1-3)',
      request: { params: Id },
      responses: { 200: { description: 'Receipt', content: json(z.object({ receipt: z.unknown() })) }, ...ERRORS_4XX },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND');
      const [receipt] = await c.get('deps').database.query<{ ruralDistrictId: string | null }>(
        `select id, number, channel, applicant_iin as "applicantIin", applicant_name as "applicantName", category_code as "categoryCode", rural_district_id as "ruralDistrictId", missing, expired, issued_on::text as "issuedOn", employee_name as "employeeName" from intake_receipt where id = $1`,
        [id],
      );
      if (!receipt) throw new AppError('NOT_FOUND');
      const actor = c.get('actor');
      assertWithinRuralDistrict(actor, receipt.ruralDistrictId);
      return c.json({ receipt }, 200);
    },
  );

  defineRoute(
    app,
    routes,
    'signed-in',
    createRoute({
      method: 'get',
      path: '/api/applications/{id}',
      tags: ['applications'],
      summary: 'The case page: application, documents, data-source answers, survey, income, conclusions, hearing, decision with its explanation by clause, deadlines, timeline',
      request: { params: Id },
      responses: { 200: { description: 'Case', content: json(z.object({ case: z.unknown() })) }, ...ERRORS_4XX },
    }),
    async (c) => c.json({ case: await getCase(await caseCtxOf(c), c.req.valid('param').id) }, 200),
  );

  for (const s of STEPS) {
    defineRoute(
      app,
      routes,
      s.roles,
      createRoute({
        method: 'post',
        path: `/api/applications/{id}/${s.path}`,
        tags: ['applications'],
        summary: s.summary,
        request: { params: Id, body: { required: true, content: json(s.body) } },
        responses: { 200: { description: 'The step was taken; the case’s new status and deadlines', content: json(StepResult) }, ...ERRORS_4XX },
      }),
      async (c) => c.json((await s.run(await caseCtxOf(c), c.req.valid('param').id, c.req.valid('json') as Record<string, unknown>)) as z.infer<typeof StepResult>, 200),
    );
  }
}
