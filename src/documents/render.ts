/**
 * Renders a form (template + data) as an A4 PDF in Kazakh or Russian with the embedded DejaVu Serif font
 * (assets/fonts, covers ә ғ қ ң ө ұ ү һ і), laid out like a government form: the appendix reference and
 * "Нысан/Форма" at the top right, the issuing body, the title, the number and date, labelled fields,
 * tables with borders, the clauses the document is drawn up under, signature lines and page numbers.
 * Demo (synthetic) documents carry a banner on every page and a note in the footer. Text stays extractable
 * (pdfkit embeds the font subset with its Unicode map; tested with pdftotext).
 */
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { pick, type DocLang, type DocumentData, type FieldSpec, type FormTemplate, type Row, type Scalar, type Value } from './template';
import { formatCivilDate } from '../notifications/notice-texts';

const FONT_DIR = new URL('../../assets/fonts/', import.meta.url);
const FONTS = {
  regular: readFileSync(new URL('DejaVuSerif.ttf', FONT_DIR)),
  bold: readFileSync(new URL('DejaVuSerif-Bold.ttf', FONT_DIR)),
};

const INK = '#111111';
const MUTED = '#4a4a4a';
const RULE = '#777777';
const DEMO_RED = '#b3261e';

const WORDS = {
  form: { kk: 'Нысан', ru: 'Форма' },
  appendix: {
    kk: (n: string) => `Әлеуметтік көмек көрсетудің, оның мөлшерлерін белгілеудің және мұқтаж азаматтардың жекелеген санаттарының тізбесін айқындаудың үлгілік қағидаларына ${n}-қосымша`,
    ru: (n: string) => `Приложение ${n} к Типовым правилам оказания социальной помощи, установления ее размеров и определения перечня отдельных категорий нуждающихся граждан`,
  },
  dateSuffix: { kk: ' ж.', ru: ' г.' },
  basis: { kk: 'Негіздеме', ru: 'Основание' },
  citation: {
    kk: (nums: string, rules: string) => `Құжат Қағидалардың ${nums}-тармақтарына сәйкес жасалды (${rules}).`,
    ru: (nums: string, rules: string) => `Документ составлен в соответствии с пунктами ${nums} Правил (${rules}).`,
  },
  signature: { kk: '(қолы)', ru: '(подпись)' },
  stamp: { kk: 'М.О.', ru: 'М.П.' },
  page: { kk: (i: number, n: number) => `${i}-бет, барлығы ${n}`, ru: (i: number, n: number) => `стр. ${i} из ${n}` },
  demoBanner: {
    kk: 'СИНТЕТИКАЛЫҚ ДЕРЕКТЕР · ДЕМО — ЗАҢДЫ КҮШІ ЖОҚ',
    ru: 'СИНТЕТИЧЕСКИЕ ДАННЫЕ · ДЕМО — НЕ ИМЕЕТ ЮРИДИЧЕСКОЙ СИЛЫ',
  },
  demoShort: { kk: 'ДЕМО, синтетикалық деректер', ru: 'ДЕМО, синтетические данные' },
} as const;

/** Koksu numbering of the clauses cited: `p.20.3` → `20.3`, in order, without repeats. */
export function clauseNumbers(clauses: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const c of clauses) seen.add(c.replace(/^p\./, ''));
  return [...seen].sort((a, b) => {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    return (pa[0]! - pb[0]!) || ((pa[1] ?? 0) - (pb[1] ?? 0));
  });
}

type Doc = PDFKit.PDFDocument;

class Layout {
  readonly left: number;
  readonly right: number;
  readonly width: number;
  constructor(
    readonly doc: Doc,
    readonly lang: DocLang,
  ) {
    this.left = doc.page.margins.left;
    this.right = doc.page.width - doc.page.margins.right;
    this.width = this.right - this.left;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  /** Starts a new page when `h` points do not fit. */
  ensure(h: number): void {
    if (this.doc.y + h > this.bottom) {
      this.doc.addPage();
      this.doc.y = this.doc.page.margins.top;
    }
  }
  text(s: string, x: number, y: number, width: number, opts: { font?: 'R' | 'B'; size?: number; color?: string; align?: 'left' | 'center' | 'right' | 'justify' } = {}): number {
    const d = this.doc;
    d.font(opts.font ?? 'R').fontSize(opts.size ?? 10).fillColor(opts.color ?? INK);
    const h = d.heightOfString(s, { width, align: opts.align ?? 'left' });
    d.text(s, x, y, { width, align: opts.align ?? 'left', lineGap: 1 });
    return h;
  }
  height(s: string, width: number, font: 'R' | 'B', size: number): number {
    return this.doc.font(font).fontSize(size).heightOfString(s, { width, lineGap: 1 });
  }
}

function scalarText(v: Scalar, lang: DocLang): string {
  const s = pick(v, lang).trim();
  return s === '' ? '—' : s;
}

function renderField(L: Layout, f: FieldSpec, value: Value | undefined): void {
  const { doc, lang } = L;
  const labelWidth = 180;
  switch (f.kind) {
    case 'text': {
      const label = f.label[lang];
      const v = Array.isArray(value) ? (value as Scalar[]).map((x) => scalarText(x, lang)).join('; ') : scalarText((value ?? null) as Scalar, lang);
      const h = Math.max(L.height(label, labelWidth - 8, 'R', 9), L.height(v, L.width - labelWidth, 'R', 10));
      L.ensure(h + 5);
      const y = doc.y;
      L.text(label, L.left, y + 0.5, labelWidth - 8, { size: 9, color: MUTED });
      L.text(v, L.left + labelWidth, y, L.width - labelWidth, { size: 10 });
      doc.moveTo(L.left + labelWidth, y + h + 1.5).lineTo(L.right, y + h + 1.5).lineWidth(0.3).strokeColor('#bbbbbb').stroke();
      doc.y = y + h + 5;
      return;
    }
    case 'paragraph': {
      const v = scalarText((value ?? null) as Scalar, lang);
      if (f.label) {
        L.ensure(30);
        L.text(f.label[lang], L.left, doc.y, L.width, { size: 9, color: MUTED });
        doc.y += 1;
      }
      const h = L.height(v, L.width - 10, 'R', 10);
      L.ensure(Math.min(h, 200) + 4);
      L.text(v, L.left + 10, doc.y, L.width - 10, { size: 10, align: 'justify' });
      doc.y += 5;
      return;
    }
    case 'note': {
      const s = f.text[lang];
      const h = L.height(s, L.width - 10, 'R', 9);
      L.ensure(h + 4);
      L.text(s, L.left + 10, doc.y, L.width - 10, { size: 9, align: 'justify' });
      doc.y += 4;
      return;
    }
    case 'list': {
      const items = (Array.isArray(value) ? (value as Scalar[]) : value ? [value as Scalar] : []).map((x) => scalarText(x, lang));
      if (f.label) L.text(f.label[lang], L.left, doc.y, L.width, { size: 9, color: MUTED });
      if (items.length === 0) items.push('—');
      items.forEach((item, i) => {
        const h = L.height(item, L.width - 24, 'R', 10);
        L.ensure(h + 2);
        const y = doc.y;
        L.text(items.length === 1 && item === '—' ? '' : `${i + 1}.`, L.left + 6, y, 18, { size: 10 });
        L.text(item, L.left + 24, y, L.width - 24, { size: 10 });
        doc.y = y + h + 2;
      });
      doc.y += 3;
      return;
    }
    case 'table': {
      const rows = (Array.isArray(value) ? (value as Row[]) : []) as Row[];
      if (f.label) L.text(f.label[lang], L.left, doc.y, L.width, { size: 9, color: MUTED });
      const total = f.columns.reduce((s, c) => s + c.width, 0);
      const widths = f.columns.map((c) => (c.width / total) * L.width);
      const pad = 3;
      const header = ['№', ...f.columns.map((c) => c.label[lang])];
      widths.unshift(18);
      const scale = (L.width - 18) / L.width;
      for (let i = 1; i < widths.length; i++) widths[i] = widths[i]! * scale;
      const rowHeight = (cells: string[], isHeader: boolean) =>
        Math.max(...cells.map((s, i) => L.height(s, widths[i]! - 2 * pad, isHeader ? 'B' : 'R', isHeader ? 8 : 9))) + 2 * pad;
      const drawRow = (cells: string[], isHeader: boolean) => {
        const h = rowHeight(cells, isHeader);
        if (!isHeader && doc.y + h > L.bottom) {
          // The table continues on the next page under its repeated header.
          doc.addPage();
          doc.y = doc.page.margins.top + 12;
          drawRow(header, true);
        }
        const font = isHeader ? 'B' : 'R';
        const size = isHeader ? 8 : 9;
        const y = doc.y;
        let x = L.left;
        if (isHeader) doc.rect(L.left, y, L.width, h).fillColor('#ececec').fill();
        cells.forEach((s, i) => {
          L.text(s, x + pad, y + pad, widths[i]! - 2 * pad, { font, size, align: isHeader ? 'center' : 'left' });
          doc.rect(x, y, widths[i]!, h).lineWidth(0.5).strokeColor(RULE).stroke();
          x += widths[i]!;
        });
        doc.y = y + h;
      };
      L.ensure(rowHeight(header, true) + 24);
      drawRow(header, true);
      if (rows.length === 0) drawRow(['', ...f.columns.map(() => '—')], false);
      for (const [i, r] of rows.entries()) drawRow([String(i + 1), ...f.columns.map((c) => scalarText(r[c.key] ?? null, L.lang))], false);
      doc.y += 6;
      return;
    }
  }
}

/** Renders the document; resolves to the PDF bytes. */
export function renderForm(template: FormTemplate, data: DocumentData, lang: DocLang): Promise<Uint8Array<ArrayBuffer>> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 46, bottom: 62, left: 70, right: 46 },
    bufferPages: true,
    lang: lang === 'kk' ? 'kk-KZ' : 'ru-RU',
    info: {
      Title: `${template.title[lang]}${data.number ? ` № ${data.number}` : ''}`,
      Author: data.issuer.body[lang],
      Subject: template.appendix ? WORDS.appendix[lang](template.appendix) : (template.reference?.[lang] ?? ''),
      Creator: 'Komek',
      Producer: 'Komek (pdfkit)',
      CreationDate: new Date(`${data.date}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.registerFont('R', FONTS.regular);
  doc.registerFont('B', FONTS.bold);
  const L = new Layout(doc, lang);

  // Demo banner.
  if (data.synthetic) {
    const h = 18;
    doc.rect(L.left, doc.y, L.width, h).lineWidth(1).strokeColor(DEMO_RED).stroke();
    L.text(WORDS.demoBanner[lang], L.left, doc.y + 4.5, L.width, { font: 'B', size: 8.5, color: DEMO_RED, align: 'center' });
    doc.y += h + 8;
  }

  // Appendix reference and "Нысан / Форма", top right.
  const boxW = 235;
  const boxX = L.right - boxW;
  let y = doc.y;
  if (template.appendix) {
    y += L.text(WORDS.appendix[lang](template.appendix), boxX, y, boxW, { size: 8, align: 'center' }) + 4;
    y += L.text(WORDS.form[lang], boxX, y, boxW, { font: 'B', size: 9, align: 'right' }) + 10;
  } else if (template.reference) {
    y += L.text(template.reference[lang], boxX, y, boxW, { size: 8, align: 'center' }) + 10;
  }
  doc.y = y;

  // Addressee (form 1) at the right, or the issuing body centred.
  if (template.addressee) {
    y += L.text(template.addressee[lang].replace('{body}', data.issuer.body[lang]), boxX, y, boxW, { size: 10 }) + 14;
  } else {
    y += L.text(data.issuer.body[lang], L.left + 40, y, L.width - 80, { font: 'B', size: 10, align: 'center' }) + 4;
    doc.moveTo(L.left + 40, y).lineTo(L.right - 40, y).lineWidth(0.8).strokeColor(INK).stroke();
    y += 14;
  }
  doc.y = y;

  // Title, number, place and date.
  y += L.text(template.title[lang].toUpperCase(), L.left + 20, y, L.width - 40, { font: 'B', size: 12, align: 'center' }) + 4;
  if (data.number) y += L.text(`№ ${data.number}`, L.left, y, L.width, { size: 10.5, align: 'center' }) + 6;
  L.text(data.issuer.place[lang], L.left, y, L.width / 2, { size: 10 });
  L.text(`${formatCivilDate(data.date)}${WORDS.dateSuffix[lang]}`, L.left + L.width / 2, y, L.width / 2, { size: 10, align: 'right' });
  doc.y = y + 24;

  for (const section of template.sections) {
    if (section.heading) {
      L.ensure(40);
      const hy = doc.y;
      const h = L.text(section.heading[lang], L.left, hy, L.width, { font: 'B', size: 10.5 });
      doc.moveTo(L.left, hy + h + 1).lineTo(L.right, hy + h + 1).lineWidth(0.6).strokeColor(INK).stroke();
      doc.y = hy + h + 6;
    }
    for (const f of section.fields) renderField(L, f, f.kind === 'note' ? undefined : data.values[f.key]);
    doc.y += 6;
  }

  // The clauses the document is drawn up under (Koksu numbering).
  const nums = clauseNumbers([...template.clauses, ...(data.clauses ?? [])]).join(', ');
  const citation = `${WORDS.basis[lang]}: ${WORDS.citation[lang](nums, data.issuer.rules[lang])}`;
  L.ensure(L.height(citation, L.width, 'R', 8.5) + 8);
  L.text(citation, L.left, doc.y, L.width, { size: 8.5, color: MUTED, align: 'justify' });
  doc.y += 14;

  // Signature lines.
  for (const s of template.signatures) {
    L.ensure(42);
    const sy = doc.y;
    const labelW = 190;
    const lineW = 130;
    L.text(s.label[lang], L.left, sy + 6, labelW, { size: 10 });
    doc.moveTo(L.left + labelW + 8, sy + 18).lineTo(L.left + labelW + 8 + lineW, sy + 18).lineWidth(0.6).strokeColor(INK).stroke();
    L.text(WORDS.signature[lang], L.left + labelW + 8, sy + 20, lineW, { size: 7, color: MUTED, align: 'center' });
    const name = data.signatures[s.key];
    L.text(name ?? '____________________', L.left + labelW + lineW + 20, sy + 6, L.right - (L.left + labelW + lineW + 20), { size: 10 });
    doc.y = sy + 34;
    if (s.key === 'head') {
      L.text(WORDS.stamp[lang], L.left, doc.y, 60, { size: 9, color: MUTED });
      doc.y += 14;
    }
  }

  // Page furniture: numbers, document reference, demo marking.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (data.synthetic && i > range.start) {
      L.text(WORDS.demoBanner[lang], L.left, 22, L.width, { font: 'B', size: 7.5, color: DEMO_RED, align: 'center' });
    }
    const fy = doc.page.height - 40;
    doc.moveTo(L.left, fy - 4).lineTo(L.right, fy - 4).lineWidth(0.3).strokeColor('#999999').stroke();
    const ref = `Komek · ${WORDS.form[lang]} ${template.form}${data.number ? ` · № ${data.number}` : ''}${data.synthetic ? ` · ${WORDS.demoShort[lang]}` : ''}`;
    L.text(ref, L.left, fy, L.width - 110, { size: 7.5, color: MUTED });
    L.text(WORDS.page[lang](i - range.start + 1, range.count), L.right - 110, fy, 110, { size: 7.5, color: MUTED, align: 'right' });
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return done;
}
