import { describe, it, expect, afterAll } from 'vitest';
import { createTestDatabase, postgresUrl } from '../../test/db';
import { openDatabase } from './connect';

// Named statements exist only on PostgreSQL (node-postgres); PGlite parses every statement as before.
describe.skipIf(!postgresUrl())('PostgreSQL: repeated statements are prepared once per connection', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  afterAll(async () => {
    await handle?.drop();
  });

  it('names a text from its third use, keeps results right, and survives a table altered under it', async () => {
    handle = await createTestDatabase('postgres', { migrate: false, poolSize: 1 });
    const db = handle.database;
    await db.exec('create table prep_probe (id int primary key, label text)');
    await db.query('insert into prep_probe (id, label) values ($1, $2), ($3, $4)', [1, 'бір', 2, 'екі']);
    const text = 'select * from prep_probe where id = $1';
    const prepared = () => db.query<{ n: string }>(`select count(*)::text as n from pg_prepared_statements where statement = $1`, [text]);
    for (const id of [1, 2]) expect(await db.query(text, [id])).toHaveLength(1);
    expect((await prepared())[0]!.n).toBe('0');
    expect(await db.query<{ label: string }>(text, [2])).toEqual([{ id: 2, label: 'екі' }]);
    expect((await prepared())[0]!.n).toBe('1');
    // Inside a transaction the same named statement is used on the transaction's connection.
    const inTx = await db.transaction(({ sql }) => sql.query<{ label: string }>(text, [1]));
    expect(inTx).toEqual([{ id: 1, label: 'бір' }]);

    // A column added under the prepared `select *`: PostgreSQL refuses the cached plan, the text is sent unnamed.
    await db.exec('alter table prep_probe add column extra int');
    expect(await db.query(text, [1])).toEqual([{ id: 1, label: 'бір', extra: null }]);
    expect(await db.query(text, [2])).toEqual([{ id: 2, label: 'екі', extra: null }]);
  });
});

describe.skipIf(!postgresUrl())('PostgreSQL: large values are compressed with lz4 after migration 0048', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  afterAll(async () => {
    await handle?.drop();
  });

  it('stores a new large value with lz4 (the database default set by the migration)', async () => {
    handle = await createTestDatabase('postgres');
    const available = await handle.database.query<{ lz4: boolean }>(`select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`);
    if (!available[0]?.lz4) return; // a server built without lz4 keeps pglz (the migration leaves it)
    // A new connection picks up the database's setting.
    const fresh = await openDatabase({ url: handle.url!, poolSize: 1 });
    try {
      await fresh.exec('create table lz_probe (doc text)');
      await fresh.query(`insert into lz_probe values (repeat('Көмек ', 2000))`);
      const [row] = await fresh.query<{ method: string }>('select pg_column_compression(doc) as method from lz_probe');
      expect(row!.method).toBe('lz4');
    } finally {
      await fresh.close();
    }
  });
});
