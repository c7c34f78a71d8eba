import { describe, it, expect, beforeAll } from 'vitest';
import { describeDb } from '../../test/db';
import { bulkInsert, type BulkColumn } from './bulk';

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
