import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/**
 * Runs `COPY (…) TO STDOUT (FORMAT binary)` and hands each row to `onRow` as
 * the buffer it sits in with each field's offset and length (−1: NULL), so
 * millions of rows are read without an object per row. Fields are in
 * PostgreSQL's binary send format: int4 and float8 big-endian, text UTF-8.
 */
export async function copyOutBinary(
  client: pg.PoolClient,
  sql: string,
  fields: number,
  onRow: (buf: Buffer, offset: Int32Array, length: Int32Array) => void,
): Promise<number> {
  const offset = new Int32Array(fields);
  const length = new Int32Array(fields);
  let pending: Buffer | null = null;
  let headerRead = false;
  let finished = false;
  let rows = 0;
  for await (const chunk of client.query(copyTo(sql)) as AsyncIterable<Buffer>) {
    const buf: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    let p = 0;
    if (!headerRead) {
      if (buf.length < 19) {
        pending = buf;
        continue;
      }
      if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error("COPY output is not in binary format");
      p = 19 + buf.readUInt32BE(15);
      headerRead = true;
    }
    while (p + 2 <= buf.length) {
      const count = buf.readInt16BE(p);
      if (count === -1) {
        finished = true;
        p += 2;
        break;
      }
      if (count !== fields) throw new Error(`COPY row has ${count} fields, expected ${fields}`);
      let q = p + 2;
      let complete = true;
      for (let i = 0; i < fields; i++) {
        if (q + 4 > buf.length) {
          complete = false;
          break;
        }
        const len = buf.readInt32BE(q);
        q += 4;
        offset[i] = q;
        length[i] = len;
        if (len > 0) q += len;
        if (q > buf.length) {
          complete = false;
          break;
        }
      }
      if (!complete) break;
      onRow(buf, offset, length);
      rows++;
      p = q;
    }
    pending = p < buf.length ? buf.subarray(p) : null;
  }
  if (!finished || pending) throw new Error("COPY output ended part-way through");
  return rows;
}

// COPY text format: tab-separated, \\N for null, backslash escapes.
export const copyField = (v: string | null) =>
  v === null ? "\\N" : v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

/** A `COPY … FROM STDIN` kept open while its text is produced. */
export interface OpenCopy {
  /** Sends text (COPY text format), waiting whenever the socket is full. */
  write(text: string): Promise<void>;
  /** Completes the COPY. */
  end(): Promise<void>;
  /** Cancels the COPY (the server rolls it back) so the connection can be used again. */
  abort(reason: Error): Promise<void>;
}

export function openCopyIn(client: pg.PoolClient, sql: string): OpenCopy {
  const stream = client.query(copyFrom(sql));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  // Failures surface through write() and end(); until then they are not unhandled.
  done.catch(() => {});
  return {
    async write(text) {
      if (text.length > 0 && !stream.write(text)) await Promise.race([once(stream, "drain"), done]);
    },
    async end() {
      stream.end();
      await done;
    },
    async abort(reason) {
      stream.destroy(reason);
      await done.catch(() => {});
    },
  };
}

/** Runs `COPY … FROM STDIN` and streams `chunks` (COPY text format) into it. */
export async function copyIn(client: pg.PoolClient, sql: string, chunks: Iterable<string>) {
  const copy = openCopyIn(client, sql);
  for (const chunk of chunks) await copy.write(chunk);
  await copy.end();
}

/** Streams tab-separated lines into `table`, about a megabyte at a time. */
export async function copyLinesIn(client: pg.PoolClient, table: string, lines: string[]) {
  function* chunks() {
    for (let i = 0; i < lines.length; i += 20_000) yield lines.slice(i, i + 20_000).join("\n") + "\n";
  }
  await copyIn(client, `COPY ${table} FROM STDIN`, chunks());
}
