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

/**
 * Points for a numeric value (categorical rules use `categoricalPoints`).
 * `percentile` is the value's percentile among peers (0–1), computed by the caller.
 * Returns NaN when the rule cannot score the value.
 */
export function numericPoints(rule: Rule, value: number, lo: number, hi: number, percentile: number): number {
  switch (rule.type) {
    case "linear": {
      // worst → lo, best → hi, clamped; worst > best means lower is better.
      const t = clamp01((value - rule.worst) / (rule.best - rule.worst));
      return lo + (hi - lo) * t;
    }
    case "target": {
      let t: number;
      if (rule.direction === "higher")
        t = rule.target <= 0 ? (value >= rule.target ? 1 : 0) : clamp01(value / rule.target);
      else t = value <= rule.target ? 1 : value <= 0 ? 1 : clamp01(rule.target / value);
      return lo + (hi - lo) * t;
    }
    case "percentile": {
      if (Number.isNaN(percentile)) return NaN;
      const t = rule.direction === "higher" ? percentile : 1 - percentile;
      return lo + (hi - lo) * t;
    }
    case "bands":
      return bandPoints(rule.bands, value);
    case "boolean":
      return value === 1 ? rule.true : value === 0 ? rule.false : NaN;
    case "categorical":
      return NaN;
  }
}

/**
 * Bands are lower-inclusive and upper-exclusive, except the last, which includes
 * its upper bound. A value below the first band scores the first band and one
 * above the last scores the last (documented in docs/scoring-models.md).
 */
function bandPoints(bands: { from: number | null; to: number | null; points: number }[], value: number): number {
  const last = bands.length - 1;
  for (let i = 0; i <= last; i++) {
    const band = bands[i]!;
    const aboveFrom = band.from === null || value >= band.from;
    const belowTo = band.to === null || value < band.to || (i === last && value === band.to);
    if (aboveFrom && belowTo) return band.points;
  }
  const first = bands[0]!;
  return first.from !== null && value < first.from ? first.points : bands[last]!.points;
}

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
