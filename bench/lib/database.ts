import pg from "pg";
import { CLUSTERS, ensureEmbeddedPostgres } from "../../lib/db/embedded-postgres";

/**
 * A throwaway database for one benchmark run: on BENCH_DATABASE_URL's server
 * when set (its database name is replaced), else on the embedded test cluster.
 */
export async function createThrowawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pulseboard_bench_${Date.now()}`;
  let adminUrl: string;
  let stopCluster = async () => {};
  if (process.env.BENCH_DATABASE_URL) adminUrl = process.env.BENCH_DATABASE_URL;
  else {
    const cluster = await ensureEmbeddedPostgres(CLUSTERS.test, "postgres");
    adminUrl = cluster.url;
    stopCluster = cluster.stop;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Databases left by an interrupted run are throwaway too.
  const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'pulseboard\\_bench\\_%'`);
  for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      await stopCluster();
    },
  };
}

/**
 * A database the page benchmark keeps between runs (BENCH_KEEP=1), so that
 * re-measuring skips the 20-minute build of a year of history. `existed` says
 * whether it was already there; it is never dropped.
 */
export async function keptDatabase(
  name: string,
): Promise<{ url: string; existed: boolean; drop: () => Promise<void> }> {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  let stopCluster = async () => {};
  if (!adminUrl) {
    const cluster = await ensureEmbeddedPostgres(CLUSTERS.test, "postgres");
    adminUrl = cluster.url;
    stopCluster = cluster.stop;
  }
  const found = await sql(adminUrl, `SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
  if (found.rowCount === 0) await sql(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), existed: found.rowCount !== 0, drop: stopCluster };
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
