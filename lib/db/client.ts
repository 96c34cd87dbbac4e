import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

export { Prisma } from "./generated/client";
export type { PrismaClient } from "./generated/client";

const globalForPrisma = globalThis as unknown as { pulseboardPrisma?: PrismaClient; pulseboardPool?: pg.Pool };

/** The process's connection pool, shared by Prisma and the bulk-load (COPY) path. */
export function pool(): pg.Pool {
  if (!globalForPrisma.pulseboardPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set.");
    globalForPrisma.pulseboardPool = new pg.Pool({
      connectionString,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    });
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

/** Runs `work` in one transaction: everything or nothing is written. */
export function withTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work);
}
