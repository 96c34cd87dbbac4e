import { describe, expect, it } from "vitest";
import { createScorer, validateModel } from "@/lib/scoring";
import { model, score, TIERS } from "./helpers";

const linear = { type: "linear", worst: 0, best: 100 } as const;
const five = model({
  metrics: [
    { metric: "a", weight: 30, rule: linear },
    { metric: "b", weight: 20, rule: linear },
    { metric: "c", weight: 25, rule: linear },
    { metric: "d", weight: 15, rule: linear },
    { metric: "e", weight: 10, rule: linear },
  ],
});

describe("worked examples of the product brief", () => {
  it("30/20/25/15/10 % of 80/70/90/60/75 is 77 (24 + 14 + 22.5 + 9 + 7.5)", () => {
    const r = score(five, { a: 80, b: 70, c: 90, d: 60, e: 75 });
    expect(r.score).toBe(77);
    expect(r.metrics.map((m) => m.contribution)).toEqual([24, 14, 22.5, 9, 7.5]);
    expect(r.tier.label).toBe("Healthy");
    expect(r.coverage).toBe(1);
  });

  it("sentiment at 25 % with Good +10 / Neutral +5 / Bad −10 contributes +2.5 / +1.25 / −2.5", () => {
    const def = model({
      range: { min: -10, max: 20 },
      tiers: [{ min: -10, label: "Low", color: "#000000" }],
      metrics: [
        { metric: "sentiment", weight: 25, rule: { type: "categorical", options: { good: 10, neutral: 5, bad: -10 } } },
        { metric: "other", weight: 75, rule: { type: "linear", worst: 0, best: 1, minPoints: -10, maxPoints: 20 } },
      ],
    });
    const contribution = (answer: string) => score(def, { sentiment: answer, other: 1 }).metrics[0]!.contribution;
    expect([contribution("good"), contribution("neutral"), contribution("bad")]).toEqual([2.5, 1.25, -2.5]);
  });

  it("a model whose metric points run from −10 to +20 scores from −10 to +20", () => {
    const def = model({
      range: { min: -10, max: 20 },
      tiers: [{ min: -10, label: "Low", color: "#000000" }],
      metrics: [
        {
          metric: "x",
          weight: 50,
          rule: {
            type: "bands",
            bands: [
              { from: null, to: 0, points: -10 },
              { from: 0, to: null, points: 20 },
            ],
          },
        },
        { metric: "y", weight: 50, rule: { type: "boolean", true: 20, false: -10 } },
      ],
    });
    const r = score(def, { x: 5, y: true });
    expect([r.lowest, r.highest]).toEqual([-10, 20]);
    expect(r.score).toBe(20);
    expect(score(def, { x: -1, y: false }).score).toBe(-10);
  });

  it("usage is normalised by the account's population before it is scored", () => {
    const def = model({
      metrics: [{ metric: "wau", weight: 100, normalize: "per_seat", rule: { type: "linear", worst: 0, best: 1 } }],
    });
    const small = score(def, { wau: 40 }, { seats: 50 });
    const large = score(def, { wau: 400 }, { seats: 500 });
    expect(small.score).toBe(80);
    expect(large.score).toBe(80);
    expect(large.metrics[0]).toMatchObject({ raw: 400, normalized: 0.8 });
  });
});

describe("normalisation", () => {
  it("per active user and per ARR unit", () => {
    const def = model({
      metrics: [
        { metric: "logins", weight: 50, normalize: "per_active_user", rule: { type: "linear", worst: 0, best: 10 } },
        {
          metric: "calls",
          weight: 50,
          normalize: "per_arr_unit",
          arrUnit: 1000,
          rule: { type: "linear", worst: 0, best: 100 },
        },
      ],
    });
    const r = score(def, { logins: 150, calls: 2500 }, { activeUsers: 30, arr: 50_000 });
    expect(r.metrics.map((m) => [m.normalized, m.points])).toEqual([
      [5, 50],
      [50, 50],
    ]);
  });

  it("a missing denominator makes the metric unusable, with the reason", () => {
    const def = model({
      metrics: [{ metric: "wau", weight: 100, normalize: "per_seat", rule: { type: "linear", worst: 0, best: 1 } }],
    });
    expect(score(def, { wau: 10 }, { seats: 0 }).metrics[0]).toMatchObject({ status: "excluded", reason: "no_seats" });
  });
});

describe("renormalisation over present inputs", () => {
  it("within a category first, then across categories", () => {
    const def = model({
      categories: [
        {
          key: "usage",
          name: "Usage",
          weight: 60,
          metrics: [
            { metric: "u1", weight: 50, rule: linear },
            { metric: "u2", weight: 50, rule: linear },
          ],
        },
        { key: "support", name: "Support", weight: 40, metrics: [{ metric: "s1", weight: 100, rule: linear }] },
      ],
    });
    // u2 missing: usage = u1 alone (80); overall = 0.6·80 + 0.4·50 = 68.
    const r = score(def, { u1: 80, s1: 50 });
    expect(r.score).toBe(68);
    expect(r.metrics.map((m) => m.effectiveWeight)).toEqual([0.6, 0, 0.4]);
    expect(r.categories.map((c) => [c.key, c.score])).toEqual([
      ["usage", 80],
      ["support", 50],
    ]);
    expect(r.coverage).toBe(0.7);
    // All of support missing: usage carries the whole weight.
    const usageOnly = score(def, { u1: 80, u2: 60 });
    expect(usageOnly.score).toBe(70);
    expect(usageOnly.categories[1]!.score).toBeNull();
  });

  it("nested categories multiply their weights", () => {
    const def = model({
      categories: [
        {
          key: "product",
          name: "Product",
          weight: 50,
          categories: [
            { key: "breadth", name: "Breadth", weight: 40, metrics: [{ metric: "b", weight: 100, rule: linear }] },
            { key: "depth", name: "Depth", weight: 60, metrics: [{ metric: "d", weight: 100, rule: linear }] },
          ],
        },
        { key: "people", name: "People", weight: 50, metrics: [{ metric: "p", weight: 100, rule: linear }] },
      ],
    });
    const r = score(def, { b: 100, d: 50, p: 0 });
    expect(r.metrics.map((m) => m.effectiveWeight)).toEqual([0.2, 0.3, 0.5]);
    expect(r.score).toBe(35);
  });

  it("has no score at all when nothing is usable, and says so in the tier", () => {
    const r = score(five, {});
    expect(r.score).toBeNull();
    expect(r.coverage).toBe(0);
    expect(r.tier.label).toBe("Insufficient data");
  });

  it("raw weights are normalised when the model allows them", () => {
    const raw = {
      range: { min: 0, max: 100 },
      tiers: TIERS,
      metrics: [
        { metric: "a", weight: 1, rule: linear },
        { metric: "b", weight: 3, rule: linear },
      ],
    };
    expect(validateModel(raw).ok).toBe(false);
    const result = validateModel(raw, { rawWeights: true });
    if (!result.ok) throw new Error("expected a valid model");
    const r = createScorer(result.model).scoreAccounts([{ id: "x", values: { a: 100, b: 0 } }], {
      asOf: "2026-01-01",
    })[0]!;
    expect(r.metrics.map((m) => m.effectiveWeight)).toEqual([0.25, 0.75]);
    expect(r.score).toBe(25);
  });
});
