import { existsSync, readdirSync, readFileSync } from "node:fs";

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

/**
 * Peak resident memory of this process while `fn` runs (sampled every 20 ms), and what it held when `fn` started:
 * the process keeps what earlier measurements used (RSS seldom shrinks), so the two are reported together.
 */
export async function peakMemory<T>(fn: () => Promise<T>): Promise<{ peakMb: number; startMb: number; result: T }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { peakMb: peak / 1024 / 1024, startMb: start / 1024 / 1024, result };
  } finally {
    clearInterval(timer);
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export const CPU_CALLS = 2_000;

/** CPU time (user + system, ms) this process spends per call of `call`, over `CPU_CALLS` sequential calls. */
export async function cpuPerCall(call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await call();
  const start = process.cpuUsage();
  for (let i = 0; i < CPU_CALLS; i++) await call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / CPU_CALLS;
}

/**
 * CPU time (user + system, ms) used so far by a process and all its descendants,
 * read from /proc; null where there is no /proc. Steal time on a shared VM
 * stretches wall-clock figures far more than this one.
 */
export function processTreeCpuMs(rootPid: number): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command (which may hold spaces) — state, ppid, …, utime (14th), stime (15th).
      const text = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while being read.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = stats.get(p)?.parent ?? 0, hops++)
      if (p === rootPid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, s] of stats) if (inTree(pid)) ticks += s.ticks;
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Linux's USER_HZ, which /proc reports times in. */
const CLOCK_TICKS_PER_SECOND = 100;
