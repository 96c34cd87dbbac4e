import type { CompiledMetric } from "./compile";

/** Rule kinds as small integers, so the scoring loop branches on numbers, not strings. */
export const KIND = {
  linear: 0,
  targetHigher: 1,
  targetLower: 2,
  percentileHigher: 3,
  percentileLower: 4,
  bands: 5,
  boolean: 6,
  categorical: 7,
} as const;

/**
 * Each metric's rule and policy parameters in typed arrays, indexed by metric:
 * the scoring loop reads only these (see evaluate.ts).
 */
export interface Kernel {
  kind: Uint8Array;
  /** linear: worst; target: target; boolean: points for true. */
  a: Float64Array;
  /** linear: best − worst; boolean: points for false. */
  b: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  neutral: Float64Array;
  stale: Float64Array;
  decay: Float64Array;
  policy: Uint8Array;
  fallback: Uint8Array;
  normalize: Uint8Array;
  arrUnit: Float64Array;
  /** Bands of metric i are bandFrom/bandTo/bandPoints[bandStart[i] .. bandStart[i + 1]). */
  bandStart: Int32Array;
  bandFrom: Float64Array;
  bandTo: Float64Array;
  bandPoints: Float64Array;
}

export function buildKernel(metrics: CompiledMetric[]): Kernel {
  const m = metrics.length;
  const f = () => new Float64Array(m);
  const k: Kernel = {
    kind: new Uint8Array(m),
    a: f(),
    b: f(),
    lo: f(),
    hi: f(),
    neutral: f(),
    stale: f(),
    decay: f(),
    policy: new Uint8Array(m),
    fallback: new Uint8Array(m),
    normalize: new Uint8Array(m),
    arrUnit: f(),
    bandStart: new Int32Array(m + 1),
    bandFrom: new Float64Array(0),
    bandTo: new Float64Array(0),
    bandPoints: new Float64Array(0),
  };
  const from: number[] = [];
  const to: number[] = [];
  const pts: number[] = [];
  metrics.forEach((metric, i) => {
    const r = metric.rule;
    k.lo[i] = metric.minPoints;
    k.hi[i] = metric.maxPoints;
    k.neutral[i] = metric.neutral;
    k.stale[i] = metric.staleAfterDays;
    k.decay[i] = metric.decayDays;
    k.policy[i] = metric.policy;
    k.fallback[i] = metric.fallback;
    k.normalize[i] = metric.normalize;
    k.arrUnit[i] = metric.arrUnit;
    k.bandStart[i] = pts.length;
    switch (r.type) {
      case "linear":
        k.kind[i] = KIND.linear;
        k.a[i] = r.worst;
        k.b[i] = r.best - r.worst;
        break;
      case "target":
        k.kind[i] = r.direction === "higher" ? KIND.targetHigher : KIND.targetLower;
        k.a[i] = r.target;
        break;
      case "percentile":
        k.kind[i] = r.direction === "higher" ? KIND.percentileHigher : KIND.percentileLower;
        break;
      case "boolean":
        k.kind[i] = KIND.boolean;
        k.a[i] = r.true;
        k.b[i] = r.false;
        break;
      case "categorical":
        k.kind[i] = KIND.categorical;
        break;
      case "bands":
        k.kind[i] = KIND.bands;
        for (const band of r.bands) {
          from.push(band.from ?? -Infinity);
          to.push(band.to ?? Infinity);
          pts.push(band.points);
        }
        break;
    }
  });
  k.bandStart[m] = pts.length;
  k.bandFrom = Float64Array.from(from);
  k.bandTo = Float64Array.from(to);
  k.bandPoints = Float64Array.from(pts);
  return k;
}

/**
 * Points of metric i for a numeric value (`pct`: the value's percentile among
 * peers, for percentile rules). NaN when the rule cannot score the value.
 * Linear: worst → lo, best → hi, clamped (worst > best: lower is better).
 * Target: full points at or beyond the target, proportional below it (or above
 * it when lower is better). Bands: lower-inclusive, upper-exclusive, the last
 * band inclusive at its top; values outside score the nearest band.
 */
export function kernelPoints(k: Kernel, i: number, v: number, pct: number): number {
  const lo = k.lo[i]!;
  const hi = k.hi[i]!;
  let t: number;
  switch (k.kind[i]) {
    case KIND.linear:
      // Divide rather than multiply by a reciprocal: whole-number inputs stay exact.
      t = (v - k.a[i]!) / k.b[i]!;
      break;
    case KIND.targetHigher:
      t = v / k.a[i]!;
      break;
    case KIND.targetLower:
      t = v <= k.a[i]! ? 1 : k.a[i]! / v;
      break;
    case KIND.percentileHigher:
      t = pct;
      break;
    case KIND.percentileLower:
      t = 1 - pct;
      break;
    case KIND.boolean:
      return v === 1 ? k.a[i]! : v === 0 ? k.b[i]! : NaN;
    case KIND.bands:
      return bandPoints(k, i, v);
    default:
      return NaN;
  }
  if (t !== t) return NaN;
  return lo + (hi - lo) * (t < 0 ? 0 : t > 1 ? 1 : t);
}

function bandPoints(k: Kernel, i: number, v: number): number {
  const start = k.bandStart[i]!;
  const last = k.bandStart[i + 1]! - 1;
  if (v < k.bandFrom[start]!) return k.bandPoints[start]!;
  for (let j = start; j < last; j++) if (v < k.bandTo[j]!) return k.bandPoints[j]!;
  return k.bandPoints[last]!;
}
