import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { once } from "node:events";

export interface KeepRunningOptions extends SpawnOptions {
  /** How the process is named in the log lines. */
  name: string;
  log?: (line: string) => void;
  /** The pause before the first restart; it doubles with each exit soon after a start. */
  firstPauseMs?: number;
  maxPauseMs?: number;
  /** A process that ran this long counts as healthy: the next restart waits `firstPauseMs` again. */
  healthyAfterMs?: number;
}

export interface KeptProcess {
  /** The process running now (null while it waits to be started again). */
  current(): ChildProcess | null;
  /** How many times it has been started again. */
  restarts(): number;
  /** Stops it for good: sends `signal` and waits for it to exit (at most `graceMs`). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

/**
 * Runs `command` and starts it again whenever it exits without being asked to
 * (a crash, a kill): a companion process that stays down would leave its work
 * undone while the rest of the app runs on. A process that keeps exiting soon
 * after it starts is restarted after longer and longer pauses.
 */
export function keepRunning(command: string, args: readonly string[], options: KeepRunningOptions): KeptProcess {
  const { name, log = console.error, firstPauseMs = 1_000, maxPauseMs = 30_000, healthyAfterMs = 60_000 } = options;
  let child: ChildProcess | null = null;
  let restarts = 0;
  let pause = firstPauseMs;
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;

  const start = () => {
    timer = null;
    const started = Date.now();
    const next = spawn(command, args, options);
    child = next;
    next.on("exit", (code, signal) => {
      child = null;
      if (stopping) return;
      const ran = Date.now() - started;
      pause = ran >= healthyAfterMs ? firstPauseMs : pause;
      log(
        `[${name}] exited (${signal ?? `code ${code}`}) after ${Math.round(ran / 1000)} s; starting it again in ${pause / 1000} s`,
      );
      timer = setTimeout(() => {
        restarts++;
        start();
      }, pause);
      pause = Math.min(pause * 2, maxPauseMs);
    });
  };
  start();

  return {
    current: () => child,
    restarts: () => restarts,
    async stop(signal = "SIGTERM", graceMs = 8_000) {
      stopping = true;
      if (timer) clearTimeout(timer);
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      running.kill(signal);
      await Promise.race([once(running, "exit"), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    },
  };
}
