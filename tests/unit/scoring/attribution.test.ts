import { describe, expect, it } from "vitest";
import { attributeChange, createScorer, leastSquaresSlope, scoreDeltas, scoreSlope } from "@/lib/scoring";
import { model } from "./helpers";

const linear = { type: "linear", worst: 0, best: 100 } as const;
const v1 = model({
  metrics: [
    { metric: "usage", name: "Usage", weight: 50, rule: linear },
    { metric: "support", name: "Support", weight: 30, rule: linear },
    { metric: "nps", name: "NPS", weight: 20, rule: linear },
  ],
});
const scorer = createScorer(v1);
const scoreOf = (values: Record<string, number>, s = scorer) =>
  s.scoreAccounts([{ id: "a", values }], { asOf: "2026-11-22" })[0]!;
const sum = (xs: { delta: number }[]) => xs.reduce((a, b) => a + b.delta, 0);

describe("why did the score change", () => {
  it("splits a change among the metrics that moved", () => {
    const before = scoreOf({ usage: 80, support: 60, nps: 50 });
    const after = scoreOf({ usage: 60, support: 60, nps: 70 });
    const a = attributeChange(before, after);
    expect(a.delta).toBe(after.score! - before.score!);
    expect(a.parts).toEqual([
      { kind: "metric", metric: "usage", label: "Usage", delta: -10 },
      { kind: "metric", metric: "nps", label: "NPS", delta: 4 },
      { kind: "renormalization", label: "Reweighting as data appeared or vanished", delta: 0 },
    ]);
    expect(sum(a.parts)).toBeCloseTo(a.delta!, 12);
  });

  it("separates data appearing from the reweighting it causes", () => {
    const before = scoreOf({ usage: 80, support: 60 }); // NPS missing: 0.625·80 + 0.375·60 = 72.5
    const after = scoreOf({ usage: 80, support: 60, nps: 20 }); // 40 + 18 + 4 = 62
    const a = attributeChange(before, after);
    expect(a.delta).toBe(-10.5);
    expect(a.parts.find((p) => p.metric === "nps")).toMatchObject({ label: "NPS (new data)", delta: 4 });
    expect(a.parts.find((p) => p.kind === "renormalization")!.delta).toBeCloseTo(-14.5, 12);
    expect(sum(a.parts)).toBeCloseTo(a.delta!, 12);
  });

  it("puts a model-version change in a part of its own", () => {
    const v2 = model({
      metrics: [
        { metric: "usage", name: "Usage", weight: 20, rule: linear },
        { metric: "support", name: "Support", weight: 60, rule: linear },
        { metric: "nps", name: "NPS", weight: 20, rule: linear },
      ],
    });
    const s2 = createScorer(v2);
    const inputsBefore = { usage: 90, support: 40, nps: 50 };
    const before = scoreOf(inputsBefore);
    const after = scoreOf({ usage: 90, support: 50, nps: 50 }, s2);
    const a = attributeChange(before, after, scoreOf(inputsBefore, s2));
    expect(a.parts[0]).toEqual({ kind: "model_change", label: "Model version change", delta: 52 - 67 });
    expect(a.parts.find((p) => p.metric === "support")!.delta).toBeCloseTo(6, 12);
    expect(sum(a.parts)).toBeCloseTo(a.delta!, 12);
  });

  it("has nothing to attribute when either score is missing", () => {
    expect(attributeChange(scoreOf({}), scoreOf({ usage: 1 }))).toEqual({ delta: null, parts: [] });
  });
});

describe("trends", () => {
  const series = [
    { day: "2026-08-24", score: 50 },
    { day: "2026-10-23", score: 60 },
    { day: "2026-11-15", score: 64 },
    { day: "2026-11-20", score: 70 },
    { day: "2026-11-22", score: null },
  ];

  it("absolute deltas over 7, 30 and 90 days from the latest known score", () => {
    expect(scoreDeltas(series, "2026-11-22")).toEqual({ d7: 6, d30: 10, d90: 20 });
    expect(scoreDeltas([{ day: "2026-11-22", score: 5 }], "2026-11-22")).toEqual({ d7: null, d30: null, d90: null });
  });

  it("least-squares slope in points per day", () => {
    expect(
      leastSquaresSlope([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 5 },
      ]),
    ).toBe(2);
    expect(leastSquaresSlope([{ x: 1, y: 3 }])).toBeNull();
    expect(
      scoreSlope(
        [
          { day: "2026-11-01", score: 10 },
          { day: "2026-11-11", score: 30 },
          { day: "2026-11-21", score: 50 },
        ],
        "2026-11-22",
      ),
    ).toBe(2);
  });
});
