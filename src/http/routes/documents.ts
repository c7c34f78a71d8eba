/**
 * Printable forms of a case (PDF, kk or ru): forms 1, 2, 3, 4, 5, 6 of an application and form 1-3 of an
 * intake receipt. Whoever may see the case may print its documents (a rural akim only in their rural
 * district); a form the case has not reached yet answers DOCUMENT_NOT_AVAILABLE.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../errors';
import { assertWithinRuralDistrict } from '../../context';
import { readCase } from '../../cases/case-store';
import { renderCaseDocument } from '../../documents/case-documents';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { ErrorResponse } from '../schemas';

const APPLICATION_FORMS = ['1', '2', '3', '4', '5', '6', 'hearing'] as const;
const Lang = z.object({ lang: z.enum(['kk', 'ru']).optional().openapi({ description: 'Language of the document (default: kk, or ru when the interface is in Russian)' }) });
const Pdf = { description: 'The document (PDF)', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } } as const;

function pdfName(kind: string, number: string, lang: string): string {
  return `komek-${kind}-${number.replace(/[^A-Za-z0-9-]/g, '_')}-${lang}.pdf`;
}

export function registerDocumentRoutes(app: AppHono, routes: RouteInfo[]): void {
  defineRoute(
    app,
    routes,
    'signed-in',
    createRoute({
      method: 'get',
      path: '/api/applications/{id}/documents/{form}',
      tags: ['documents'],
      summary: 'A form of the case as PDF: 1 application, 2 survey act, 3 precinct conclusion, 4 decision, 5 grant notice, 6 refusal notice, hearing: preliminary refusal and hearing notice (p.18)',
      request: {
        params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }), form: z.enum(APPLICATION_FORMS).openapi({ param: { name: 'form', in: 'path' } }) }),
        query: Lang,
      },
      responses: { 200: Pdf, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    }),
    async (c) => {
      const { id, form } = c.req.valid('param');
      const lang = c.req.valid('query').lang ?? (c.get('lang') === 'ru' ? 'ru' : 'kk');
      const database = c.get('deps').database;
      const row = await readCase(database, c.get('actor'), id);
      const bytes = await renderCaseDocument(database, id, form, lang);
      return c.body(bytes, 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${pdfName(`form-${form}`, row.regNumber, lang)}"` });
    },
  );

  defineRoute(
    app,
    routes,
    'signed-in',
    createRoute({
      method: 'get',
      path: '/api/intake-receipts/{id}/document',
      tags: ['documents'],
      summary: 'The refusal receipt (form 1-3) as PDF',
      request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }), query: Lang },
      responses: { 200: Pdf, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND');
      const lang = c.req.valid('query').lang ?? (c.get('lang') === 'ru' ? 'ru' : 'kk');
      const database = c.get('deps').database;
      const [receipt] = await database.query<{ number: string; ruralDistrictId: string | null }>(`select number, rural_district_id as "ruralDistrictId" from intake_receipt where id = $1`, [id]);
      if (!receipt) throw new AppError('NOT_FOUND');
      const actor = c.get('actor');
      assertWithinRuralDistrict(actor, receipt.ruralDistrictId);
      const bytes = await renderCaseDocument(database, id, '1-3', lang);
      return c.body(bytes, 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${pdfName('form-1-3', receipt.number, lang)}"` });
    },
  );
}
