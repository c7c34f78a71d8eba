/**
 * The district's categories of needy citizens (p.7) and grounds (p.6) as the intake screens need them:
 * names, ground, periodicity, whether income is tested, and the documents to check at intake (p.11).
 * Read from the district configuration (src/rules/districts); example entries are flagged; a category
 * given per rules version appears once, in its newest wording.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { caseEnv } from '../../cases/case-env';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { json } from '../schemas';

const Category = z
  .object({
    code: z.string(),
    name_kk: z.string(),
    name_ru: z.string(),
    ground: z.string().nullable(),
    periodicity: z.string(),
    incomeTest: z.boolean(),
    example: z.boolean(),
    requiredDocuments: z.array(z.object({ code: z.string(), name_kk: z.string(), name_ru: z.string() })),
  })
  .openapi('Category');
const Ground = z.object({ code: z.string(), text_kk: z.string(), text_ru: z.string(), surveyRequired: z.boolean() }).openapi('Ground');

export function registerCategoryRoutes(app: AppHono, routes: RouteInfo[]): void {
  defineRoute(
    app,
    routes,
    'signed-in',
    createRoute({
      method: 'get',
      path: '/api/categories',
      tags: ['applications'],
      summary: 'Categories (p.7) and grounds (p.6) of the district, with the documents checked at intake (p.11)',
      responses: { 200: { description: 'Categories and grounds', content: json(z.object({ categories: z.array(Category), grounds: z.array(Ground) })) } },
    }),
    async (c) => {
      const { config } = caseEnv();
      return c.json(
        {
          // A category listed once per rules version (e.g. 7.11 of 15-63 and of 35-140): the last entry,
          // the newest wording, is the one intake uses.
          categories: [...new Map(config.categories.map((k) => [k.code, k] as const)).values()].map((k) => ({
            code: k.code,
            name_kk: k.name_kk,
            name_ru: k.name_ru,
            ground: k.ground,
            periodicity: k.periodicity,
            incomeTest: k.incomeTest.required,
            example: k.example ?? false,
            requiredDocuments: k.requiredDocuments.map((d) => ({ code: d.code, name_kk: d.name_kk, name_ru: d.name_ru })),
          })),
          grounds: config.grounds.map((g) => ({ code: g.code, text_kk: g.text_kk, text_ru: g.text_ru, surveyRequired: g.surveyRequired })),
        },
        200,
      );
    },
  );
}
