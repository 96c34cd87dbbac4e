import { db } from "./client";

/** The latest lock expiry among `keys`, or null when none is locked at `now`. */
export async function findActiveLock(keys: string[], now: Date): Promise<Date | null> {
  const rows = await db().loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/**
 * Counts one failure against each key inside a sliding window and locks a key
 * once it reaches its limit. One statement per key, so concurrent failures
 * cannot lose counts.
 */
export async function recordLoginFailure(
  entries: { key: string; limit: number }[],
  now: Date,
  windowMs: number,
  lockMs: number,
) {
  const windowStart = new Date(now.getTime() - windowMs);
  const lockUntil = new Date(now.getTime() + lockMs);
  for (const { key, limit } of entries) {
    await db().$executeRaw`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStartsAt", "lockedUntil")
      VALUES (${key}, 1, ${now}, CASE WHEN ${limit}::int <= 1 THEN ${lockUntil}::timestamptz END)
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."windowStartsAt" < ${windowStart} THEN 1
                          ELSE "LoginThrottle"."failures" + 1 END,
        "windowStartsAt" = CASE WHEN "LoginThrottle"."windowStartsAt" < ${windowStart} THEN ${now}
                                ELSE "LoginThrottle"."windowStartsAt" END,
        "lockedUntil" = CASE
          WHEN "LoginThrottle"."windowStartsAt" >= ${windowStart}
               AND "LoginThrottle"."failures" + 1 >= ${limit}::int THEN ${lockUntil}::timestamptz
          ELSE "LoginThrottle"."lockedUntil" END`;
  }
}

export async function clearLoginFailures(key: string) {
  await db().loginThrottle.deleteMany({ where: { key } });
}
