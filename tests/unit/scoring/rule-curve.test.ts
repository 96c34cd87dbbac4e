import { describe, expect, it } from "vitest";
import { ruleCurve, type Rule } from "@/lib/scoring";

const range = { min: 0, max: 100 };
const line = (rule: Rule) => {
  const c = ruleCurve(rule, range);
  if (c.kind !== "line") throw new Error("expected a line");
  return c;
};
const at = (c: { values: number[]; points: number[] }, value: number) => c.points[c.values.indexOf(value)];

describe("rule curve (the builder's value → points chart)", () => {
  it("draws a linear rule clamped outside worst and best, starting at zero for non-negative values", () => {
    const c = line({ type: "linear", worst: 2, best: 10 });
    expect(c.axis).toBe("value");
    expect(c.values[0]).toBe(0);
    expect(c.values.at(-1)).toBe(12);
    c.values.forEach((v, i) => expect(c.points[i]).toBeCloseTo(Math.min(1, Math.max(0, (v - 2) / 8)) * 100, 9));
  });

  it("draws lower-is-better linear rules falling, within the rule's own points", () => {
    const c = line({ type: "linear", worst: 60, best: 0, minPoints: 20, maxPoints: 80 });
    expect(at(c, 0)).toBe(80);
    expect(c.points.at(-1)).toBe(20);
    expect(Math.min(...c.points)).toBe(20);
  });

  it("draws bands as steps, lower-inclusive, values outside scoring the nearest band", () => {
    const c = line({
      type: "bands",
      bands: [
        { from: null, to: 10, points: 100 },
        { from: 10, to: 50, points: 60 },
        { from: 50, to: null, points: 0 },
      ],
    });
    c.values.forEach((v, i) => expect(c.points[i]).toBe(v < 10 ? 100 : v < 50 ? 60 : 0));
    expect(c.values.at(-1)).toBeGreaterThan(50);
  });

  it("draws target rules: proportional below the target, full at or past it; the reverse when lower is better", () => {
    const higher = line({ type: "target", target: 40, direction: "higher" });
    higher.values.forEach((v, i) => expect(higher.points[i]).toBeCloseTo(Math.min(1, v / 40) * 100, 9));
    const lower = line({ type: "target", target: 5, direction: "lower" });
    lower.values.forEach((v, i) => expect(lower.points[i]).toBeCloseTo(v <= 5 ? 100 : (5 / v) * 100, 9));
  });

  it("draws percentile rules over the percentiles", () => {
    const c = line({ type: "percentile", direction: "lower" });
    expect(c.axis).toBe("percentile");
    expect([c.values[0], c.values.at(-1)]).toEqual([0, 100]);
    expect([c.points[0], c.points.at(-1)]).toEqual([100, 0]);
  });

  it("gives a bar per answer for yes/no and option rules", () => {
    expect(ruleCurve({ type: "boolean", true: 100, false: 30 }, range)).toEqual({
      kind: "bars",
      axis: "value",
      labels: ["Yes", "No"],
      points: [100, 30],
    });
    expect(ruleCurve({ type: "categorical", options: { green: 100, amber: 50, red: 0 } }, range)).toMatchObject({
      labels: ["green", "amber", "red"],
      points: [100, 50, 0],
    });
  });
});
