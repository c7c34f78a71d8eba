/**
 * Opens Komek's database: embedded PGlite (the default, data in a directory, or in memory for tests) or
 * PostgreSQL through node-postgres when DATABASE_URL is set. Both speak the same schema and the same SQL.
 *
 * Durability of the embedded mode: PGlite writes its files through on every commit but does not fsync, so
 * a killed process loses nothing acknowledged, while a power loss may. Production runs PostgreSQL.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { mkdirSync } from 'node:fs';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A raw SQL runner usable both on the database and inside a transaction. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs several statements separated by semicolons (migrations). */
  exec(text: string): Promise<void>;
  /** One transaction; `sql` runs raw SQL inside it, `tx` is Drizzle bound to it. */
  transaction<T>(fn: (t: { sql: Sql; tx: Tx }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseOptions = { dataDir: string } | { url: string; poolSize?: number } | { memory: true };

// node-postgres: keep int8 and numeric as strings (money is integer tiyn; callers convert explicitly),
// and civil dates as 'YYYY-MM-DD' strings, never JS Dates shifted by the server's time zone.
pg.types.setTypeParser(1082, (v: string) => v);

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if ('url' in opts) return openPostgres(opts.url, opts.poolSize ?? 10);
  let client: PGlite;
  if ('dataDir' in opts) {
    mkdirSync(opts.dataDir, { recursive: true });
    client = await PGlite.create(opts.dataDir, { parsers: { 1082: (v: string) => v } });
  } else {
    client = await PGlite.create({ parsers: { 1082: (v: string) => v } });
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const sqlOf = (q: Pick<PGlite, 'query'>): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await q.query<T>(text, params as unknown[])).rows;
    },
  });
  return {
    kind: 'pglite',
    db,
    ...sqlOf(client),
    async exec(text) {
      await client.exec(text);
    },
    async transaction(fn) {
      return db.transaction(async (tx) => fn({ tx, sql: txSql(tx) }));
    },
    async close() {
      await client.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server ends (a restart, a failover, a dropped database) is removed from the
  // pool, which opens a new one on demand; without this listener node-postgres would crash the process.
  pool.on('error', () => undefined);
  await pool.query('select 1');
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await pool.query(text, params as unknown[])).rows as T[];
    },
    async exec(text) {
      await pool.query(text);
    },
    async transaction(fn) {
      return db.transaction(async (tx) => fn({ tx, sql: txSql(tx) }));
    },
    async close() {
      await pool.end();
    },
  };
}

/** Raw SQL bound to a Drizzle transaction, with positional parameters on both drivers. */
function txSql(tx: Tx): Sql {
  const session = (tx as unknown as { session: { client: { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> } } }).session;
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await session.client.query(text, params as unknown[])).rows as T[];
    },
  };
}

/** Opens the database the configuration names. */
export function openConfiguredDatabase(database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }): Promise<Database> {
  return database.kind === 'postgres' ? openDatabase({ url: database.url }) : openDatabase({ dataDir: database.dataDir });
}
