/** The dashboard (issue 6 item 6): every signed-in role; a rural akim sees only their rural district. */
import { createRoute, z } from '@hono/zod-openapi';
import { getDashboard } from '../../admin/get-dashboard';
import { todayOf } from '../../admin/legal-reference';
import { ruralDistrictScope } from '../../context';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { ErrorResponse, json } from '../schemas';

const panel = <T extends z.ZodType>(row: T) => z.object({ available: z.boolean(), missing: z.string().optional(), rows: z.array(row) });

export const DashboardView = z
  .object({
    today: z.string(),
    ruralDistrictId: z.string().nullable(),
    applicationsByStatus: panel(z.object({ status: z.string(), count: z.number() })),
    deadlines: panel(z.object({ role: z.string(), atRisk: z.number(), overdue: z.number(), onTime: z.number() })),
    decisions: panel(z.object({ ground: z.string().nullable(), category: z.string(), outcome: z.string(), count: z.number(), amountTiyn: z.number() })),
    refusalsByClause: panel(z.object({ clause: z.string(), count: z.number() })),
    budget: panel(z.object({ year: z.number(), programme: z.string(), allocatedTiyn: z.number(), committedTiyn: z.number(), paidTiyn: z.number() })),
    paymentsByMonth: panel(z.object({ month: z.string(), status: z.string(), count: z.number(), amountTiyn: z.number() })),
  })
  .openapi('Dashboard');


export function registerDashboardRoutes(app: AppHono, routes: RouteInfo[]): void {
  defineRoute(
    app,
    routes,
    'signed-in',
    createRoute({
      method: 'get',
      path: '/api/dashboard',
      tags: ['dashboard'],
      summary: 'Applications, deadlines, decisions, refusals, budget and payments at a glance',
      request: { query: z.object({ ruralDistrictId: z.string().max(64).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }) },
      responses: { 200: { description: 'Dashboard', content: json(DashboardView) }, 401: ErrorResponse, 403: ErrorResponse },
    }),
    async (c) => {
      const deps = c.get('deps');
      const q = c.req.valid('query');
      const today = todayOf(deps);
      const dash = await getDashboard(deps.database, { today: today.toString(), ruralDistrictId: ruralDistrictScope(c.get('actor'), q.ruralDistrictId), year: q.year ?? today.year });
      return c.json(dash, 200);
    },
  );
}
