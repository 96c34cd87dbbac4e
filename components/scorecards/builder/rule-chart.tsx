"use client";

import { BarChart } from "@/components/charts/bar-chart";
import { LineChart } from "@/components/charts/line-chart";
import { formatNumber } from "@/lib/format";
import { ruleCurve, type Rule } from "@/lib/scoring";

/** A small chart of what the rule gives for each value, drawn from the engine's own points. */
export function RuleChart({
  rule,
  range,
  name,
  unit,
}: {
  rule: Rule;
  range: { min: number; max: number };
  name: string;
  unit?: string | null;
}) {
  const curve = ruleCurve(rule, range);
  const title = `${name}: points for each ${curve.axis}`;
  if (curve.kind === "bars")
    return (
      <BarChart
        title={title}
        labels={curve.labels}
        series={[{ label: "Points", color: "#3451d1", values: curve.points }]}
        format={formatNumber}
        height={140}
      />
    );
  // Enough decimals that neighbouring values read differently.
  const step = (curve.values[curve.values.length - 1]! - curve.values[0]!) / (curve.values.length - 1);
  const decimals = Math.min(6, Math.max(0, Math.ceil(-Math.log10(step || 1)) + 1));
  const suffix = curve.axis === "percentile" ? "th pct" : unit ? ` ${unit}` : "";
  return (
    <LineChart
      title={title}
      labels={curve.values.map((v) => `${v.toFixed(decimals)}${suffix}`)}
      series={[{ label: "Points", color: "#3451d1", values: curve.points.map((p) => (Number.isNaN(p) ? null : p)) }]}
      yMin={range.min}
      yMax={range.max}
      height={140}
      stepped={rule.type === "bands"}
    />
  );
}
