import { describe, expect, it } from "vitest";
import { createScorer, type ModelDefinition } from "@/lib/scoring";
import { model, pointsFor, score } from "./helpers";

describe("rules turn values into points", () => {
  it("categorical: option → points, case-insensitive; unknown options are not usable", () => {
    const rule = { type: "categorical", options: { Good: 10, Neutral: 5, Bad: -10 } };
    const def = model({
      range: { min: -10, max: 10 },
      tiers: [{ min: -10, label: "Low", color: "#000000" }],
      metrics: [{ metric: "m", weight: 100, rule: rule as never }],
    });
    expect(score(def, { m: "good" }).metrics[0]!.points).toBe(10);
    expect(score(def, { m: " NEUTRAL " }).metrics[0]!.points).toBe(5);
    expect(score(def, { m: "Bad" }).metrics[0]!.points).toBe(-10);
    const unknown = score(def, { m: "great" }).metrics[0]!;
    expect(unknown).toMatchObject({ status: "excluded", reason: "unknown_option", points: null });
  });

  it("bands: lower bound inclusive, upper exclusive, the last band inclusive at its top", () => {
    const rule = {
      type: "bands",
      bands: [
        { from: 0, to: 10, points: 20 },
        { from: 10, to: 20, points: 60 },
        { from: 20, to: 30, points: 100 },
      ],
    };
    expect(pointsFor(rule, 0)).toBe(20);
    expect(pointsFor(rule, 9.999)).toBe(20);
    expect(pointsFor(rule, 10)).toBe(60);
    expect(pointsFor(rule, 20)).toBe(100);
    expect(pointsFor(rule, 30)).toBe(100);
    // Outside the bands: the nearest band.
    expect(pointsFor(rule, -5)).toBe(20);
    expect(pointsFor(rule, 31)).toBe(100);
  });

  it("bands may be open at either end", () => {
    const rule = {
      type: "bands",
      bands: [
        { from: null, to: 1, points: 100 },
        { from: 1, to: null, points: 0 },
      ],
    };
    expect(pointsFor(rule, -1000)).toBe(100);
    expect(pointsFor(rule, 1)).toBe(0);
    expect(pointsFor(rule, 1e9)).toBe(0);
  });

  it("linear: worst → min points, best → max points, clamped", () => {
    const rule = { type: "linear", worst: 10, best: 60 };
    expect(pointsFor(rule, 10)).toBe(0);
    expect(pointsFor(rule, 35)).toBe(50);
    expect(pointsFor(rule, 60)).toBe(100);
    expect(pointsFor(rule, 0)).toBe(0);
    expect(pointsFor(rule, 99)).toBe(100);
  });

  it("linear with worst > best: lower is better", () => {
    const rule = { type: "linear", worst: 60, best: 0 };
    expect(pointsFor(rule, 0)).toBe(100);
    expect(pointsFor(rule, 15)).toBe(75);
    expect(pointsFor(rule, 90)).toBe(0);
  });

  it("linear with its own point range", () => {
    expect(pointsFor({ type: "linear", worst: 0, best: 10, minPoints: 20, maxPoints: 80 }, 5)).toBe(50);
  });

  it("target: full points at or beyond the target, proportional below", () => {
    const rule = { type: "target", target: 80 };
    expect(pointsFor(rule, 80)).toBe(100);
    expect(pointsFor(rule, 120)).toBe(100);
    expect(pointsFor(rule, 60)).toBe(75);
    expect(pointsFor(rule, 0)).toBe(0);
  });

  it("target when lower is better: full points at or below, proportional above", () => {
    const rule = { type: "target", target: 2, direction: "lower" };
    expect(pointsFor(rule, 1)).toBe(100);
    expect(pointsFor(rule, 2)).toBe(100);
    expect(pointsFor(rule, 4)).toBe(50);
    expect(pointsFor(rule, 8)).toBe(25);
  });

  it("boolean: true/false → points; yes/no and 1/0 are read too", () => {
    const rule = { type: "boolean", true: 100, false: 20 };
    expect(pointsFor(rule, true)).toBe(100);
    expect(pointsFor(rule, false)).toBe(20);
    expect(pointsFor(rule, 1)).toBe(100);
    expect(pointsFor(rule, "no")).toBe(20);
  });

  it("percentile: the value's rank among peers mapped onto points", () => {
    const def = model({ metrics: [{ metric: "m", weight: 100, rule: { type: "percentile" } }] });
    expect(createPeers(def, [10, 20, 30, 40, 50], 30)).toBe(50);
    expect(createPeers(def, [10, 20, 30, 40, 50], 10)).toBe(0);
    expect(createPeers(def, [10, 20, 30, 40, 50], 50)).toBe(100);
    expect(createPeers(def, [10, 20, 30, 40, 50], 40)).toBe(75);
    // Ties share the middle rank.
    expect(createPeers(def, [10, 20, 20, 30], 20)).toBe(50);
  });

  it("percentile peers default to the accounts of the batch in the same segment", () => {
    const def = model({ metrics: [{ metric: "m", weight: 100, rule: { type: "percentile" } }] });
    const accounts = [
      { id: "e1", segments: ["enterprise"], values: { m: 1 } },
      { id: "e2", segments: ["enterprise"], values: { m: 5 } },
      { id: "s1", segments: ["smb"], values: { m: 2 } },
      { id: "s2", segments: ["smb"], values: { m: 3 } },
      { id: "s3", segments: ["smb"], values: { m: 4 } },
    ];
    const points = createScorer(def)
      .scoreAccounts(accounts, { asOf: "2026-01-01" })
      .map((r) => [r.id, r.metrics[0]!.points]);
    expect(points).toEqual([
      ["e1", 0],
      ["e2", 100],
      ["s1", 0],
      ["s2", 50],
      ["s3", 100],
    ]);
  });

  it("percentile when lower is better, and without peers", () => {
    const def = model({ metrics: [{ metric: "m", weight: 100, rule: { type: "percentile", direction: "lower" } }] });
    expect(createPeers(def, [1, 2, 3], 1)).toBe(100);
    expect(createPeers(def, [1, 2, 3], 3)).toBe(0);
    expect(createPeers(def, [], 3)).toBeNull();
  });
});

function createPeers(def: ModelDefinition, peers: number[], value: number): number | null {
  return createScorer(def).scoreAccounts([{ id: "x", values: { m: value } }], {
    asOf: "2026-01-01",
    peers: { m: peers },
  })[0]!.metrics[0]!.points;
}
