/**
 * The production web server `npm start` runs: one Next.js server process per CPU
 * core (PULSEBOARD_WEB_PROCESSES overrides), all listening on the same port; the
 * primary hands each new connection to the next process in turn. One Node.js
 * process renders on one core, so a single `next start` leaves the other cores to
 * PostgreSQL at best while requests queue behind each other.
 *
 * Nothing a request relies on lives in one process's memory: sessions, the API's
 * rate limit and imports are in the database; the in-memory caches hold only
 * immutable data (published model versions).
 *
 * Plain JavaScript, run by Node itself: the server needs no TypeScript loader.
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import os from "node:os";

const port = Number(process.env.PORT ?? 3000);
const processes = Math.max(1, Number(process.env.PULSEBOARD_WEB_PROCESSES ?? os.availableParallelism()));
// A process that dies this soon after starting is broken, not unlucky: stop rather than loop.
const MIN_UPTIME_MS = 10_000;

async function serve() {
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => void handle(req, res));
  server.listen(port);
  const close = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
  // Should the primary go away, so does this process.
  process.on("disconnect", close);
}

function supervise() {
  const started = new Map();
  let listening = 0;
  let stopping = false;
  let exitCode = 0;
  const fork = () => started.set(cluster.fork().id, Date.now());
  cluster.on("listening", () => {
    if (++listening === processes) console.log(`Ready on http://localhost:${port} (${processes} web processes)`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    const uptime = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    console.error(
      `Web process ${worker.process.pid} exited (${signal ?? `code ${code}`}) after ${Math.round(uptime / 1000)} s.`,
    );
    if (uptime < MIN_UPTIME_MS) {
      stop(1);
      return;
    }
    fork();
  });
  const stop = (code) => {
    stopping = true;
    exitCode = code;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(code), 5_000).unref();
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
  };
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
  for (let i = 0; i < processes; i++) fork();
}

if (cluster.isPrimary) supervise();
else
  serve().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
