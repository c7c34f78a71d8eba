/**
 * Reads query results in PostgreSQL's binary COPY format on both drivers, without building row objects:
 * the fastest way to stream millions of rows into typed arrays (the impact preview reads the whole
 * registry this way). PostgreSQL: `COPY (query) TO STDOUT (FORMAT binary)` through pg-copy-streams, on a
 * connection of its own, so several reads can run at once; PGlite: `COPY (query) TO '/dev/blob'`, one
 * buffer. COPY takes no parameters: callers inline only numbers and validated literals.
 *
 * Format (PostgreSQL docs, "COPY — Binary Format"): an 11-byte signature, flags (int32), header extension
 * (int32 length + bytes); then per tuple an int16 field count (-1 ends the data) and per field an int32
 * length (-1 = NULL) followed by the value in the type's binary send format (big-endian).
 */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { to as copyToStdout } from 'pg-copy-streams';
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
    const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    this.rest = null;
    let o = 0;
    if (!this.headerDone) {
      if (buf.length < 19) {
        this.rest = buf;
        return;
      }
      if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error('copy-out: not a binary COPY stream');
      const ext = buf.readInt32BE(15);
      if (buf.length < 19 + ext) {
        this.rest = buf;
        return;
      }
      o = 19 + ext;
      this.headerDone = true;
    }
    const n = buf.length;
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
    if (o < n && !this.finished) this.rest = buf.subarray(o);
  }

  end(): void {
    if (!this.finished) throw new Error('copy-out: the COPY stream ended before its trailer');
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
 * PostgreSQL each call takes a pooled connection of its own for the duration of the read.
 */
export async function copyOut(database: Database, query: string, fields: number, sink: TupleSink, options: CopyOutOptions = {}): Promise<number> {
  const parser = new BinaryCopyParser(fields, sink);
  const client = (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
  if (database.kind === 'pglite') {
    const result = await (client as PGlite).query(`copy (${query}) to '/dev/blob' with (format binary)`);
    if (!result.blob) throw new Error('copy-out: PGlite returned no blob');
    parser.push(Buffer.from(await result.blob.arrayBuffer()));
  } else {
    const settings = Object.entries(options.settings ?? {});
    for (const [k, v] of settings) if (!SETTING.test(k) || !VALUE.test(v)) throw new RangeError(`copy-out: bad setting ${k}=${v}`);
    const conn = await (client as pg.Pool).connect();
    try {
      if (settings.length) await conn.query(`begin; ${settings.map(([k, v]) => `set local ${k} = ${v}`).join('; ')}`);
      const stream = conn.query(copyToStdout(`copy (${query}) to stdout with (format binary)`));
      for await (const chunk of stream) parser.push(chunk as Buffer);
      if (settings.length) await conn.query('commit');
      conn.release();
    } catch (e) {
      // A connection left in the middle of a COPY is not given back to the pool.
      conn.release(true);
      throw e;
    }
  }
  parser.end();
  return parser.tuples;
}
