import { compileModel } from "./compile";
import { kernelPoints } from "./kernel";
import type { Rule } from "./model-schema";
import type { Range } from "./rules";

/**
 * What a rule gives for each value, for the builder's small value → points chart:
 * a line over a sensible span of values (percentile rules: over the percentiles),
 * or a bar per option for boolean and categorical rules. Computed by the engine's
 * own kernel, so the chart cannot disagree with the scores.
 */
export type RuleCurve =
  | { kind: "line"; axis: string; values: number[]; points: number[] }
  | { kind: "bars"; axis: string; labels: string[]; points: number[] };

// Enough samples for a smooth line; charts drop the point markers past 60.
const STEPS = 64;

export function ruleCurve(rule: Rule, range: Range): RuleCurve {
  if (rule.type === "boolean")
    return { kind: "bars", axis: "value", labels: ["Yes", "No"], points: [rule.true, rule.false] };
  if (rule.type === "categorical") {
    const entries = Object.entries(rule.options);
    return { kind: "bars", axis: "option", labels: entries.map(([k]) => k), points: entries.map(([, p]) => p) };
  }
  const compiled = compileModel({
    range,
    minCoverage: 0,
    metrics: [
      {
        metric: "x",
        weight: 100,
        rule,
        normalize: "none",
        arrUnit: 1000,
        missing: { policy: "exclude", fallback: "exclude" },
      },
    ],
    categories: [],
    tiers: [{ min: range.min, label: "All", color: "#000000" }],
    variants: [],
  });
  const [from, to] = span(rule);
  const values: number[] = [];
  const points: number[] = [];
  for (let s = 0; s <= STEPS; s++) {
    const v = from + ((to - from) * s) / STEPS;
    values.push(v);
    // Percentile rules read the percentile (0–1), not the value.
    points.push(kernelPoints(compiled.kernel, 0, v, v / 100));
  }
  return { kind: "line", axis: rule.type === "percentile" ? "percentile" : "value", values, points };
}

/** The values worth drawing: the rule's interesting part with a margin either side. */
function span(rule: Exclude<Rule, { type: "boolean" | "categorical" }>): [number, number] {
  switch (rule.type) {
    case "percentile":
      return [0, 100];
    case "linear": {
      const lo = Math.min(rule.worst, rule.best);
      const hi = Math.max(rule.worst, rule.best);
      const margin = (hi - lo) * 0.25 || 1;
      return [Math.max(lo >= 0 ? 0 : -Infinity, lo - margin), hi + margin];
    }
    case "target":
      return [0, rule.target > 0 ? rule.target * (rule.direction === "higher" ? 1.5 : 3) : 1];
    case "bands": {
      const edges = rule.bands.flatMap((b) => [b.from, b.to]).filter((e): e is number => e !== null);
      if (edges.length === 0) return [0, 1];
      const lo = Math.min(...edges);
      const hi = Math.max(...edges);
      const margin = (hi - lo) * 0.2 || Math.abs(hi) * 0.5 || 1;
      return [Math.max(lo >= 0 ? 0 : -Infinity, lo - margin), hi + margin];
    }
  }
}
