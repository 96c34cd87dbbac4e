/**
 * The scoring worker `npm start` runs beside the web server: every few seconds
 * it runs queued recomputes ("recompute now") and, once a day, every
 * organisation's scheduled recompute. Stops cleanly on SIGINT/SIGTERM.
 */
import { disconnectDb } from "../lib/db/client";
import { failInterruptedImports } from "../lib/db/imports";
import { runDueWork } from "../lib/services/scoring/scheduler";

const INTERVAL_MS = Number(process.env.PULSEBOARD_WORKER_INTERVAL_MS ?? 5000);
let stopping = false;

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set (npm start provides it).");
  console.log(`[worker] started; checking every ${INTERVAL_MS / 1000} s`);
  // One worker per deployment: an import still "committing" now was cut off by a
  // crash, and its transaction rolled back.
  await failInterruptedImports(new Date());
  while (!stopping) {
    try {
      for (const line of await runDueWork()) console.log(`[worker] ${line}`);
    } catch (error) {
      console.error("[worker] pass failed:", error instanceof Error ? error.message : error);
    }
    await pause(INTERVAL_MS);
  }
  await disconnectDb();
}

/** Ends the wait between passes early: set when the worker waits, called when it is told to stop. */
let wake: (() => void) | null = null;
const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });

// A pass under way finishes; a wait for the next one does not.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    stopping = true;
    wake?.();
  });
main().catch((error) => {
  console.error("[worker]", error instanceof Error ? error.message : error);
  process.exit(1);
});
