/**
 * Fast bulk insert for both drivers (PGlite and node-postgres): rows are sent in batches as one array
 * parameter per column and expanded by `unnest`, so a batch of 10,000 rows is one statement with a
 * handful of parameters — no parameter limit, no per-row round trip. Used to seed the synthetic registry
 * and by any job that writes many rows (holiday lists, payment orders).
 *
 * Arrays are sent as PostgreSQL array literals built here, so both drivers see the same text and no
 * driver-specific array serializer is involved.
 */
import type { Sql } from './connect';

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
