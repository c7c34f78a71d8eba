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
      return (await preparedQuery(pool, text, params)).rows as T[];
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
      const client = session.client;
      if (client instanceof pg.Client) return (await preparedQuery(client, text, params, true)).rows as T[];
      return (await client.query(text, params as unknown[])).rows as T[];
    },
  };
}

/**
 * Named (server-side prepared) statements for the SQL the application sends again and again. A statement
 * sent unnamed is parsed, analysed and planned by PostgreSQL on every execution: for the case workflow's
 * statements (a step's read of the case and its one UPDATE-with-audit statement) that was about half of
 * the server's CPU per transition (bench:cases: 1.5 ms → 0.8 ms of PostgreSQL CPU per transition).
 *
 * A text is named from its third use (one-off texts — migrations, bulk statements built per call — stay
 * unnamed), up to MAX_NAMED texts per process, so every connection holds at most that many statements.
 * node-postgres parses a named statement once per connection and then sends only Bind/Execute.
 * A statement whose result columns changed under it (a `select *` over a table a migration altered while
 * the pool was open) fails with 'cached plan must not change result type': that text is never named again,
 * and outside a transaction it is sent again unnamed at once.
 */
const MAX_NAMED = 400;
/** Texts longer than this (bulk statements) are never named. */
const MAX_NAMED_LENGTH = 32_768;
const uses = new Map<string, number>();
const names = new Map<string, string>();
const neverNamed = new Set<string>();

function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined) return known;
  if (names.size >= MAX_NAMED || text.length > MAX_NAMED_LENGTH || neverNamed.has(text)) return undefined;
  const n = (uses.get(text) ?? 0) + 1;
  if (n < 3) {
    // Bounded: counting stops once many one-off texts were seen (they stay unnamed).
    if (uses.size < MAX_NAMED * 16) uses.set(text, n);
    return undefined;
  }
  uses.delete(text);
  const name = `komek_${names.size + 1}`;
  names.set(text, name);
  return name;
}

/** `inTransaction`: a failed statement aborted the transaction, so it is not retried there (the caller's retry sends it unnamed). */
async function preparedQuery(client: Pick<pg.Pool, 'query'>, text: string, params: readonly unknown[], inTransaction = false): Promise<pg.QueryResult> {
  const values = params as unknown[];
  const name = statementName(text);
  if (name === undefined) return client.query(text, values);
  try {
    return await client.query({ name, text, values });
  } catch (e) {
    if (!(e instanceof Error && /cached plan must not change result type/.test(e.message))) throw e;
    names.delete(text);
    neverNamed.add(text);
    if (inTransaction) throw e;
    return client.query(text, values);
  }
}

/** Opens the database the configuration names. */
export function openConfiguredDatabase(database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }): Promise<Database> {
  return database.kind === 'postgres' ? openDatabase({ url: database.url }) : openDatabase({ dataDir: database.dataDir });
}
