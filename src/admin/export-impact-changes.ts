/**
 * The list of households that gain or lose assistance in an impact preview (issue 6 item 5), as CSV or
 * an Excel workbook with kk/ru headers, for the maslikhat's deliberation. Synthetic registry data only.
 */
import ExcelJS from 'exceljs';
import type { Sql } from '../db/connect';
import { listImpactChanges } from './preview-rules-impact';

const HEADERS: readonly { key: string; kk: string; ru: string }[] = [
  { key: 'change', kk: 'Өзгеріс', ru: 'Изменение' },
  { key: 'category', kk: 'Санат (7-т.)', ru: 'Категория (п.7)' },
  { key: 'ruralDistrictId', kk: 'Ауылдық округ', ru: 'Сельский округ' },
  { key: 'householdId', kk: 'Үй шаруашылығы', ru: 'Домохозяйство' },
  { key: 'headName', kk: 'Отбасы басшысы', ru: 'Глава семьи' },
  { key: 'headIin', kk: 'ЖСН', ru: 'ИИН' },
  { key: 'address', kk: 'Мекенжай', ru: 'Адрес' },
  { key: 'members', kk: 'Отбасы мүшелері', ru: 'Членов семьи' },
  { key: 'perCapita', kk: 'Жан басына табыс, ₸', ru: 'Среднедушевой доход, ₸' },
  { key: 'amount', kk: 'Көмек сомасы, ₸', ru: 'Сумма помощи, ₸' },
];

const CHANGE_TEXT = { gained: { kk: 'алады', ru: 'получает' }, lost: { kk: 'айырылады', ru: 'теряет' } } as const;

async function rowsOf(sql: Sql, impactId: string, lang: 'kk' | 'ru'): Promise<(string | number)[][]> {
  const rows = await listImpactChanges(sql, impactId);
  return rows.map((r) => [CHANGE_TEXT[r.change][lang], r.category, r.ruralDistrictId, r.householdId, r.headName ?? '', r.headIin ?? '', r.address ?? '', r.members, r.perCapitaTiyn / 100, r.amountTiyn / 100]);
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV (UTF-8 with BOM so spreadsheet programs read the Kazakh letters), headers in `lang`. */
export async function impactChangesCsv(sql: Sql, impactId: string, lang: 'kk' | 'ru'): Promise<string> {
  const rows = await rowsOf(sql, impactId, lang);
  const lines = [HEADERS.map((h) => h[lang]).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\n')}\n`;
}

/** Excel workbook: one sheet, bilingual header rows (kk, ru), filters, frozen header. */
export async function impactChangesXlsx(sql: Sql, impactId: string): Promise<Buffer> {
  const rows = await rowsOf(sql, impactId, 'kk');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('impact');
  ws.addRow(HEADERS.map((h) => h.kk)).font = { bold: true };
  ws.addRow(HEADERS.map((h) => h.ru)).font = { italic: true };
  for (const r of rows) ws.addRow(r);
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.columns.forEach((c, i) => (c.width = [10, 10, 16, 14, 28, 14, 36, 10, 16, 14][i] ?? 12));
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: HEADERS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
