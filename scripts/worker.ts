/**
 * The scoring worker `npm start` runs beside the web server: it commits queued
 * imports and runs queued recomputes ("recompute now", data changes) as soon as
 * the web server signals them, looks again every few seconds in case a signal
 * was missed, and once a day runs every organisation's scheduled recompute. A
 * long backfill ("score the past") lets the rest of the work run between its days.
 * Stops cleanly on SIGINT/SIGTERM: a backfill under way stops after the day it
 * is scoring and goes back in the queue, so the next worker scores it again.
 */
import { disconnectDb } from "../lib/db/client";
import { failInterruptedImports } from "../lib/db/imports";
import { failStaleRuns } from "../lib/db/scoring-runs";
import { listenForQueuedWork } from "../lib/db/work-signal";
import { sweepUploads } from "../lib/services/imports/retention";
import { runDueWork } from "../lib/services/scoring/scheduler";

const INTERVAL_MS = Number(process.env.PULSEBOARD_WORKER_INTERVAL_MS ?? 5000);
const SWEEP_EVERY_MS = 60 * 60_000;
let sweptAt = 0;
let stopping = false;

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set (npm start provides it).");
  console.log(`[worker] started; runs queued work when signalled and looks every ${INTERVAL_MS / 1000} s`);
  // One worker per deployment: an import still "committing" or a run still "running"
  // now was cut off when the worker before this one died, and its transaction rolled
  // back. (A one-account run the web server is doing marks itself done when it ends.)
  await failInterruptedImports(new Date());
  await failStaleRuns(new Date());
  const listener = listenForQueuedWork(
    () => {
      signalled = true;
      wake?.();
    },
    (line) => console.error(`[worker] ${line}`),
  );
  while (!stopping) {
    signalled = false;
    try {
      await runDueWork(new Date(), null, {
        log: (line) => console.log(`[worker] ${line}`),
        shuttingDown: () => stopping,
      });
      if (Date.now() - sweptAt >= SWEEP_EVERY_MS) {
        sweptAt = Date.now();
        const swept = await sweepUploads(new Date());
        if (swept.discarded + swept.leftovers > 0)
          console.log(
            `[worker] uploads: ${swept.discarded} left uncommitted discarded, ${swept.leftovers} leftover files removed`,
          );
      }
    } catch (error) {
      console.error("[worker] pass failed:", error instanceof Error ? error.message : error);
    }
    await pause(INTERVAL_MS);
  }
  await listener.stop();
  await disconnectDb();
}

/** Ends the wait between passes early: set when the worker waits, called when work is signalled or it is told to stop. */
let wake: (() => void) | null = null;
/** Work was signalled during a pass: the next pass starts without waiting. */
let signalled = false;
const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    if (signalled || stopping) return resolve();
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });

// A pass under way finishes (a backfill after the day it is scoring, back in the queue); a wait does not.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    stopping = true;
    wake?.();
  });
main().catch((error) => {
  console.error("[worker]", error instanceof Error ? error.message : error);
  process.exit(1);
});
