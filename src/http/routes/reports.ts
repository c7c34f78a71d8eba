/**
 * Reports (issue 6 item 7): Excel exports of the registers for a period and rural district (kk/ru
 * headers), and a printable summary (HTML print view) of the dashboard's figures.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { REGISTERS, exportRegisterXlsx } from '../../admin/export-register';
import { getDashboard } from '../../admin/get-dashboard';
import { isoDate } from '../../rules/district/schema';
import { defineRoute, type AppHono, type RouteInfo } from '../route';
import { ErrorResponse } from '../schemas';
import { ruralDistrictScope } from '../../context';

const READERS = ['ADMIN', 'AUDITOR', 'HEAD', 'SPECIALIST', 'ACCOUNTANT', 'RURAL_AKIM'] as const;
const Period = z.object({ from: isoDate, to: isoDate, ruralDistrictId: z.string().max(64).optional() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
const tenge = (tiyn: number) => (tiyn / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function registerReportRoutes(app: AppHono, routes: RouteInfo[]): void {
  defineRoute(
    app,
    routes,
    READERS,
    createRoute({
      method: 'get',
      path: '/api/reports/registers/{register}',
      tags: ['reports'],
      summary: 'A register (applications, decisions, recipients, payments, terminations) for a period, in Excel with kk/ru headers',
      request: { params: z.object({ register: z.enum(REGISTERS) }), query: Period },
      responses: { 200: { description: 'Workbook', content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } }, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    }),
    async (c) => {
      const { register } = c.req.valid('param');
      const q = c.req.valid('query');
      const rd = ruralDistrictScope(c.get('actor'), q.ruralDistrictId);
      const bytes = await exportRegisterXlsx(c.get('deps').database, register, { from: q.from, to: q.to, ruralDistrictId: rd });
      return c.body(new Uint8Array(bytes), 200, { 'content-type': XLSX, 'content-disposition': `attachment; filename="komek-${register}-${q.from}-${q.to}${rd ? `-${rd}` : ''}.xlsx"` });
    },
  );

  defineRoute(
    app,
    routes,
    READERS,
    createRoute({
      method: 'get',
      path: '/api/reports/summary.html',
      tags: ['reports'],
      summary: 'A printable summary (kk/ru) of applications, decisions, refusals, budget and payments',
      request: { query: z.object({ year: z.coerce.number().int().min(2000).max(2100), ruralDistrictId: z.string().max(64).optional() }) },
      responses: { 200: { description: 'HTML print view', content: { 'text/html': { schema: z.string() } } }, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    }),
    async (c) => {
      const deps = c.get('deps');
      const q = c.req.valid('query');
      const rd = ruralDistrictScope(c.get('actor'), q.ruralDistrictId);
      const today = deps.clock.now().toZonedDateTimeISO('Asia/Almaty').toPlainDate().toString();
      const d = await getDashboard(deps.database, { today, ruralDistrictId: rd, year: q.year });
      const table = (title: string, head: string[], rows: unknown[][], available: boolean) =>
        `<h2>${esc(title)}</h2>` +
        (available
          ? `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`).join('') || `<tr><td colspan="${head.length}">—</td></tr>`}</tbody></table>`
          : '<p class="na">Деректер жоқ: кесте әлі құрылмаған / Нет данных: таблица ещё не создана</p>');
      const html = `<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>Komek — ${q.year}</title>
<style>body{font:13px/1.4 "DejaVu Sans",Arial,sans-serif;margin:24px;color:#111}h1{font-size:18px}h2{font-size:14px;margin-top:20px}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:3px 6px;text-align:left}td:last-child,th:last-child{text-align:right}.na{color:#777}@media print{button{display:none}}</style></head><body>
<button onclick="print()">Басып шығару / Печать</button>
<h1>Әлеуметтік көмек: жиынтық есеп / Социальная помощь: сводный отчёт — ${q.year}${rd ? ` (${esc(rd)})` : ''}</h1><p>${esc(today)}</p>
${table('Өтініштер мәртебе бойынша / Заявления по статусам', ['Мәртебе / Статус', 'Саны / Кол-во'], d.applicationsByStatus.rows.map((r) => [r.status, r.count]), d.applicationsByStatus.available)}
${table('Мерзімдер / Сроки', ['Рөл / Роль', 'Уақытында / В срок', 'Қауіп / Под угрозой', 'Өтіп кетті / Просрочено'], d.deadlines.rows.map((r) => [r.role, r.onTime, r.atRisk, r.overdue]), d.deadlines.available)}
${table('Шешімдер / Решения', ['Негіз / Основание', 'Санат / Категория', 'Нәтиже / Итог', 'Саны / Кол-во', 'Сома, ₸ / Сумма, ₸'], d.decisions.rows.map((r) => [r.ground ?? '—', r.category, r.outcome, r.count, tenge(r.amountTiyn)]), d.decisions.available)}
${table('Бас тартулар (20-т.) / Отказы (п.20)', ['Тармақ / Пункт', 'Саны / Кол-во'], d.refusalsByClause.rows.map((r) => [r.clause, r.count]), d.refusalsByClause.available)}
${table('Бюджет (21-т.) / Бюджет (п.21)', ['Бағдарлама / Программа', 'Бөлінген / Выделено', 'Міндеттеме / Обязательства', 'Төленді / Выплачено'], d.budget.rows.map((r) => [r.programme, tenge(r.allocatedTiyn), tenge(r.committedTiyn), tenge(r.paidTiyn)]), d.budget.available)}
${table('Төлемдер айлар бойынша / Выплаты по месяцам', ['Ай / Месяц', 'Күйі / Состояние', 'Саны / Кол-во', 'Сома, ₸ / Сумма, ₸'], d.paymentsByMonth.rows.map((r) => [r.month, r.status, r.count, tenge(r.amountTiyn)]), d.paymentsByMonth.available)}
</body></html>`;
      return c.body(html, 200, { 'content-type': 'text/html; charset=utf-8' });
    },
  );
}
