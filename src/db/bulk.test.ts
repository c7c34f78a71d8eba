import { describe, it, expect, beforeAll } from 'vitest';
import { describeDb } from '../../test/db';
import { bulkInsert, withBulkSession, withIndexesDeferred, type BulkColumn } from './bulk';

const COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'int8' },
  { name: 'label', type: 'text' },
  { name: 'small', type: 'int4' },
  { name: 'flag', type: 'bool' },
  { name: 'day', type: 'date' },
  { name: 'doc', type: 'jsonb' },
];

describeDb('bulkInsert', (getDb) => {
  beforeAll(async () => {
    await getDb().exec(`create table bulk_probe (id bigint primary key, label text, small int, flag boolean, day date, doc jsonb)`);
  });

  it('round-trips awkward text, nulls, booleans, dates and json across batch boundaries', async () => {
    const db = getDb();
    const labels = ['plain', 'with "quotes"', 'back\\slash', 'comma, {braces}', 'Көксу ауданы әңғқөұүһі', '', 'NULL', '  spaced  ', null, 'new\nline'];
    const rows = labels.map((label, i) => [i + 1, label, i % 3 === 0 ? null : i * 1000, i % 2 === 0, i === 4 ? null : `2026-0${1 + (i % 9)}-15`, { i, label }]);
    const n = await bulkInsert(db, 'bulk_probe', COLUMNS, rows, { batchSize: 3 });
    expect(n).toBe(labels.length);
    const back = await db.query<{ id: string | number; label: string | null; small: number | null; flag: boolean; day: string | null; doc: { i: number; label: string | null } }>(
      'select id, label, small, flag, day::text as day, doc from bulk_probe order by id',
    );
    expect(back.map((r) => r.label)).toEqual(labels);
    expect(back.map((r) => r.small)).toEqual(rows.map((r) => r[2]));
    expect(back.map((r) => r.flag)).toEqual(rows.map((r) => r[3]));
    expect(back.map((r) => r.day)).toEqual(rows.map((r) => r[4]));
    expect(back.map((r) => r.doc.label)).toEqual(labels);
  });

  it('streams rows from a generator and skips duplicates when asked, counting only new rows', async () => {
    const db = getDb();
    function* rows(): Generator<unknown[]> {
      for (let i = 1; i <= 25; i++) yield [i, `row ${i}`, i, true, '2026-01-01', null];
    }
    const inserted = await bulkInsert(db, 'bulk_probe', COLUMNS, rows(), { batchSize: 7, onConflictDoNothing: true });
    expect(inserted).toBe(15);
    const [count] = await db.query<{ n: number }>('select count(*)::int as n from bulk_probe');
    expect(count?.n).toBe(25);
  });

  it('fails on a duplicate key without onConflictDoNothing', async () => {
    await expect(bulkInsert(getDb(), 'bulk_probe', COLUMNS, [[1, 'again', 1, true, '2026-01-01', null]])).rejects.toThrow();
  });
});

describeDb('withBulkSession and COPY', (getDb) => {
  beforeAll(async () => {
    await getDb().exec(`create table copy_probe (id bigint primary key, label text, small int, flag boolean, day date, doc jsonb);
      create table copy_child (id bigint primary key, parent_id bigint not null references copy_probe(id), note text);
      create index copy_child_parent_idx on copy_child (parent_id);
      create index copy_probe_label_idx on copy_probe (lower(label) text_pattern_ops)`);
  });

  it('copies awkward text, nulls, booleans, dates and json exactly', async () => {
    const db = getDb();
    const labels = ['tab\there', 'new\nline', 'back\\slash \\N', 'carriage\rreturn', '\\N', 'Көксу', '', null];
    const rows = labels.map((label, i) => [i + 1, label, i % 2 ? null : i, i % 3 === 0, i === 2 ? null : '2026-02-28', i === 5 ? null : { label }]);
    const n = await withBulkSession(db, (s) => s.copyRows('copy_probe', COLUMNS, rows));
    expect(n).toBe(labels.length);
    const back = await db.query<{ label: string | null; small: number | null; flag: boolean; day: string | null; doc: { label: string | null } | null }>(
      'select label, small, flag, day::text as day, doc from copy_probe order by id',
    );
    expect(back.map((r) => r.label)).toEqual(labels);
    expect(back.map((r) => r.small)).toEqual(rows.map((r) => r[2]));
    expect(back.map((r) => r.flag)).toEqual(rows.map((r) => r[3]));
    expect(back.map((r) => r.day)).toEqual(rows.map((r) => r[4]));
    expect(back.map((r) => r.doc?.label ?? null)).toEqual(labels.map((l, i) => (i === 5 ? null : l)));
  });

  it('rolls everything back when the function throws', async () => {
    const db = getDb();
    await expect(
      withBulkSession(db, async (s) => {
        await s.copyRows('copy_probe', COLUMNS, [[100, 'doomed', 1, true, '2026-01-01', null]]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query('select 1 from copy_probe where id = 100')).toEqual([]);
  });

  it('drops keys, indexes and foreign keys during a load and puts the same ones back', async () => {
    const db = getDb();
    const schemaOf = async () =>
      (await db.query<{ d: string }>(
        `select pg_get_indexdef(indexrelid) as d from pg_index where indrelid::regclass::text in ('copy_probe', 'copy_child')
         union all select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where conrelid::regclass::text in ('copy_probe', 'copy_child') order by 1`,
      )).map((r) => r.d);
    const before = await schemaOf();
    expect(before.some((d) => d.includes('FOREIGN KEY'))).toBe(true);
    let during: string[] = [];
    await withBulkSession(db, (s) =>
      withIndexesDeferred(s, ['copy_probe', 'copy_child'], async () => {
        during = (await s.query<{ d: string }>(`select indexrelid::regclass::text as d from pg_index where indrelid::regclass::text in ('copy_probe', 'copy_child')`)).map((r) => r.d);
        await s.copyRows('copy_probe', COLUMNS, [[200, 'p', 1, true, '2026-01-01', null]]);
        await s.copyRows('copy_child', [{ name: 'id', type: 'int8' }, { name: 'parent_id', type: 'int8' }, { name: 'note', type: 'text' }], [[1, 200, 'child']]);
      }),
    );
    expect(during).toEqual([]);
    expect(await schemaOf()).toEqual(before);
  });

  it('re-checks foreign keys when they are put back, so a broken load fails as a whole', async () => {
    const db = getDb();
    await expect(
      withBulkSession(db, (s) =>
        withIndexesDeferred(s, ['copy_child'], () => s.copyRows('copy_child', [{ name: 'id', type: 'int8' }, { name: 'parent_id', type: 'int8' }, { name: 'note', type: 'text' }], [[2, 999_999, 'orphan']])),
      ),
    ).rejects.toThrow();
    expect(await db.query('select 1 from copy_child where id = 2')).toEqual([]);
  });
});

describe('bulkInsert input checks', () => {
  const noDb = { query: async () => [] };
  it('rejects table and column names that are not plain identifiers', async () => {
    await expect(bulkInsert(noDb, 'x; drop table y', COLUMNS, [])).rejects.toThrow(RangeError);
    await expect(bulkInsert(noDb, 'ok', [{ name: 'a"b', type: 'text' }], [])).rejects.toThrow(RangeError);
  });
  it('rejects a row whose length does not match the columns', async () => {
    await expect(bulkInsert(noDb, 'ok', COLUMNS, [[1, 'short']])).rejects.toThrow(/2 values for 6 columns/);
  });
  it('sends nothing for no rows', async () => {
    let calls = 0;
    const counting = { query: async () => { calls++; return []; } };
    expect(await bulkInsert(counting, 'ok', COLUMNS, [])).toBe(0);
    expect(calls).toBe(0);
  });
});
