import { describe, it, expect, afterAll } from 'vitest';
import { createTestDatabase, postgresUrl } from '../../test/db';

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
