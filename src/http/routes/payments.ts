/**
 * Payments through the State Corporation (issue 5): budget allocations (p.21), demands and their dated
 * steps (p.27–p.29), payment orders and their files, bank statements, returns and re-issues (p.30),
 * holiday runs (p.5, p.10, p.25) and reconciliation. Thin: zod in, one use case, shaped out.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { ErrorResponse, json } from '../schemas';
import { AppError } from '../../errors';
import { ruralDistrictScope, type Ctx } from '../../context';
import type { AppEnv } from '../env';
import { listBudget } from '../../payments/list-budget';
import { setAllocation } from '../../payments/set-allocation';
import { formDemands } from '../../payments/form-demands';
import { recordDemandApplication } from '../../payments/record-demand-application';
import { recordTransfer } from '../../payments/record-transfer';
import { issuePaymentOrders } from '../../payments/issue-payment-orders';
import { submitPaymentOrders } from '../../payments/submit-payment-orders';
import { exportPaymentOrdersText } from '../../payments/export-payment-orders';
import { importBankStatement } from '../../payments/import-bank-statement';
import { reissuePayment } from '../../payments/reissue-payment';
import { listDemands, listReturns, paymentCalendar } from '../../payments/list-payment-views';
import { reconcilePayments } from '../../payments/reconcile';
import { exportReconciliation } from '../../payments/export-reconciliation';
import { getHolidayRun, listHolidayRuns, startHolidayRun } from '../../payments/run-holiday';
import { listHolidays, selectHoliday } from '../../payments/holiday-list';
import { loadDistrictConfig } from '../../payments/calendar';
import { almatyDay, isoDate } from '../../payments/dates';
import { driveHolidayRunInBackground } from '../../payments/holiday-run-worker';
import { recordOverCredit, recordOverCreditReturned } from '../../payments/record-over-credit';
import { listOverCredits, OVER_CREDIT_STATUSES } from '../../payments/list-over-credits';

const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const Any = z.any();

const READ = ['ACCOUNTANT', 'HEAD', 'SPECIALIST', 'STATE_CORP', 'AUDITOR'] as const;
const BUDGET_WRITE = ['ACCOUNTANT', 'HEAD'] as const;
const CHAIN_WRITE = ['ACCOUNTANT', 'STATE_CORP'] as const;
const RUN_WRITE = ['SPECIALIST', 'HEAD'] as const;

function ctxOf(c: Context<AppEnv>): Ctx {
  const deps = c.get('deps');
  return { database: deps.database, clock: deps.clock, actor: c.get('actor') };
}

function bankOf(c: Context<AppEnv>) {
  const bank = c.get('deps').ports.bank;
  if (!bank) throw new AppError('INTERNAL', [], { reason: 'no bank port configured' });
  return bank;
}

/** Drives a run in the background of this server; a server started later (or the CLI) resumes it if this one stops. */
function driveInBackground(c: Context<AppEnv>, runId: string): void {
  const deps = c.get('deps');
  void driveHolidayRunInBackground({ ...deps, stepRows: deps.config.payments.holidayRunStepRows }, runId, c.get('actor'));
}

export function registerPaymentRoutes(app: AppHono, routes: RouteInfo[]): void {
  // ------------------------------------------------------------------ budget (p.21)
  defineRoute(app, routes, READ, createRoute({ method: 'get', path: '/api/budget', tags: ['payments'], summary: 'Budget allocations with committed, paid and free sums (p.21)', request: { query: z.object({ year: z.coerce.number().int().optional() }) }, responses: { 200: { description: 'Allocations', content: json(z.object({ allocations: Any })) }, ...Errors } }), async (c) =>
    c.json({ allocations: await listBudget(c.get('deps').database, { year: c.req.valid('query').year }) }, 200),
  );
  defineRoute(
    app,
    routes,
    [...BUDGET_WRITE],
    createRoute({
      method: 'put',
      path: '/api/budget/{year}',
      tags: ['payments'],
      summary: 'Enter the allocation of a financial year and programme (p.21)',
      request: { params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }), body: { required: true, content: json(z.strictObject({ allocatedTiyn: z.number().int().min(0), programme: z.string().max(32).optional(), note: z.string().max(500).nullable().optional() })) } },
      responses: { 200: { description: 'Allocation', content: json(z.object({ allocation: Any })) }, ...Errors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json({ allocation: await setAllocation(ctxOf(c), { year: c.req.valid('param').year, ...body }) }, 200);
    },
  );

  // ------------------------------------------------------------------ demands and the p.27–p.29 chain
  defineRoute(app, routes, READ, createRoute({ method: 'get', path: '/api/payments/demands', tags: ['payments'], summary: 'Demands with every dated step and its clause (p.27–p.29)', responses: { 200: { description: 'Demands', content: json(z.object({ demands: Any })) }, ...Errors } }), async (c) =>
    c.json({ demands: await listDemands(c.get('deps').database) }, 200),
  );
  defineRoute(app, routes, READ, createRoute({ method: 'get', path: '/api/payments/calendar', tags: ['payments'], summary: 'Scheduled payments by demand due date (p.27)', request: { query: z.object({ from: IsoDate, to: IsoDate }) }, responses: { 200: { description: 'Days', content: json(z.object({ days: Any })) }, ...Errors } }), async (c) =>
    c.json({ days: await paymentCalendar(c.get('deps').database, c.req.valid('query')) }, 200),
  );
  defineRoute(app, routes, [...CHAIN_WRITE], createRoute({ method: 'post', path: '/api/payments/demands', tags: ['payments'], summary: 'Form the demands due on a day (p.27)', request: { body: { required: true, content: json(z.strictObject({ on: IsoDate })) } }, responses: { 200: { description: 'Formed', content: json(z.object({ demands: Any })) }, ...Errors } }), async (c) =>
    c.json({ demands: await formDemands(ctxOf(c), c.req.valid('json')) }, 200),
  );
  defineRoute(app, routes, [...CHAIN_WRITE], createRoute({ method: 'post', path: '/api/payments/demands/{id}/application', tags: ['payments'], summary: 'Record the application on the demand amount (p.28)', request: { params: IdParam, body: { required: true, content: json(z.strictObject({ receivedOn: IsoDate })) } }, responses: { 200: { description: 'Demand', content: json(z.object({ demand: Any })) }, ...Errors } }), async (c) =>
    c.json({ demand: await recordDemandApplication(ctxOf(c), { demandId: c.req.valid('param').id, ...c.req.valid('json') }) }, 200),
  );
  defineRoute(app, routes, ['ACCOUNTANT'], createRoute({ method: 'post', path: '/api/payments/demands/{id}/transfer', tags: ['payments'], summary: 'Record the transfer to the State Corporation (p.28)', request: { params: IdParam, body: { required: true, content: json(z.strictObject({ transferredOn: IsoDate })) } }, responses: { 200: { description: 'Demand', content: json(z.object({ demand: Any })) }, ...Errors } }), async (c) =>
    c.json({ demand: await recordTransfer(ctxOf(c), { demandId: c.req.valid('param').id, ...c.req.valid('json') }) }, 200),
  );
  defineRoute(app, routes, [...CHAIN_WRITE], createRoute({ method: 'post', path: '/api/payments/demands/{id}/orders', tags: ['payments'], summary: 'Issue the payment orders of a demand and send them to the payment organisation (p.29)', request: { params: IdParam }, responses: { 200: { description: 'Issued', content: json(z.object({ demand: Any, orders: z.number(), submitted: z.number() })) }, ...Errors } }), async (c) => {
    const id = c.req.valid('param').id;
    const issued = await issuePaymentOrders(ctxOf(c), { demandId: id });
    const sent = await submitPaymentOrders(c.get('deps').database, bankOf(c), { demandId: id });
    return c.json({ demand: issued.demand, orders: issued.orders, submitted: sent.submitted }, 200);
  });
  for (const format of ['csv', 'xml'] as const) {
    defineRoute(app, routes, READ, createRoute({ method: 'get', path: `/api/payments/demands/{id}/orders.${format}`, tags: ['payments'], summary: `Payment orders file (${format.toUpperCase()}, docs/payment-files.md)`, request: { params: IdParam }, responses: { 200: { description: 'File', content: { [format === 'csv' ? 'text/csv' : 'application/xml']: { schema: z.string() } } }, ...Errors } }), async (c) => {
      const id = c.req.valid('param').id;
      const text = await exportPaymentOrdersText(c.get('deps').database, { demandId: id, format });
      return c.body(text, 200, { 'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/xml; charset=utf-8', 'content-disposition': `attachment; filename="orders-${id}.${format}"` });
    });
  }

  // ------------------------------------------------------------------ statements, returns, re-issues (p.30, p.32)
  defineRoute(app, routes, [...CHAIN_WRITE], createRoute({ method: 'post', path: '/api/payments/statements', tags: ['payments'], summary: 'Import a bank statement (all or nothing)', request: { body: { required: true, content: json(z.strictObject({ fileName: z.string().min(1).max(200), content: z.string().min(1).max(50_000_000) })) } }, responses: { 200: { description: 'Imported', content: json(z.object({ statement: Any })) }, ...Errors } }), async (c) =>
    c.json({ statement: await importBankStatement(ctxOf(c), c.req.valid('json')) }, 200),
  );
  defineRoute(app, routes, [...CHAIN_WRITE], createRoute({ method: 'post', path: '/api/payments/demands/{id}/statement', tags: ['payments'], summary: "Fetch the payment organisation's statement of a demand and import it", request: { params: IdParam }, responses: { 200: { description: 'Imported', content: json(z.object({ statement: Any })) }, ...Errors } }), async (c) => {
    const file = await bankOf(c).statementFile(String(c.req.valid('param').id));
    if (!file) throw new AppError('NOT_FOUND');
    return c.json({ statement: await importBankStatement(ctxOf(c), file) }, 200);
  });
  defineRoute(app, routes, READ, createRoute({ method: 'get', path: '/api/payments/returns', tags: ['payments'], summary: 'Returned and failed payments with their p.30 deadline', request: { query: z.object({ status: z.enum(['open', 'reissued', 'closed']).optional() }) }, responses: { 200: { description: 'Returns', content: json(z.object({ returns: Any })) }, ...Errors } }), async (c) =>
    c.json({ returns: await listReturns(c.get('deps').database, { status: c.req.valid('query').status }) }, 200),
  );
  defineRoute(app, routes, ['ACCOUNTANT', 'SPECIALIST'], createRoute({ method: 'post', path: '/api/payments/returns/{id}/reissue', tags: ['payments'], summary: 'Re-issue a returned payment to a corrected account (p.30)', request: { params: IdParam, body: { required: true, content: json(z.strictObject({ correctedIban: z.string().min(1).max(40) })) } }, responses: { 200: { description: 'Re-issued', content: json(z.object({ reissue: Any })) }, ...Errors } }), async (c) => {
    const reissue = await reissuePayment(ctxOf(c), bankOf(c), { returnId: c.req.valid('param').id, correctedIban: c.req.valid('json').correctedIban });
    const file = await bankOf(c).statementFile(reissue.batchId);
    if (file) await importBankStatement(ctxOf(c), file).catch(() => undefined);
    return c.json({ reissue }, 200);
  });

  // ------------------------------------------------------------------ over-credited sums (p.31)
  defineRoute(app, routes, READ, createRoute({ method: 'get', path: '/api/payments/over-credits', tags: ['payments'], summary: 'Over-credited sums with the last working day of the month they must be returned by (p.31)', request: { query: z.object({ status: z.enum(OVER_CREDIT_STATUSES).optional() }) }, responses: { 200: { description: 'Over-credits', content: json(z.object({ overCredits: Any })) }, ...Errors } }), async (c) => {
    const deps = c.get('deps');
    return c.json({ overCredits: await listOverCredits(deps.database, { today: almatyDay(deps.clock.now()), status: c.req.valid('query').status }) }, 200);
  });
  defineRoute(
    app,
    routes,
    ['ACCOUNTANT'],
    createRoute({
      method: 'post',
      path: '/api/payments/over-credits',
      tags: ['payments'],
      summary: "Record a sum credited in excess on the State Corporation's account; it is due back by the last working day of the month (p.31)",
      request: { body: { required: true, content: json(z.strictObject({ paymentId: z.number().int().positive().nullable().optional(), amountTiyn: z.number().int().positive(), arrivedOn: IsoDate, note: z.string().max(500).nullable().optional() })) } },
      responses: { 201: { description: 'Recorded', content: json(z.object({ overCredit: Any })) }, ...Errors },
    }),
    async (c) => c.json({ overCredit: await recordOverCredit(ctxOf(c), c.req.valid('json')) }, 201),
  );
  defineRoute(app, routes, ['ACCOUNTANT'], createRoute({ method: 'post', path: '/api/payments/over-credits/{id}/returned', tags: ['payments'], summary: 'Record that an over-credited sum came back to the authorized body (p.31)', request: { params: IdParam, body: { required: true, content: json(z.strictObject({ returnedOn: IsoDate })) } }, responses: { 200: { description: 'Returned', content: json(z.object({ overCredit: Any })) }, ...Errors } }), async (c) =>
    c.json({ overCredit: await recordOverCreditReturned(ctxOf(c), { id: c.req.valid('param').id, returnedOn: c.req.valid('json').returnedOn }) }, 200),
  );

  // ------------------------------------------------------------------ holiday runs (p.5, p.10, p.25)
  defineRoute(app, routes, READ, createRoute({ method: 'get', path: '/api/payments/holidays', tags: ['payments'], summary: "The district's holiday list with categories (p.5), as in the rules version in force today", responses: { 200: { description: 'Holidays', content: json(z.object({ holidays: Any })) }, ...Errors } }), async (c) => {
    const deps = c.get('deps');
    return c.json({ holidays: listHolidays(await loadDistrictConfig(deps.database, almatyDay(deps.clock.now()))) }, 200);
  });
  defineRoute(app, routes, READ, createRoute({ method: 'get', path: '/api/payments/holidays/{date}', tags: ['payments'], summary: 'Categories and amounts paid on a date (p.5) by the rules version in force on it', request: { params: z.object({ date: IsoDate }) }, responses: { 200: { description: 'Selection', content: json(z.object({ holiday: Any })) }, ...Errors } }), async (c) => {
    const date = isoDate(c.req.valid('param').date, 'date');
    const sel = selectHoliday(await loadDistrictConfig(c.get('deps').database, date), date);
    return c.json({ holiday: { ...sel, date: sel.date.toString() } }, 200);
  });
  defineRoute(app, routes, READ, createRoute({ method: 'get', path: '/api/payments/holiday-runs', tags: ['payments'], summary: 'Holiday runs with their progress', responses: { 200: { description: 'Runs', content: json(z.object({ runs: Any })) }, ...Errors } }), async (c) =>
    c.json({ runs: await listHolidayRuns(c.get('deps').database) }, 200),
  );
  defineRoute(app, routes, READ, createRoute({ method: 'get', path: '/api/payments/holiday-runs/{id}', tags: ['payments'], summary: 'One holiday run (live progress)', request: { params: z.object({ id: z.string().uuid() }) }, responses: { 200: { description: 'Run', content: json(z.object({ run: Any })) }, ...Errors } }), async (c) =>
    c.json({ run: await getHolidayRun(c.get('deps').database, c.req.valid('param').id) }, 200),
  );
  defineRoute(app, routes, [...RUN_WRITE], createRoute({ method: 'post', path: '/api/payments/holiday-runs', tags: ['payments'], summary: 'Start (or resume) the holiday run of a date and categories — without applications (p.10)', request: { body: { required: true, content: json(z.strictObject({ date: IsoDate, categories: z.array(z.string().min(1).max(64)).max(20).optional(), programme: z.string().max(32).optional() })) } }, responses: { 202: { description: 'Started', content: json(z.object({ run: Any })) }, ...Errors } }), async (c) => {
    const run = await startHolidayRun(ctxOf(c), c.req.valid('json'));
    if (run.status !== 'done') driveInBackground(c, run.runId);
    return c.json({ run }, 202);
  });

  // ------------------------------------------------------------------ reconciliation
  const ReconQuery = z.object({ from: z.string().regex(/^\d{4}-\d{2}$/).optional(), to: z.string().regex(/^\d{4}-\d{2}$/).optional(), ruralDistrictId: z.string().max(64).optional(), categoryCode: z.string().max(64).optional() });
  const scoped = (c: Context<AppEnv>, q: z.infer<typeof ReconQuery>) => {
    const ruralDistrictId = ruralDistrictScope(c.get('actor'), q.ruralDistrictId);
    return { ...q, ruralDistrictId: ruralDistrictId ?? undefined };
  };
  defineRoute(app, routes, [...READ, 'RURAL_AKIM'], createRoute({ method: 'get', path: '/api/payments/reconciliation', tags: ['payments'], summary: 'Decided vs demanded vs transferred vs paid vs returned, with differences', request: { query: ReconQuery }, responses: { 200: { description: 'Reconciliation', content: json(z.object({ reconciliation: Any })) }, ...Errors } }), async (c) =>
    c.json({ reconciliation: await reconcilePayments(c.get('deps').database, scoped(c, c.req.valid('query'))) }, 200),
  );
  defineRoute(app, routes, [...READ, 'RURAL_AKIM'], createRoute({ method: 'get', path: '/api/payments/reconciliation.xlsx', tags: ['payments'], summary: 'Reconciliation as Excel (kk/ru headers)', request: { query: ReconQuery }, responses: { 200: { description: 'Workbook', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } }, ...Errors } }), async (c) => {
    const bytes = await exportReconciliation(c.get('deps').database, scoped(c, c.req.valid('query')));
    return c.body(new Uint8Array(bytes), 200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': 'attachment; filename="komek-reconciliation.xlsx"' });
  });
}
