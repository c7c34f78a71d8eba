/**
 * Runs a database suite on a fresh migrated PGlite (in memory) and, when DATABASE_URL is set, also on a
 * fresh, uniquely named PostgreSQL database that is dropped afterwards (issue 2 item 3).
 */
import { describe, beforeAll, afterAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { loadConfig } from '../src/config';

export type DbKind = 'pglite' | 'postgres';

/** The PostgreSQL server URL when the suite should also run there (DATABASE_URL), else null. */
export function postgresUrl(): string | null {
  const c = loadConfig(process.env);
  return c.database.kind === 'postgres' ? c.database.url : null;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty migrated database of the given kind; `drop` removes it. */
export async function createTestDatabase(kind: DbKind, opts: { migrate?: boolean; poolSize?: number } = {}): Promise<{ database: Database; url: string | null; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ memory: true });
    if (opts.migrate !== false) await migrate(database);
    return { database, url: null, drop: () => database.close() };
  }
  const server = postgresUrl();
  if (!server) throw new Error('DATABASE_URL is not set');
  const name = `komek_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openDatabase({ url: server, poolSize: 1 });
  await admin.exec(`create database ${name}`);
  await admin.close();
  const url = withDatabaseName(server, name);
  const database = await openDatabase({ url, poolSize: opts.poolSize ?? 10 });
  if (opts.migrate !== false) await migrate(database);
  return {
    database,
    url,
    async drop() {
      await database.close();
      const a = await openDatabase({ url: server, poolSize: 1 });
      await a.exec(`drop database if exists ${name} with (force)`);
      await a.close();
    },
  };
}

/** The database kinds this run covers: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function dbKinds(): DbKind[] {
  return postgresUrl() ? ['pglite', 'postgres'] : ['pglite'];
}

/** `describe` once per database kind, with a fresh migrated database for the suite. */
export function describeDb(name: string, body: (getDb: () => Database, kind: DbKind) => void): void {
  for (const kind of dbKinds()) {
    describe(`${name} [${kind}]`, () => {
      let handle: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
      beforeAll(async () => {
        handle = await createTestDatabase(kind);
      });
      afterAll(async () => {
        await handle?.drop();
      });
      body(() => {
        if (!handle) throw new Error('the test database is not open yet (use it inside tests or hooks)');
        return handle.database;
      }, kind);
    });
  }
}
