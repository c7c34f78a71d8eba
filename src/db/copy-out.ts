/**
 * Reads query results in PostgreSQL's binary COPY format on both drivers, without building row objects:
 * the fastest way to stream millions of rows into typed arrays (the impact preview reads the whole
 * registry this way). PostgreSQL: `COPY (query) TO STDOUT (FORMAT binary)` read off the socket (CopyOutQuery
 * below), on a connection of its own, so several reads can run at once; PGlite: `COPY (query) TO '/dev/blob'`, one
 * buffer. COPY takes no parameters: callers inline only numbers and validated literals.
 *
 * Format (PostgreSQL docs, "COPY — Binary Format"): an 11-byte signature, flags (int32), header extension
 * (int32 length + bytes); then per tuple an int16 field count (-1 ends the data) and per field an int32
 * length (-1 = NULL) followed by the value in the type's binary send format (big-endian).
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from './connect';

/**
 * Called once per tuple: `buf` holds the tuple, field k starts at `at[k]` and is `len[k]` bytes long
 * (-1 for NULL). The buffer is only valid during the call.
 */
export type TupleSink = (buf: Buffer, at: Int32Array, len: Int32Array) => void;

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** Incremental parser of the binary COPY stream: feed chunks in order, then `end()`. */
export class BinaryCopyParser {
  private rest: Buffer | null = null;
  private headerDone = false;
  private finished = false;
  private readonly at: Int32Array;
  private readonly len: Int32Array;
  tuples = 0;

  constructor(
    private readonly fields: number,
    private readonly sink: TupleSink,
  ) {
    this.at = new Int32Array(fields);
    this.len = new Int32Array(fields);
  }

  push(chunk: Buffer): void {
    this.pushRange(chunk, 0, chunk.length);
  }

  /** Feeds bytes [start, end) of `chunk` (not copied unless a tuple continues in the next bytes). */
  pushRange(chunk: Buffer, start: number, end: number): void {
    let buf = chunk;
    let o = start;
    let n = end;
    if (this.rest) {
      buf = Buffer.concat([this.rest, chunk.subarray(start, end)]);
      o = 0;
      n = buf.length;
      this.rest = null;
    }
    if (!this.headerDone) {
      if (n - o < 19) {
        this.rest = Buffer.from(buf.subarray(o, n));
        return;
      }
      if (!buf.subarray(o, o + 11).equals(SIGNATURE)) throw new Error('copy-out: not a binary COPY stream');
      const ext = buf.readInt32BE(o + 15);
      if (n - o < 19 + ext) {
        this.rest = Buffer.from(buf.subarray(o, n));
        return;
      }
      o += 19 + ext;
      this.headerDone = true;
    }
    const { at, len, fields } = this;
    while (o + 2 <= n) {
      const count = buf.readInt16BE(o);
      if (count === -1) {
        this.finished = true;
        o += 2;
        break;
      }
      if (count !== fields) throw new Error(`copy-out: expected ${fields} fields per tuple, got ${count}`);
      let p = o + 2;
      let complete = true;
      for (let k = 0; k < fields; k++) {
        if (p + 4 > n) {
          complete = false;
          break;
        }
        const l = buf.readInt32BE(p);
        p += 4;
        at[k] = p;
        len[k] = l;
        if (l > 0) p += l;
        if (p > n) {
          complete = false;
          break;
        }
      }
      if (!complete) break;
      this.sink(buf, at, len);
      this.tuples++;
      o = p;
    }
    if (o < n && !this.finished) this.rest = Buffer.from(buf.subarray(o, n));
  }

  end(): void {
    if (!this.finished) throw new Error('copy-out: the COPY stream ended before its trailer');
  }
}

/**
 * `COPY … TO STDOUT` as a node-postgres Submittable that reads the protocol itself (after pg-copy-streams'
 * copy-to, whose framing costs more than the tuples at millions of rows): CopyData messages (one per
 * tuple) are parsed where they lie in the socket's chunks, without slicing or joining them; at CopyDone or
 * an ErrorResponse the connection's own parser gets the socket back, with the bytes not yet read, and
 * completes (or fails) the query as usual.
 */
class CopyOutQuery {
  private connection: { stream: NodeJS.ReadableStream & { listeners(e: 'data'): ((b: Buffer) => void)[] } } | null = null;
  private pgHandler: ((b: Buffer) => void) | null = null;
  private readonly onData = (chunk: Buffer) => this.parse(chunk);
  /** A message that continues in the next chunk. */
  private partial: Buffer | null = null;
  private settle: { resolve: () => void; reject: (e: unknown) => void } | null = null;
  readonly done: Promise<void>;

  constructor(
    readonly text: string,
    private readonly parser: BinaryCopyParser,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: { stream: NodeJS.ReadableStream & { listeners(e: 'data'): ((b: Buffer) => void)[] }; query(text: string): void }): void {
    this.connection = connection;
    const handlers = connection.stream.listeners('data');
    if (handlers.length !== 1) throw new Error('copy-out: unexpected listeners on the connection');
    this.pgHandler = handlers[0]!;
    connection.stream.removeListener('data', this.pgHandler);
    connection.stream.on('data', this.onData);
    connection.query(this.text);
  }

  private parse(input: Buffer): void {
    let buf = input;
    if (this.partial) {
      buf = Buffer.concat([this.partial, input]);
      this.partial = null;
    }
    const n = buf.length;
    let o = 0;
    try {
      while (o + 5 <= n) {
        const code = buf[o]!;
        const size = buf.readUInt32BE(o + 1);
        if (code === 0x45 /* E: ErrorResponse */ || code === 0x63 /* c: CopyDone */) {
          this.detach(code === 0x63 ? buf.subarray(o + 1 + size) : buf.subarray(o));
          return;
        }
        if (o + 1 + size > n) break;
        // d: CopyData; H: CopyOutResponse and asynchronous notices/parameters are skipped.
        if (code === 0x64) this.parser.pushRange(buf, o + 5, o + 1 + size);
        o += 1 + size;
      }
    } catch (e) {
      this.settle?.reject(e);
      this.settle = null;
      // The connection is mid-COPY: end it; the pool discards it (release(true) by the caller).
      (this.connection?.stream as unknown as { destroy(): void }).destroy();
      return;
    }
    if (o < n) this.partial = Buffer.from(buf.subarray(o));
  }

  private detach(rest: Buffer): void {
    const stream = this.connection!.stream;
    stream.removeListener('data', this.onData);
    stream.on('data', this.pgHandler!);
    if (rest.length) this.pgHandler!(rest);
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    try {
      this.parser.end();
      this.settle?.resolve();
    } catch (e) {
      this.settle?.reject(e);
    }
    this.settle = null;
  }

  handleError(error: unknown): void {
    if (this.connection && this.pgHandler && this.connection.stream.listeners('data').includes(this.onData)) this.detach(Buffer.alloc(0));
    this.settle?.reject(error);
    this.settle = null;
  }
}

/**
 * Maps short text fields that repeat (codes: income types, rural districts) to small integers straight
 * from the bytes, without making a string per row (at millions of rows, the strings' garbage costs more
 * than the reading).
 */
export class TextInterner {
  readonly values: string[] = [];
  private readonly bytes: Buffer[] = [];
  /** Open addressing on a hash of the length and the first and last bytes: index + 1, 0 = empty. */
  private table = new Int32Array(64);

  /** The index of the text in bytes [at, at + len) of `buf`, adding it when new. */
  intern(buf: Buffer, at: number, len: number): number {
    const end = at + len;
    let h = len * 0x9e3779b1;
    if (len > 0) h = Math.imul(h ^ buf[at]!, 0x01000193) ^ Math.imul(buf[end - 1]!, 0x2c1b3c6d) ^ (len > 2 ? Math.imul(buf[at + (len >> 1)]!, 0x297a2d39) : 0);
    const mask = this.table.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const e = this.table[slot]!;
      if (e === 0) break;
      const b = this.bytes[e - 1]!;
      if (b.length === len) {
        let k = 0;
        while (k < len && b[k] === buf[at + k]) k++;
        if (k === len) return e - 1;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.values.length;
    this.values.push(buf.toString('utf8', at, end));
    this.bytes.push(Buffer.from(buf.subarray(at, end)));
    this.table[slot] = index + 1;
    if (this.values.length * 2 > this.table.length) this.grow();
    return index;
  }

  private grow(): void {
    const old = this.bytes;
    this.table = new Int32Array(this.table.length * 4);
    const mask = this.table.length - 1;
    old.forEach((b, i) => {
      const len = b.length;
      let h = len * 0x9e3779b1;
      if (len > 0) h = Math.imul(h ^ b[0]!, 0x01000193) ^ Math.imul(b[len - 1]!, 0x2c1b3c6d) ^ (len > 2 ? Math.imul(b[len >> 1]!, 0x297a2d39) : 0);
      let slot = (h ^ (h >>> 15)) & mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = i + 1;
    });
  }
}

/** A signed 64-bit integer field as a number (exact below 2^53). */
export function int8At(buf: Buffer, at: number): number {
  return buf.readInt32BE(at) * 4294967296 + buf.readUInt32BE(at + 4);
}

/** A 32-bit integer field. */
export function int4At(buf: Buffer, at: number): number {
  return buf.readInt32BE(at);
}

export interface CopyOutOptions {
  /** PostgreSQL settings for this read only (SET LOCAL in its own transaction), e.g. { jit: 'off' }. */
  readonly settings?: Readonly<Record<string, string>>;
}

const SETTING = /^[a-z_]+$/;
const VALUE = /^[a-z0-9_]+$/;

/**
 * Runs `COPY (query) TO … (FORMAT binary)` and feeds every tuple of `fields` fields to `sink`. On
 * PostgreSQL each call takes a pooled connection of its own for the duration of the read; it reads
 * outside any transaction of the caller (on PGlite, calling it inside `database.transaction` would wait
 * for that transaction to end).
 */
export async function copyOut(database: Database, query: string, fields: number, sink: TupleSink, options: CopyOutOptions = {}): Promise<number> {
  const parser = new BinaryCopyParser(fields, sink);
  const client = (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
  if (database.kind === 'pglite') {
    const pglite = client as PGlite;
    let result;
    try {
      result = await pglite.query(`copy (${query}) to '/dev/blob' with (format binary)`);
    } catch (e) {
      // PGlite keeps what a failed COPY wrote to /dev/blob and would hand it to the next COPY's blob:
      // one successful COPY takes (and drops) it.
      await pglite.query(`copy (select) to '/dev/blob'`).catch(() => undefined);
      throw e;
    }
    if (!result.blob) throw new Error('copy-out: PGlite returned no blob');
    parser.push(Buffer.from(await result.blob.arrayBuffer()));
  } else {
    const settings = Object.entries(options.settings ?? {});
    for (const [k, v] of settings) if (!SETTING.test(k) || !VALUE.test(v)) throw new RangeError(`copy-out: bad setting ${k}=${v}`);
    const conn = await (client as pg.Pool).connect();
    try {
      if (settings.length) await conn.query(`begin; ${settings.map(([k, v]) => `set local ${k} = ${v}`).join('; ')}`);
      const copy = new CopyOutQuery(`copy (${query}) to stdout with (format binary)`, parser);
      void conn.query(copy as unknown as pg.Submittable);
      await copy.done;
      if (settings.length) await conn.query('commit');
      conn.release();
    } catch (e) {
      // A connection left in the middle of a COPY is not given back to the pool.
      conn.release(true);
      throw e;
    }
  }
  if (database.kind === 'pglite') parser.end();
  return parser.tuples;
}
