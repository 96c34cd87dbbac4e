import { describe, expect, it } from "vitest";
import { summarizeImpact } from "@/lib/dashboards/impact";

const tiers = [
  { key: "low", ranked: true },
  { key: "high", ranked: true },
  { key: "insufficient_data", ranked: false },
];

describe("impact of a draft", () => {
  it("counts tier moves with their ARR, up and down, and fills the matrix", () => {
    const before = { score: [30, 80, 60, NaN], tier: ["low", "high", "high", "insufficient_data"] };
    const after = { score: [55, 40, 61, 20], tier: ["high", "low", "high", "low"] };
    const s = summarizeImpact(before, after, [100, 200, 300, 400], tiers, { min: 0, max: 100 }, 10);
    expect(s).toMatchObject({ accounts: 4, changedTier: 3, arrChangedTier: 700, up: 1, down: 1 });
    expect(s.matrix[0]![1]).toEqual({ accounts: 1, arr: 100 });
    expect(s.matrix[1]![0]).toEqual({ accounts: 1, arr: 200 });
    expect(s.matrix[1]![1]).toEqual({ accounts: 1, arr: 300 });
    expect(s.matrix[2]![0]).toEqual({ accounts: 1, arr: 400 });
    expect(s.averageBefore).toBeCloseTo(170 / 3, 9);
    expect(s.averageAfter).toBeCloseTo(176 / 4, 9);
  });

  it("overlays the two distributions and ranks the biggest movers", () => {
    const before = { score: [10, 95, 50], tier: ["low", "high", "low"] };
    const after = { score: [12, 60, 100], tier: ["low", "high", "high"] };
    const s = summarizeImpact(before, after, [1, 1, 1], tiers, { min: 0, max: 100 }, 4);
    expect(s.histogram.before).toEqual([1, 0, 1, 1]);
    expect(s.histogram.after).toEqual([1, 0, 1, 1]);
    expect(s.movers.map((m) => [m.index, m.delta])).toEqual([
      [2, 50],
      [1, -35],
      [0, 2],
    ]);
  });
});
