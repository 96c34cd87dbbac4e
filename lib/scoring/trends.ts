/** A score series: one point per day (ISO date), oldest first or in any order. */
export interface SeriesPoint {
  day: string;
  score: number | null;
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 86_400_000);

/** The latest non-null score on or before `day`. */
function valueAt(points: { d: number; s: number }[], day: number): number | null {
  let best: { d: number; s: number } | null = null;
  for (const p of points) if (p.d <= day && (!best || p.d > best.d)) best = p;
  return best ? best.s : null;
}

/**
 * Absolute point changes over 7, 30 and 90 days ending at `asOfDay` (never a
 * percentage of a score): latest score on or before the day minus the latest on
 * or before the day N days earlier; null where either is unknown.
 */
export function scoreDeltas(
  series: SeriesPoint[],
  asOfDay: string,
): { d7: number | null; d30: number | null; d90: number | null } {
  const points = series.filter((p) => p.score !== null).map((p) => ({ d: dayNumber(p.day), s: p.score! }));
  const end = dayNumber(asOfDay);
  const now = valueAt(points, end);
  const delta = (k: number) => {
    const then = valueAt(points, end - k);
    return now === null || then === null ? null : now - then;
  };
  return { d7: delta(7), d30: delta(30), d90: delta(90) };
}

/** Least-squares slope of y over x; null with fewer than two distinct x. */
export function leastSquaresSlope(points: { x: number; y: number }[]): number | null {
  const n = points.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sx += p.x;
    sy += p.y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  return sxx === 0 ? null : sxy / sxx;
}

/** Trend in points per day over the `windowDays` days ending at `asOfDay`. */
export function scoreSlope(series: SeriesPoint[], asOfDay: string, windowDays = 30): number | null {
  const end = dayNumber(asOfDay);
  const points = series
    .filter((p) => p.score !== null)
    .map((p) => ({ x: dayNumber(p.day), y: p.score! }))
    .filter((p) => p.x <= end && p.x > end - windowDays);
  return leastSquaresSlope(points);
}
