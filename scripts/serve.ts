/**
 * The production web server: the built app served by one Next.js process per
 * CPU (PULSEBOARD_WEB_WORKERS overrides), sharing the port through Node's
 * cluster module. One Node process renders on one core; a dashboard page is
 * CPU-bound rendering once its reads are rollups, so more cores serve more users.
 */
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(1, Number(process.env.PULSEBOARD_WEB_WORKERS ?? os.availableParallelism()));

if (cluster.isPrimary) {
  let stopping = false;
  let ready = 0;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("message", (_worker, message) => {
    if (message === "ready" && ++ready === workers) console.log(`Ready on http://localhost:${port} (${workers} workers)`);
  });
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    console.error(`web worker ${worker.process.pid} exited (${code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  const app = next({ dev: false, dir: process.cwd(), port });
  app
    .prepare()
    .then(() => {
      const handle = app.getRequestHandler();
      http.createServer((req, res) => void handle(req, res)).listen(port, () => process.send?.("ready"));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
