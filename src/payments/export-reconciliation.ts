/** The reconciliation (reconcile.ts) as an Excel workbook with Kazakh and Russian headers (exceljs). */
import ExcelJS from 'exceljs';
import type { Sql } from '../db/connect';
import { reconcilePayments, type ReconciliationFilter } from './reconcile';

const tenge = (tiyn: number) => tiyn / 100;

export async function exportReconciliation(database: Sql, filter: ReconciliationFilter = {}): Promise<Buffer> {
  const r = await reconcilePayments(database, filter, { differencesLimit: 100_000 });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Komek';
  const money = '#,##0.00';

  const sum = wb.addWorksheet('Салыстыру — Сверка');
  sum.columns = [
    { header: 'Кезең / Период', key: 'period', width: 12 },
    { header: 'Санат / Категория', key: 'category', width: 26 },
    { header: 'Ауылдық округ / Сельский округ', key: 'rd', width: 22 },
    { header: 'Төлемдер саны / Число выплат', key: 'n', width: 14 },
    { header: 'Шешілді, ₸ / Назначено, ₸', key: 'decided', width: 18, style: { numFmt: money } },
    { header: 'Сұраныс, ₸ / Потребность, ₸', key: 'demanded', width: 18, style: { numFmt: money } },
    { header: 'Аударылды, ₸ / Перечислено, ₸', key: 'transferred', width: 18, style: { numFmt: money } },
    { header: 'Төленді, ₸ / Выплачено, ₸', key: 'paid', width: 18, style: { numFmt: money } },
    { header: 'Қайтарылды, ₸ / Возвращено, ₸', key: 'returned', width: 18, style: { numFmt: money } },
    { header: 'Айырма, ₸ / Разница, ₸', key: 'diff', width: 18, style: { numFmt: money } },
  ];
  for (const x of r.rows) sum.addRow({ period: x.period, category: x.categoryCode, rd: x.ruralDistrictId, n: x.payments, decided: tenge(x.decidedTiyn), demanded: tenge(x.demandedTiyn), transferred: tenge(x.transferredTiyn), paid: tenge(x.paidTiyn), returned: tenge(x.returnedTiyn), diff: tenge(x.differenceTiyn) });
  const t = r.totals;
  const total = sum.addRow({ period: 'Барлығы / Итого', n: t.payments, decided: tenge(t.decidedTiyn), demanded: tenge(t.demandedTiyn), transferred: tenge(t.transferredTiyn), paid: tenge(t.paidTiyn), returned: tenge(t.returnedTiyn), diff: tenge(t.differenceTiyn) });
  total.font = { bold: true };
  sum.getRow(1).font = { bold: true };

  const diff = wb.addWorksheet('Айырмалар — Расхождения');
  diff.columns = [
    { header: 'Төлем № / Выплата №', key: 'id', width: 12 },
    { header: 'Кезең / Период', key: 'period', width: 10 },
    { header: 'ЖСН / ИИН', key: 'iin', width: 15 },
    { header: 'Алушы / Получатель', key: 'name', width: 30 },
    { header: 'Санат / Категория', key: 'category', width: 22 },
    { header: 'Ауылдық округ / Сельский округ', key: 'rd', width: 18 },
    { header: 'Сома, ₸ / Сумма, ₸', key: 'amount', width: 14, style: { numFmt: money } },
    { header: 'Күйі / Статус', key: 'status', width: 12 },
    { header: 'Күтеді / Ожидает', key: 'waiting', width: 14 },
  ];
  for (const d of r.differences) diff.addRow({ id: d.paymentId, period: d.period, iin: d.recipientIin, name: d.recipientName, category: d.categoryCode, rd: d.ruralDistrictId, amount: tenge(d.amountTiyn), status: d.status, waiting: d.waitingFor });
  diff.getRow(1).font = { bold: true };

  const b = wb.addWorksheet('Бюджет — Бюджет (21-т.)');
  b.columns = [
    { header: 'Жыл / Год', key: 'year', width: 8 },
    { header: 'Бағдарлама / Программа', key: 'programme', width: 14 },
    { header: 'Міндеттемелер, ₸ / Обязательства, ₸', key: 'c', width: 20, style: { numFmt: money } },
    { header: 'Төлемдер бойынша, ₸ / По выплатам, ₸', key: 'pc', width: 20, style: { numFmt: money } },
    { header: 'Нақты шығыс, ₸ / Фактически, ₸', key: 'p', width: 20, style: { numFmt: money } },
    { header: 'Төленгендер бойынша, ₸ / По выплаченным, ₸', key: 'pp', width: 20, style: { numFmt: money } },
    { header: 'Сәйкес / Сходится', key: 'ok', width: 12 },
  ];
  for (const x of r.budget) b.addRow({ year: x.year, programme: x.programme, c: tenge(x.committedTiyn), pc: tenge(x.paymentsCommittedTiyn), p: tenge(x.paidTiyn), pp: tenge(x.paymentsPaidTiyn), ok: x.consistent ? 'иә / да' : 'жоқ / нет' });
  b.getRow(1).font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
