import type { AttributionPart } from "../scoring";

export interface WaterfallStep {
  label: string;
  /** Bar from `start` to `end`; totals start at the axis' base. */
  start: number;
  end: number;
  kind: "total" | "up" | "down";
}

/**
 * The "why did it change" bars: the starting score, one floating bar per part
 * (largest first), the final score. Each bar starts where the previous ended, so
 * the last step lands exactly on `after`; parts smaller than `epsilon` are merged
 * into "Other changes".
 */
export function waterfallSteps(
  before: number,
  after: number,
  parts: AttributionPart[],
  labels: { before: string; after: string },
  epsilon = 0.05,
): WaterfallStep[] {
  const sorted = [...parts].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  const shown = sorted.filter((p) => Math.abs(p.delta) >= epsilon);
  const rest = sorted.filter((p) => Math.abs(p.delta) < epsilon).reduce((s, p) => s + p.delta, 0);
  const items = rest !== 0 ? [...shown, { label: "Other changes", delta: rest }] : shown;
  const steps: WaterfallStep[] = [{ label: labels.before, start: 0, end: before, kind: "total" }];
  let level = before;
  for (const p of items) {
    steps.push({ label: p.label, start: level, end: level + p.delta, kind: p.delta >= 0 ? "up" : "down" });
    level += p.delta;
  }
  steps.push({ label: labels.after, start: 0, end: after, kind: "total" });
  return steps;
}
