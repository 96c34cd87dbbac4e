import pg from "pg";
import { CLUSTERS, ensureEmbeddedPostgres } from "../../lib/db/embedded-postgres";

/** The server benchmark databases live on: BENCH_DATABASE_URL's, else the embedded test cluster (started if need be). */
async function benchServer(): Promise<{ adminUrl: string; stopCluster: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { adminUrl: process.env.BENCH_DATABASE_URL, stopCluster: async () => {} };
  const cluster = await ensureEmbeddedPostgres(CLUSTERS.test, "postgres");
  return { adminUrl: cluster.url, stopCluster: cluster.stop };
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface BenchDatabase {
  url: string;
  /** Whether it was there before this run (only a kept database can be). */
  existed: boolean;
  /** Drops a throwaway database (a kept one stays) and stops the cluster if this run started it. */
  drop: () => Promise<void>;
}

/** A throwaway database for one benchmark run, named anew each time. */
export async function createThrowawayDatabase(): Promise<BenchDatabase> {
  const name = `pulseboard_bench_${Date.now()}`;
  const { adminUrl, stopCluster } = await benchServer();
  // Databases left by an interrupted run are throwaway too.
  const stale = await sql(adminUrl, `SELECT datname FROM pg_database WHERE datname LIKE 'pulseboard\\_bench\\_%'`);
  for (const row of stale.rows) await sql(adminUrl, `DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  await sql(adminUrl, `CREATE DATABASE "${name}"`);
  return {
    url: databaseUrl(adminUrl, name),
    existed: false,
    drop: async () => {
      await sql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await stopCluster();
    },
  };
}

/**
 * A database the page benchmark keeps between runs (BENCH_KEEP=1), so that
 * re-measuring skips the 20-minute build of a year of history. Never dropped.
 */
export async function keptDatabase(name: string): Promise<BenchDatabase> {
  const { adminUrl, stopCluster } = await benchServer();
  const found = await sql(adminUrl, `SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
  if (found.rowCount === 0) await sql(adminUrl, `CREATE DATABASE "${name}"`);
  return { url: databaseUrl(adminUrl, name), existed: found.rowCount !== 0, drop: stopCluster };
}

/** One statement on its own connection (the benchmarks' baselines and setup). */
export async function sql(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}
