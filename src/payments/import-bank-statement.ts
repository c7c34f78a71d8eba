/**
 * Imports a bank statement (CSV or XML of docs/payment-files.md): credited orders become paid payments
 * and actual expenditure (p.21); failed and returned orders become p.30 returns, each with its 3-working-
 * day update deadline, awaiting a re-issue to a corrected account; fees go to the local budget (p.32).
 *
 * All or nothing: the file is parsed and every line checked against the orders first; a malformed file,
 * an unknown reference, an amount that differs from the order or a contradicting status rejects the whole
 * file with the line and the reason (PAYMENT_FILE_INVALID), and nothing changes. The same file imported
 * twice (same SHA-256) changes nothing and answers the first import's figures; a line repeating a state
 * the order already has is skipped.
 */
import { createHash } from 'node:crypto';
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { returnedSumUpdateDeadline } from '../rules/deadlines';
import { parseStatementCsv, parseStatementXml } from '../adapters/bank/statement-csv';
import type { StatementLine } from '../adapters/bank/port';
import { recordActual, recordFee } from './budget-ledger';
import { loadPaymentCalendar } from './calendar';
import { almatyDay, onCalendar } from './dates';

export interface StatementImport {
  readonly statementId: number;
  readonly duplicateFile: boolean;
  readonly lines: number;
  readonly credited: number;
  readonly failed: number;
  readonly returned: number;
  readonly skipped: number;
  readonly feesTiyn: number;
}

function reject(line: number, reason: string): never {
  throw new AppError('PAYMENT_FILE_INVALID', [{ path: `line ${line}`, message: `${line}-жол: ${reason} | Строка ${line}: ${reason} | Line ${line}: ${reason}` }], { line, reason });
}

export async function importBankStatement(ctx: Ctx, input: { readonly fileName: string; readonly content: string }): Promise<StatementImport> {
  const format = input.content.trimStart().startsWith('<') ? 'xml' : 'csv';
  const parsed = format === 'xml' ? parseStatementXml(input.content) : parseStatementCsv(input.content);
  if ('problem' in parsed) reject(parsed.problem.line, parsed.problem.reason);
  const lines = parsed.lines;
  // The file line of each statement line (header is line 1 in CSV; XML lines are counted from the file).
  const lineNo = (i: number) => (format === 'csv' ? i + 2 : i + 3);
  const seen = new Map<string, number>();
  lines.forEach((l, i) => {
    const first = seen.get(l.reference);
    if (first !== undefined) reject(lineNo(i), `reference ${l.reference} repeats line ${lineNo(first)}`);
    seen.set(l.reference, i);
  });
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const cal = await loadPaymentCalendar(ctx.database);

  return runCommand(ctx, { action: 'payments.statement.import', targetType: 'bank_statement' }, async ({ sql, at }) => {
    const [dup] = await sql.query<{ id: string; lines: number; credited: number; failed: number; returned: number; fees_tiyn: string }>('select * from bank_statement where sha256 = $1', [sha256]);
    if (dup) {
      const r: StatementImport = { statementId: Number(dup.id), duplicateFile: true, lines: dup.lines, credited: dup.credited, failed: dup.failed, returned: dup.returned, skipped: dup.lines, feesTiyn: Number(dup.fees_tiyn) };
      return { result: r, targetId: dup.id, after: { duplicateFile: true } };
    }
    const orders = await sql.query<{ reference: string; id: string; status: string; amount_tiyn: string; payment_id: string; financial_year: number; programme: string }>(
      `select o.reference, o.id, o.status, o.amount_tiyn, o.payment_id, p.financial_year, p.programme
         from payment_order o join payment p on p.id = o.payment_id
        where o.reference = any($1::text[]) for update of o, p`,
      [lines.map((l) => l.reference)],
    );
    const byRef = new Map(orders.map((o) => [o.reference, o] as const));
    const apply: { line: StatementLine; order: (typeof orders)[number] }[] = [];
    let skipped = 0;
    lines.forEach((l, i) => {
      const o = byRef.get(l.reference);
      if (!o) reject(lineNo(i), `no payment order with reference ${l.reference}`);
      if (Number(o.amount_tiyn) !== l.amountTiyn) reject(lineNo(i), `amount ${l.amountTiyn} differs from the order's ${o.amount_tiyn}`);
      if (o.status === l.status) {
        skipped++;
        return;
      }
      const allowed = o.status === 'issued' || (o.status === 'credited' && l.status === 'returned');
      if (!allowed) reject(lineNo(i), `order ${l.reference} is already ${o.status}; it cannot become ${l.status}`);
      apply.push({ line: l, order: o });
    });

    const receivedOn = almatyDay(at);
    const update = onCalendar('receivedOn', () => returnedSumUpdateDeadline(cal, { dataReceivedOn: receivedOn }));
    const feesTiyn = lines.reduce((s, l) => s + l.feeTiyn, 0);
    const [st] = await sql.query<{ id: string }>(
      `insert into bank_statement (file_name, sha256, format, received_on, lines, credited, failed, returned, fees_tiyn, imported_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [input.fileName, sha256, format, receivedOn.toString(), lines.length, apply.filter((a) => a.line.status === 'credited').length, apply.filter((a) => a.line.status === 'failed').length, apply.filter((a) => a.line.status === 'returned').length, feesTiyn, at.toString()],
    );
    const statementId = Number(st!.id);

    const col = <T>(sel: (a: (typeof apply)[number]) => T, status?: string) => apply.filter((a) => !status || a.line.status === status).map(sel);
    // Orders and payments, set-based.
    await sql.query(
      `update payment_order o set status = s.status, settled_on = s.d::date, reason = s.reason
         from unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) as s(id, status, d, reason) where o.id = s.id`,
      [col((a) => a.order.id), col((a) => a.line.status), col((a) => a.line.date), col((a) => a.line.reason)],
    );
    await sql.query(
      `update payment p set status = case s.status when 'credited' then 'paid' when 'failed' then 'failed' else 'returned' end,
              paid_on = case when s.status = 'credited' then s.d::date else p.paid_on end,
              returned_tiyn = case when s.status = 'credited' then p.returned_tiyn else p.returned_tiyn + p.amount_tiyn end
         from unnest($1::bigint[], $2::text[], $3::text[]) as s(id, status, d) where p.id = s.id`,
      [col((a) => a.order.payment_id), col((a) => a.line.status), col((a) => a.line.date)],
    );
    const back = apply.filter((a) => a.line.status !== 'credited');
    if (back.length) {
      await sql.query(
        `insert into payment_return (payment_id, order_id, amount_tiyn, reason, received_on, update_due_on, update_clause, recorded_on, status)
         select s.pid, s.oid, s.amount, s.reason, $4, $5, $6, $4, 'open' from unnest($1::bigint[], $2::bigint[], $3::bigint[], $7::text[]) as s(pid, oid, amount, reason)`,
        [back.map((a) => a.order.payment_id), back.map((a) => a.order.id), back.map((a) => a.line.amountTiyn), receivedOn.toString(), update.date.toString(), update.clause, back.map((a) => a.line.reason ?? '')],
      );
    }
    // Budget: actuals for credited orders; reversals for returns of orders credited before (p.21).
    const moves = new Map<string, { year: number; programme: string; actual: bigint; reversal: bigint }>();
    for (const a of apply) {
      const key = `${a.order.financial_year}|${a.order.programme}`;
      const m = moves.get(key) ?? { year: Number(a.order.financial_year), programme: a.order.programme, actual: 0n, reversal: 0n };
      if (a.line.status === 'credited') m.actual += BigInt(a.line.amountTiyn);
      if (a.line.status === 'returned' && a.order.status === 'credited') m.reversal += BigInt(a.line.amountTiyn);
      moves.set(key, m);
    }
    const ref = `statement:${statementId}`;
    for (const m of moves.values()) {
      await recordActual(sql, { year: m.year, programme: m.programme, amountTiyn: m.actual, ref, at });
      await recordActual(sql, { year: m.year, programme: m.programme, amountTiyn: m.reversal, ref, at }, 'actual-reversal');
    }
    if (feesTiyn > 0) {
      const first = apply[0]?.order ?? orders[0]!;
      await sql.query('insert into bank_fee (statement_id, year, programme, amount_tiyn, recorded_on) values ($1, $2, $3, $4, $5)', [statementId, first.financial_year, first.programme, feesTiyn, receivedOn.toString()]);
      await recordFee(sql, { year: Number(first.financial_year), programme: first.programme, amountTiyn: feesTiyn, ref, at });
    }
    const result: StatementImport = {
      statementId,
      duplicateFile: false,
      lines: lines.length,
      credited: apply.filter((a) => a.line.status === 'credited').length,
      failed: apply.filter((a) => a.line.status === 'failed').length,
      returned: apply.filter((a) => a.line.status === 'returned').length,
      skipped,
      feesTiyn,
    };
    return { result, targetId: String(statementId), after: result };
  });
}
