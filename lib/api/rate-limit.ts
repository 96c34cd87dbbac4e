/**
 * Requests per API key per minute (PULSEBOARD_API_RATE_PER_MINUTE, default 600),
 * counted in a sliding one-minute window in this process. Each web process
 * counts on its own: behind N processes a key gets up to N× the limit.
 */
const windows = new Map<string, number[]>();

export function apiRateLimit(): number {
  return Number(process.env.PULSEBOARD_API_RATE_PER_MINUTE ?? 600);
}

/** Records a request; returns the seconds to wait when the key is over its limit, else 0. */
export function takeRequest(keyId: string, now = Date.now(), limit = apiRateLimit()): number {
  const recent = (windows.get(keyId) ?? []).filter((t) => t > now - 60_000);
  if (recent.length >= limit) {
    windows.set(keyId, recent);
    return Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
  }
  recent.push(now);
  windows.set(keyId, recent);
  return 0;
}
