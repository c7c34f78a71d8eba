/**
 * Applies the committed SQL migrations in src/db/migrations in name order, each once, each in its own
 * transaction, under an advisory lock so that several Komek processes starting together migrate once.
 * Migrations are hand-written SQL accepted by both PostgreSQL 15 and PGlite (PostgreSQL 17/18).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './connect';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 4_242_001;

export function listMigrations(): { id: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ''), sql: readFileSync(join(MIGRATIONS_DIR, f), 'utf8') }));
}

/** Returns the ids of the migrations it applied now. */
export async function migrate(database: Database): Promise<string[]> {
  await database.exec(`create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())`);
  const applied: string[] = [];
  await database.query('select pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    const done = new Set((await database.query<{ id: string }>('select id from schema_migrations')).map((r) => r.id));
    for (const m of listMigrations()) {
      if (done.has(m.id)) continue;
      await database.exec(`begin;\n${m.sql}\n;insert into schema_migrations (id) values ('${m.id}');\ncommit;`).catch(async (e: unknown) => {
        await database.exec('rollback').catch(() => undefined);
        throw new Error(`migration ${m.id} failed: ${(e as Error).message}`);
      });
      applied.push(m.id);
    }
  } finally {
    await database.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
  }
  return applied;
}
