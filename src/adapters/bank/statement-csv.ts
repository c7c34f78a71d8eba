/**
 * The file formats exchanged with the State Corporation / payment organisations (docs/payment-files.md):
 * semicolon-separated UTF-8 CSV with a header row (fields quoted with "" when they contain ; " or a line
 * break) and a flat XML. Rendering and strict parsing live together so both sides agree.
 */
import { BANK_REASONS, STATEMENT_STATUSES, type StatementLine } from './port';

export const STATEMENT_CSV_HEADER = ['reference', 'status', 'amount_tiyn', 'date', 'reason', 'fee_tiyn'] as const;

/** One CSV field, quoted when needed. */
export function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Splits CSV text into records of fields; throws `CsvSyntaxError` with the 1-based line of a broken quote. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < body.length) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        if (i < body.length && body[i] !== ';' && body[i] !== '\n' && body[i] !== '\r') throw new CsvSyntaxError(line, 'text after a closing quote');
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
      quoted = true;
      i++;
    } else if (c === ';') {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && body[i + 1] === '\n') i++;
      i++;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, 'an unclosed quote');
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

export function renderStatementCsv(lines: readonly StatementLine[]): string {
  const out = [STATEMENT_CSV_HEADER.join(';')];
  for (const l of lines) out.push([l.reference, l.status, l.amountTiyn, l.date, l.reason, l.feeTiyn].map(csvField).join(';'));
  return out.join('\n') + '\n';
}

export interface StatementProblem {
  readonly line: number;
  readonly reason: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WHOLE = /^(0|[1-9]\d{0,15})$/;

function validDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Checks one statement line's fields; returns the line or the reason it is malformed. */
export function statementLineOf(f: Record<(typeof STATEMENT_CSV_HEADER)[number], string>): StatementLine | string {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(f.reference)) return `reference "${f.reference}" is not a payment order reference`;
  if (!(STATEMENT_STATUSES as readonly string[]).includes(f.status)) return `status "${f.status}" is not one of ${STATEMENT_STATUSES.join(', ')}`;
  if (!WHOLE.test(f.amount_tiyn) || Number(f.amount_tiyn) <= 0) return `amount_tiyn "${f.amount_tiyn}" is not a positive whole number`;
  if (!validDate(f.date)) return `date "${f.date}" is not a valid YYYY-MM-DD date`;
  if (f.status === 'credited' && f.reason !== '') return 'a credited line has no reason';
  if (f.status !== 'credited' && !(BANK_REASONS as readonly string[]).includes(f.reason)) return `reason "${f.reason}" is not one of ${BANK_REASONS.join(', ')}`;
  if (!WHOLE.test(f.fee_tiyn)) return `fee_tiyn "${f.fee_tiyn}" is not a whole number`;
  return { reference: f.reference, status: f.status as StatementLine['status'], amountTiyn: Number(f.amount_tiyn), date: f.date, reason: f.status === 'credited' ? null : (f.reason as StatementLine['reason']), feeTiyn: Number(f.fee_tiyn) };
}

/** Parses a statement CSV strictly: the whole file or the first problem (line and reason). */
export function parseStatementCsv(text: string): { lines: StatementLine[] } | { problem: StatementProblem } {
  let records: { line: number; fields: string[] }[];
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { problem: { line: e.line, reason: e.message } };
    throw e;
  }
  const [head, ...rest] = records;
  if (!head || head.fields.join(';') !== STATEMENT_CSV_HEADER.join(';')) return { problem: { line: head?.line ?? 1, reason: `the header must be ${STATEMENT_CSV_HEADER.join(';')}` } };
  if (rest.length === 0) return { problem: { line: 2, reason: 'the statement has no lines' } };
  const lines: StatementLine[] = [];
  for (const r of rest) {
    if (r.fields.length !== STATEMENT_CSV_HEADER.length) return { problem: { line: r.line, reason: `expected ${STATEMENT_CSV_HEADER.length} fields, found ${r.fields.length}` } };
    const rec = Object.fromEntries(STATEMENT_CSV_HEADER.map((h, i) => [h, r.fields[i]!])) as Record<(typeof STATEMENT_CSV_HEADER)[number], string>;
    const l = statementLineOf(rec);
    if (typeof l === 'string') return { problem: { line: r.line, reason: l } };
    lines.push(l);
  }
  return { lines };
}

function xmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderStatementXml(lines: readonly StatementLine[]): string {
  const body = lines.map((l) => `  <Line reference="${xmlAttr(l.reference)}" status="${l.status}" amountTiyn="${l.amountTiyn}" date="${l.date}" reason="${l.reason ?? ''}" feeTiyn="${l.feeTiyn}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Statement xmlns="urn:komek:bank-statement:1">\n${body.join('\n')}\n</Statement>\n`;
}

/** Parses a statement XML strictly (the flat format of docs/payment-files.md). */
export function parseStatementXml(text: string): { lines: StatementLine[] } | { problem: StatementProblem } {
  const rows = text.split(/\r?\n/);
  const lineNo = (idx: number) => idx + 1;
  let opened = false;
  let closed = false;
  const lines: StatementLine[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.trim();
    if (row === '' || (i === 0 && /^<\?xml version="1\.0" encoding="UTF-8"\?>$/.test(row))) continue;
    if (closed) return { problem: { line: lineNo(i), reason: 'content after </Statement>' } };
    if (!opened) {
      if (!/^<Statement xmlns="urn:komek:bank-statement:1">$/.test(row)) return { problem: { line: lineNo(i), reason: 'expected <Statement xmlns="urn:komek:bank-statement:1">' } };
      opened = true;
      continue;
    }
    if (row === '</Statement>') {
      closed = true;
      continue;
    }
    const m = /^<Line((?:\s+[a-zA-Z]+="[^"]*")*)\s*\/>$/.exec(row);
    if (!m) return { problem: { line: lineNo(i), reason: 'expected <Line .../> or </Statement>' } };
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([a-zA-Z]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const keys = ['reference', 'status', 'amountTiyn', 'date', 'reason', 'feeTiyn'];
    const missing = keys.filter((k) => !(k in attrs));
    if (missing.length) return { problem: { line: lineNo(i), reason: `missing attribute(s) ${missing.join(', ')}` } };
    const l = statementLineOf({ reference: attrs.reference!, status: attrs.status!, amount_tiyn: attrs.amountTiyn!, date: attrs.date!, reason: attrs.reason!, fee_tiyn: attrs.feeTiyn! });
    if (typeof l === 'string') return { problem: { line: lineNo(i), reason: l } };
    lines.push(l);
  }
  if (!opened || !closed) return { problem: { line: rows.length, reason: 'the <Statement> element is not closed' } };
  if (lines.length === 0) return { problem: { line: rows.length, reason: 'the statement has no lines' } };
  return { lines };
}
