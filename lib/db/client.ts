import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

import { Prisma } from "./generated/client";

export { Prisma };
export type { PrismaClient } from "./generated/client";

const globalForPrisma = globalThis as unknown as { pulseboardPrisma?: PrismaClient; pulseboardPool?: pg.Pool };

/** The process's connection pool, shared by Prisma and the bulk-load (COPY) path. */
export function pool(): pg.Pool {
  if (!globalForPrisma.pulseboardPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set.");
    const created = new pg.Pool({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    // An idle connection the server closes (a restart, an administrator) is dropped by the pool and
    // replaced on next use; unheard, its error would be an uncaught exception in the process.
    created.on("error", (error) => console.error(`A database connection was lost: ${error.message}`));
    globalForPrisma.pulseboardPool = created;
  }
  return globalForPrisma.pulseboardPool;
}

/**
 * The one Prisma client of the process (kept on globalThis so hot reload in
 * development does not open a new pool per edit). Created on first use so that
 * scripts and tests can set DATABASE_URL before any query.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.pulseboardPrisma) {
    globalForPrisma.pulseboardPrisma = new PrismaClient({ adapter: new PrismaPg(pool()) });
  }
  return globalForPrisma.pulseboardPrisma;
}

/** Closes the pool; for scripts and test teardown. */
export async function disconnectDb(): Promise<void> {
  await globalForPrisma.pulseboardPrisma?.$disconnect();
  await globalForPrisma.pulseboardPool?.end();
  globalForPrisma.pulseboardPrisma = undefined;
  globalForPrisma.pulseboardPool = undefined;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * What a transaction whose work grows with the organisation may take: placing
 * 100k accounts again takes about 5 s, deleting a metric with a year of daily
 * readings deletes 36M rows. Prisma's default, 5 s, is for a request's work.
 */
export const ORGANISATION_WIDE_MS = 10 * 60_000;

/** Runs `work` in one transaction: everything or nothing is written, within `timeoutMs` (Prisma's default: 5 s). */
export function withTransaction<T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
  return db().$transaction(work, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
}

/** What the set-based writers need: raw statements, on Prisma or inside a bulk transaction. */
export type SqlTx = Pick<Tx, "$executeRaw">;

/**
 * Memory for each sort, hash and bitmap of a bulk transaction's statements. They
 * group and join 100k-row sets; with PostgreSQL's default 4 MB they spill to disk,
 * and the current scores' 30-day trend pass, its bitmap of a month of snapshots
 * gone lossy, scanned every day of history instead (9 s against 3 s at a year of
 * 100k accounts' snapshots).
 */
export const BULK_WORK_MEM = "SET LOCAL work_mem = '64MB'";

/** Runs `work` in one transaction on one pooled connection, for COPY and the statements around it. */
export async function withBulkTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    await client.query(BULK_WORK_MEM);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A statement's parameters for node-postgres: dates as UTC ISO strings (it would write them in local time). */
const driverParams = (sql: Prisma.Sql) => sql.values.map((v) => (v instanceof Date ? v.toISOString() : v));

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string") return pg.escapeLiteral(value);
  throw new Error(`Cannot write a ${typeof value} into a statement as a literal`);
}

/**
 * `sql` with its parameters written in as quoted literals (strings through the
 * driver's escapeLiteral, never pasted raw), for the one kind of statement that
 * takes none: `COPY (…) TO STDOUT`. Like an unprepared statement, it is planned
 * for its own values.
 */
export function inlineParams(sql: Prisma.Sql): string {
  const values = driverParams(sql);
  return sql.text.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1]));
}

/**
 * One statement on a connection taken from the pool and given back: every read
 * straight on the pool goes through here. Through `pool.query()`, a connection
 * the pool opens for a statement keeps that statement's promise, and so its
 * rows, reachable for as long as the connection lives (the 100k accounts a
 * recompute reads, about 40 MB, per connection).
 */
export async function queryPool(config: pg.QueryConfig & { rowMode?: "array" }) {
  const client = await pool().connect();
  try {
    return await client.query(config);
  } finally {
    client.release();
  }
}

/**
 * Prisma's raw-statement API over a connection of a bulk transaction, so the
 * same set-based writers run in either.
 */
export function sqlTxFor(client: pg.PoolClient): SqlTx {
  const run = async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
    return (await client.query(sql.text, driverParams(sql))).rowCount ?? 0;
  };
  return { $executeRaw: run as unknown as Tx["$executeRaw"] };
}

const DATE_OID = 1082;
/** node-postgres' own column parsers, except `date`: a Date at UTC midnight, as Prisma returns it. */
const readTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === DATE_OID
      ? (value: string) => new Date(`${value}T00:00:00Z`)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** A prepared statement's name: the same text always gets the same name, so each connection prepares it once. */
const statementName = (text: string) => `r${createHash("sha1").update(text).digest("base64url")}`;

/**
 * A read-only statement straight on the pool, as a tagged template like
 * `$queryRaw` (and typed like it). The pages' reads use it: through Prisma a raw
 * statement costs the calling process four to five times the CPU (measured by
 * `npm run bench:pages`), and a dashboard request makes eight to seventeen.
 *
 * Each statement is prepared once per connection (named by its text; the texts
 * are fixed but for a few optional filters, so each connection holds a bounded
 * set). After five runs PostgreSQL may keep a generic plan for it instead of
 * planning each run, as it judges cheaper: planning was about 70 % of
 * PostgreSQL's time on the account page's sixteen reads.
 *
 * Columns come as node-postgres parses them: numeric and bigint as strings (cast
 * them in SQL), json parsed, timestamptz and date as Dates.
 */
export async function readRows<T extends unknown[]>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T> {
  const sql = Prisma.sql(strings, ...values);
  const query = { name: statementName(sql.text), text: sql.text, values: driverParams(sql), types: readTypes };
  return (await queryPool(query)).rows as T;
}
