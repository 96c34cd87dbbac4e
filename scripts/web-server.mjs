/**
 * The production web server `npm start` runs: one Next.js server process per CPU
 * core (PULSEBOARD_WEB_PROCESSES overrides). The primary process listens on the
 * port and hands each new connection to the web process with the fewest open
 * connections (scripts/connection-balancer.mjs). One Node.js process renders on
 * one core, so a single `next start` leaves the other cores to PostgreSQL at best
 * while requests queue behind each other.
 *
 * Nothing a request relies on lives in one process's memory: sessions, the API's
 * rate limit and imports are in the database; the in-memory caches hold only
 * immutable data (published model versions).
 *
 * Plain JavaScript, run by Node itself: the server needs no TypeScript loader.
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import net from "node:net";
import os from "node:os";
import { createConnectionBalancer } from "./connection-balancer.mjs";

const port = Number(process.env.PORT ?? 3000);
const processes = Math.max(1, Number(process.env.PULSEBOARD_WEB_PROCESSES ?? os.availableParallelism()));
// A process that dies this soon after starting is broken, not unlucky: stop rather than loop.
const MIN_UPTIME_MS = 10_000;
// Messages between the primary and the web processes.
const READY = "pulseboard:ready";
const CONNECTION = "pulseboard:connection";
const CLOSED = "pulseboard:closed";

async function serve() {
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => void handle(req, res));
  // The server never listens itself: connections come from the primary. Its bookkeeping of open connections
  // (what closeIdleConnections closes, and the header and request time limits it enforces) starts on
  // "listening", so it is told it is.
  server.emit("listening");
  const sockets = new Set();
  const closed = () => process.connected && process.send(CLOSED);
  process.on("message", (message, socket) => {
    if (message !== CONNECTION) return;
    // The client may have gone while its connection was on the way here.
    if (!socket) return closed();
    // As the HTTP server does for connections it accepts itself: no waiting to batch small writes (Nagle),
    // which with the client's delayed acknowledgements held responses back up to 40 ms.
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.once("close", () => {
      sockets.delete(socket);
      closed();
    });
    server.emit("connection", socket);
    socket.resume();
  });
  process.send(READY);
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    // Requests under way are answered; each connection closes once idle.
    const drain = () => {
      server.closeIdleConnections();
      if (sockets.size === 0) process.exit(0);
    };
    drain();
    setInterval(drain, 100);
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
  // Should the primary go away, so does this process.
  process.on("disconnect", close);
}

function supervise() {
  const balancer = createConnectionBalancer();
  const started = new Map();
  // Connections that arrive while no web process is ready (all restarting) wait for one.
  const waiting = [];
  let stopping = false;
  let exitCode = 0;
  let announced = false;

  const handOff = (socket) => {
    const id = balancer.assign();
    if (id === null) return void waiting.push(socket);
    cluster.workers[id].send(CONNECTION, socket, (error) => {
      if (!error) return;
      balancer.closed(id);
      socket.destroy();
    });
  };
  const listener = net.createServer({ pauseOnConnect: true }, handOff);
  listener.on("error", (error) => {
    console.error(`The web server cannot listen on port ${port}: ${error.message}`);
    stop(1);
  });

  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
    balancer.add(worker.id);
    // A process that goes away (stopped, crashed) disconnects before it exits: it takes no more connections.
    worker.on("disconnect", () => balancer.remove(worker.id));
    worker.on("message", (message) => {
      if (message === CLOSED) balancer.closed(worker.id);
      if (message !== READY) return;
      balancer.ready(worker.id);
      if (!listener.listening) listener.listen(port);
      waiting.splice(0).forEach(handOff);
      if (!announced && Object.keys(balancer.load()).length === processes) {
        announced = true;
        console.log(`Ready on http://localhost:${port} (${processes} web processes)`);
      }
    });
  };
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
    if (stopping) return;
    stopping = true;
    exitCode = code;
    listener.close();
    for (const socket of waiting.splice(0)) socket.destroy();
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
