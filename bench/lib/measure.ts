export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

/** Peak resident memory of this process while `fn` runs (sampled every 20 ms). */
export async function peakMemory<T>(fn: () => Promise<T>): Promise<{ peakMb: number; result: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { peakMb: peak / 1024 / 1024, result };
  } finally {
    clearInterval(timer);
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
