/**
 * `npm start`: database (embedded unless DATABASE_URL is set) → migrations →
 * demo data (first run) → production build (when sources changed) → server on
 * http://localhost:3000. `npm run dev` does the same with `next dev`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { disconnectDb } from "../lib/db/client";
import { resolveDatabase } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";
import { formatLogins, seedDemo } from "../lib/services/demo-seed";
import { keepRunning } from "./keep-running";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
// The browser tests start their own server on the test cluster with fresh demo data.
const cluster = process.env.PULSEBOARD_CLUSTER === "test" ? "test" : "app";
const databaseName = process.env.PULSEBOARD_DATABASE;
const reseed = process.env.PULSEBOARD_RESEED === "1";
const nextBin = path.resolve("node_modules/next/dist/bin/next");

function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve(".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** The newest change under `target`; a folder's own time counts too, as it moves when a file is added or removed. */
function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(target)
      .filter((n) => n !== "generated")
      .map((n) => newestMtime(path.join(target, n))),
  );
}

function buildIsCurrent(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return false;
  const sources = ["app", "components", "lib", "instrumentation.ts", "next.config.mjs", "package.json"];
  return Math.max(...sources.map((s) => newestMtime(path.resolve(s)))) < statSync(buildId).mtimeMs;
}

async function main() {
  // The database is stopped last, by shutdown() below, not by the terminal's Ctrl-C.
  const database = await resolveDatabase(cluster, databaseName, { stopsLast: true });
  console.log(database.embedded ? `Embedded PostgreSQL ready (data in .data/pg).` : "Using DATABASE_URL.");
  process.env.DATABASE_URL = database.url;
  const applied = await migrateDatabase(database.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  // The page benchmark brings its own organisation and measures without a worker running.
  const { created, logins } =
    process.env.PULSEBOARD_NO_DEMO === "1"
      ? { created: false, logins: [] }
      : await seedDemo({ reset: reseed, log: console.log });
  if (!created && process.env.PULSEBOARD_NO_DEMO !== "1")
    console.log("Demo data already loaded (npm run db:seed -- --reset reloads it).");
  await disconnectDb();

  const childEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!dev && !buildIsCurrent()) {
    console.log("Building the app (first start, or sources changed)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) throw new Error("next build failed");
  }

  // Production: one Next.js server process per core on the same port (scripts/web-server.mjs).
  const server = spawn(
    process.execPath,
    dev ? [nextBin, "dev", "-p", String(port)] : [path.resolve("scripts/web-server.mjs")],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...childEnv, PORT: String(port) } },
  );
  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /ready|Local:/i.test(chunk.toString())) {
      announced = true;
      console.log(`\nPulseboard is running at http://localhost:${port}\n${formatLogins(logins)}\n`);
    }
  });

  // The scoring worker: imports, queued and daily recomputes, beside the web server; started again if it dies.
  const worker =
    process.env.PULSEBOARD_NO_WORKER === "1"
      ? null
      : keepRunning(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
          name: "worker",
          stdio: ["ignore", "inherit", "inherit"],
          env: childEnv,
        });

  const exited = (child: ChildProcess) =>
    child.exitCode === null && child.signalCode === null ? once(child, "exit") : null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    // The database goes last, once nothing holds a connection to it (the web server gives up after 5 s).
    await Promise.race([Promise.all([exited(server), worker?.stop()]), new Promise((r) => setTimeout(r, 8_000))]);
    await database.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
