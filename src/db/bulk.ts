/**
 * Fast bulk insert for both drivers (PGlite and node-postgres): rows are sent in batches as one array
 * parameter per column and expanded by `unnest`, so a batch of 10,000 rows is one statement with a
 * handful of parameters — no parameter limit, no per-row round trip. Used to seed the synthetic registry
 * and by any job that writes many rows (holiday lists, payment orders).
 *
 * Arrays are sent as PostgreSQL array literals built here, so both drivers see the same text and no
 * driver-specific array serializer is involved.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Database, Sql } from './connect';

/** Column types the loader can send. */
export const BULK_TYPES = ['text', 'int2', 'int4', 'int8', 'bool', 'date', 'numeric', 'timestamptz', 'uuid', 'jsonb'] as const;
export type BulkType = (typeof BULK_TYPES)[number];

export interface BulkColumn {
  readonly name: string;
  readonly type: BulkType;
}

export interface BulkOptions {
  /** Rows per statement; 10,000 by default. */
  readonly batchSize?: number;
  /** Skip rows that violate a unique constraint instead of failing (idempotent re-runs). */
  readonly onConflictDoNothing?: boolean;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const NUMERIC_TYPES: ReadonlySet<BulkType> = new Set(['int2', 'int4', 'int8', 'numeric']);

/** One element of an array literal: NULL, a bare number/boolean, or a double-quoted escaped string. */
function element(value: unknown, type: BulkType): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if ((typeof value === 'number' || typeof value === 'bigint') && NUMERIC_TYPES.has(type)) {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`bulkInsert: ${value} is not a finite number`);
    return String(value);
  }
  const text = type === 'jsonb' && typeof value !== 'string' ? JSON.stringify(value) : String(value);
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * Runs `load` with the foreign keys, primary/unique keys and other indexes of `tables` dropped, then
 * re-creates them from their own definitions (as PostgreSQL prints them), so a bulk load into empty tables
 * builds each index once, sorted, instead of row by row. Foreign keys of other tables that point at these
 * tables are dropped and re-created too (and so re-checked). Call it inside a transaction: the DDL is
 * transactional on both drivers, so a failure leaves the schema as it was.
 */
export async function withIndexesDeferred<T>(sql: Sql, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  for (const t of tables) if (!IDENTIFIER.test(t)) throw new RangeError(`withIndexesDeferred: bad table name "${t}"`);
  const list = `{${tables.join(',')}}`;
  const foreignKeys = await sql.query<{ tbl: string; name: string; def: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
     where contype = 'f' and (conrelid::regclass::text = any($1::text[]) or confrelid::regclass::text = any($1::text[])) order by conname`,
    [list],
  );
  const keys = await sql.query<{ tbl: string; name: string; def: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def from pg_constraint
     where contype in ('p', 'u') and conrelid::regclass::text = any($1::text[]) order by conname`,
    [list],
  );
  const indexes = await sql.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
     where i.indrelid::regclass::text = any($1::text[]) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
     order by 1`,
    [list],
  );
  for (const fk of foreignKeys) await sql.query(`alter table ${fk.tbl} drop constraint ${fk.name}`);
  for (const k of keys) await sql.query(`alter table ${k.tbl} drop constraint ${k.name}`);
  for (const ix of indexes) await sql.query(`drop index ${ix.name}`);
  const result = await load();
  for (const k of keys) await sql.query(`alter table ${k.tbl} add constraint ${k.name} ${k.def}`);
  for (const ix of indexes) await sql.query(ix.def);
  for (const fk of foreignKeys) await sql.query(`alter table ${fk.tbl} add constraint ${fk.name} ${fk.def}`);
  return result;
}

/**
 * Inserts `rows` (each an array of values in `columns` order) into `table`, in batches, and returns the
 * number of rows inserted. Rows may come from a generator: only one batch is held in memory. Run it
 * inside a transaction when the whole load must be all-or-nothing.
 */
export async function bulkInsert(
  database: Sql,
  table: string,
  columns: readonly BulkColumn[],
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>,
  options: BulkOptions = {},
): Promise<number> {
  if (!IDENTIFIER.test(table)) throw new RangeError(`bulkInsert: bad table name "${table}"`);
  if (columns.length === 0) throw new RangeError('bulkInsert: no columns');
  for (const c of columns) if (!IDENTIFIER.test(c.name)) throw new RangeError(`bulkInsert: bad column name "${c.name}"`);
  const batchSize = options.batchSize ?? 10_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`bulkInsert: batchSize must be a positive integer, got ${batchSize}`);
  const statement =
    `insert into ${table} (${columns.map((c) => c.name).join(', ')}) ` +
    `select * from unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})` +
    (options.onConflictDoNothing ? ' on conflict do nothing' : '');
  const returning = options.onConflictDoNothing ? `with inserted as (${statement} returning 1) select count(*)::int as n from inserted` : null;

  let parts: string[][] = columns.map(() => []);
  let pending = 0;
  let inserted = 0;
  const flush = async (): Promise<void> => {
    if (pending === 0) return;
    const params = parts.map((p) => `{${p.join(',')}}`);
    if (returning) {
      const [row] = await database.query<{ n: number }>(returning, params);
      inserted += Number(row?.n ?? 0);
    } else {
      await database.query(statement, params);
      inserted += pending;
    }
    parts = columns.map(() => []);
    pending = 0;
  };
  for await (const row of rows) {
    if (row.length !== columns.length) throw new RangeError(`bulkInsert: a row of ${table} has ${row.length} values for ${columns.length} columns`);
    for (let i = 0; i < columns.length; i++) (parts[i] as string[]).push(element(row[i], (columns[i] as BulkColumn).type));
    pending++;
    if (pending >= batchSize) await flush();
  }
  await flush();
  return inserted;
}

// ------------------------------------------------------------------------------------------- COPY

/** A transaction that can also COPY rows in: the fastest way to load on both drivers. */
export interface BulkSession extends Sql {
  /** Loads `rows` into `table` with COPY (text format) and returns how many were sent. */
  copyRows(table: string, columns: readonly BulkColumn[], rows: Iterable<readonly unknown[]>): Promise<number>;
}

/** One value in COPY text format: \N for null, backslash escapes for \, tab, newline and return. */
function copyField(value: unknown, type: BulkType): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`copyRows: ${value} is not a finite number`);
    return String(value);
  }
  const text = type === 'jsonb' && typeof value !== 'string' ? JSON.stringify(value) : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

/** The rows of a batch as COPY text. */
export function toCopyText(columns: readonly BulkColumn[], rows: Iterable<readonly unknown[]>): { text: string; count: number } {
  const lines: string[] = [];
  for (const row of rows) {
    if (row.length !== columns.length) throw new RangeError(`copyRows: a row has ${row.length} values for ${columns.length} columns`);
    let line = '';
    for (let i = 0; i < columns.length; i++) line += (i === 0 ? '' : '\t') + copyField(row[i], (columns[i] as BulkColumn).type);
    lines.push(line);
  }
  return { text: lines.length === 0 ? '' : `${lines.join('\n')}\n`, count: lines.length };
}

function copyStatement(table: string, columns: readonly BulkColumn[], source: string): string {
  if (!IDENTIFIER.test(table)) throw new RangeError(`copyRows: bad table name "${table}"`);
  for (const c of columns) if (!IDENTIFIER.test(c.name)) throw new RangeError(`copyRows: bad column name "${c.name}"`);
  return `copy ${table} (${columns.map((c) => c.name).join(', ')}) from ${source}`;
}

/**
 * Runs `fn` in one transaction on a dedicated connection that can COPY (PGlite: COPY from a blob;
 * PostgreSQL: COPY FROM STDIN through pg-copy-streams). Commits when `fn` resolves, rolls back when it
 * throws. Uses the drivers' own clients (`db.$client`), as Drizzle exposes them.
 */
export async function withBulkSession<T>(database: Database, fn: (session: BulkSession) => Promise<T>): Promise<T> {
  const client = (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
  if (database.kind === 'pglite') {
    return (client as PGlite).transaction(async (tx: PgliteTransaction) =>
      fn({
        async query<R>(text: string, params: readonly unknown[] = []) {
          return (await tx.query<R>(text, params as unknown[])).rows;
        },
        async copyRows(table, columns, rows) {
          const { text, count } = toCopyText(columns, rows);
          if (count > 0) await tx.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([text]) });
          return count;
        },
      }),
    );
  }
  const conn = await (client as pg.Pool).connect();
  try {
    await conn.query('begin');
    const result = await fn({
      async query<R>(text: string, params: readonly unknown[] = []) {
        return (await conn.query(text, params as unknown[])).rows as R[];
      },
      async copyRows(table, columns, rows) {
        const { text, count } = toCopyText(columns, rows);
        if (count > 0) await pipeline(Readable.from([text]), conn.query(copyFromStdin(copyStatement(table, columns, 'stdin'))));
        return count;
      },
    });
    await conn.query('commit');
    return result;
  } catch (e) {
    await conn.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    conn.release();
  }
}
