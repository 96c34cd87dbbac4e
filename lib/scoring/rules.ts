import type { Rule } from "./model-schema";

export interface Range {
  min: number;
  max: number;
}

/** Lowest and highest points a rule can give, on a model with score range `range`. */
export function rulePointBounds(rule: Rule, range: Range): Range {
  switch (rule.type) {
    case "categorical": {
      const points = Object.values(rule.options);
      return { min: Math.min(...points), max: Math.max(...points) };
    }
    case "bands": {
      const points = rule.bands.map((b) => b.points);
      return { min: Math.min(...points), max: Math.max(...points) };
    }
    case "boolean":
      return { min: Math.min(rule.true, rule.false), max: Math.max(rule.true, rule.false) };
    default:
      return { min: rule.minPoints ?? range.min, max: rule.maxPoints ?? range.max };
  }
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Mid-rank percentile (0–1) of `value` in an ascending array; NaN without peers. */
export function percentileOf(sortedPeers: ArrayLike<number>, value: number): number {
  const n = sortedPeers.length;
  if (n === 0) return NaN;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortedPeers[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  const below = lo;
  hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortedPeers[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  const equal = lo - below;
  if (n === 1) return value < sortedPeers[0]! ? 0 : value > sortedPeers[0]! ? 1 : 0.5;
  // Rank among the peers scaled so the lowest is 0 and the highest 1; ties share the middle rank.
  return clamp01((below + (equal - 1) / 2) / (n - 1));
}
