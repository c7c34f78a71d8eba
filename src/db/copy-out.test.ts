import { describe, expect, it } from 'vitest';
import { describeDb } from '../../test/db';
import { BinaryCopyParser, copyOut, int4At, int8At, TextInterner } from './copy-out';

const QUERY = `select g::int8 as id, case when g % 7 = 0 then null else repeat(chr(1040 + g % 32), g % 13) end as label, g::int8 * 1000003000 * (case when g % 2 = 0 then -1 else 1 end) as big, (g % 5)::int4 as small
  from generate_series(1, 30000) g`;

type Row = { id: number; label: string | null; big: number; small: number };

function collect(rows: Row[]) {
  return (buf: Buffer, at: Int32Array, len: Int32Array) => {
    rows.push({ id: int8At(buf, at[0]!), label: len[1]! < 0 ? null : buf.toString('utf8', at[1]!, at[1]! + len[1]!), big: int8At(buf, at[2]!), small: int4At(buf, at[3]!) });
  };
}

describeDb('copyOut (binary COPY into a sink)', (getDb) => {
  it('gives every tuple exactly as an ordinary query returns it: NULLs, multi-byte text, int8, int4', async () => {
    const db = getDb();
    const expected = (await db.query<{ id: string; label: string | null; big: string; small: number }>(QUERY)).map((r) => ({ id: Number(r.id), label: r.label, big: Number(r.big), small: r.small }));
    const rows: Row[] = [];
    expect(await copyOut(db, QUERY, 4, collect(rows))).toBe(30000);
    expect(rows).toEqual(expected);
  });

  it('fails with the database error when the query fails part-way, or with the sink\'s error, and the database is usable afterwards', async () => {
    const db = getDb();
    let seen = 0;
    await expect(copyOut(db, 'select 1 / (5000 - g) from generate_series(1, 10000) g', 1, () => seen++)).rejects.toThrow(/division by zero/);
    expect(seen).toBeLessThan(5000);
    let taken = 0;
    const stop = () => {
      if (++taken === 100) throw new Error('the sink stops');
    };
    await expect(copyOut(db, QUERY, 4, stop)).rejects.toThrow('the sink stops');
    for (let k = 0; k < 12; k++) expect(await db.query<{ n: number }>('select 41 + 1 as n')).toEqual([{ n: 42 }]);
    const rows: Row[] = [];
    await copyOut(db, QUERY, 4, collect(rows));
    expect(rows).toHaveLength(30000);
  });
});

describe('BinaryCopyParser', () => {
  const stream = (tuples: (Buffer | null)[][]): Buffer => {
    const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)];
    for (const t of tuples) {
      const head = Buffer.alloc(2);
      head.writeInt16BE(t.length);
      parts.push(head);
      for (const f of t) {
        const l = Buffer.alloc(4);
        l.writeInt32BE(f ? f.length : -1);
        parts.push(l, ...(f ? [f] : []));
      }
    }
    parts.push(Buffer.from([0xff, 0xff]));
    return Buffer.concat(parts);
  };

  it('reads the same tuples whatever the chunk boundaries (down to one byte at a time)', () => {
    const tuples = Array.from({ length: 50 }, (_, i) => [Buffer.from(`t${i}`.repeat(i % 4)), i % 3 ? Buffer.from([i]) : null]);
    const data = stream(tuples);
    const read = (chunk: number) => {
      const got: string[] = [];
      const p = new BinaryCopyParser(2, (buf, at, len) => got.push(`${buf.toString('utf8', at[0]!, at[0]! + len[0]!)}|${len[1]! < 0 ? 'null' : buf[at[1]!]}`));
      for (let o = 0; o < data.length; o += chunk) p.push(data.subarray(o, o + chunk));
      p.end();
      return got;
    };
    const whole = read(data.length);
    expect(whole).toHaveLength(50);
    for (const c of [1, 2, 3, 7, 64]) expect(read(c)).toEqual(whole);
  });

  it('refuses a stream that ends before its trailer, or tuples of another width', () => {
    const data = stream([[Buffer.from('a'), Buffer.from('b')]]);
    const cut = new BinaryCopyParser(2, () => undefined);
    cut.push(data.subarray(0, data.length - 2));
    expect(() => cut.end()).toThrow(/before its trailer/);
    expect(() => new BinaryCopyParser(3, () => undefined).push(data)).toThrow(/expected 3 fields/);
  });

  it('interns repeated texts from their bytes, one index per distinct text', () => {
    const interner = new TextInterner();
    const buf = Buffer.from('wagesалиментыwagespension');
    const a = interner.intern(buf, 0, 5);
    const b = interner.intern(buf, 5, Buffer.byteLength('алименты'));
    const c = interner.intern(buf, 5 + Buffer.byteLength('алименты'), 5);
    expect([a, b, c]).toEqual([0, 1, 0]);
    expect(interner.intern(buf, buf.length - 7, 7)).toBe(2);
    expect(interner.values).toEqual(['wages', 'алименты', 'pension']);
  });

  it('keeps a thousand texts apart that share length, first, middle and last bytes, and finds each again', () => {
    const texts = Array.from({ length: 1000 }, (_, i) => `a${String(i).padStart(4, '0')}bz${i % 10}z`.replace(/z\dz$/, 'zz'));
    const buf = Buffer.from(texts.join(''));
    const interner = new TextInterner();
    let o = 0;
    const first = texts.map((t) => interner.intern(buf, (o += t.length) - t.length, t.length));
    o = 0;
    const again = texts.map((t) => interner.intern(buf, (o += t.length) - t.length, t.length));
    expect(first).toEqual(texts.map((_, i) => i));
    expect(again).toEqual(first);
    expect(interner.values).toEqual(texts);
    expect(interner.intern(Buffer.from(''), 0, 0)).toBe(1000);
  });
});
