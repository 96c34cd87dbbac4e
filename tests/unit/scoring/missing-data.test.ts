import { describe, expect, it } from "vitest";
import { model, score } from "./helpers";

const linear = { type: "linear", worst: 0, best: 100 } as const;
const withPolicy = (missing: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  model({
    minCoverage: 50,
    metrics: [
      { metric: "base", weight: 60, rule: linear },
      { metric: "m", weight: 40, rule: linear, missing: missing as never, ...extra },
    ],
  });
const at = (value: unknown, observedAt: string) => ({ value, observedAt }) as never;

describe("missing-data policies", () => {
  it("exclude (default): left out, weights renormalise, coverage drops", () => {
    const r = score(withPolicy({ policy: "exclude" }), { base: 50 });
    expect(r.score).toBe(50);
    expect(r.metrics[1]).toMatchObject({ status: "excluded", reason: "missing", points: null, effectiveWeight: 0 });
    expect(r.coverage).toBe(0.6);
  });

  it("worst: scored with the rule's minimum points, not counted as data", () => {
    const r = score(withPolicy({ policy: "worst" }), { base: 50 });
    expect(r.metrics[1]).toMatchObject({ status: "worst", points: 0, effectiveWeight: 0.4 });
    expect(r.score).toBe(30);
    expect(r.coverage).toBe(0.6);
  });

  it("neutral: scored with the fixed neutral value (default: middle of the points)", () => {
    expect(score(withPolicy({ policy: "neutral", neutral: 70 }), { base: 50 }).score).toBe(58);
    const middle = score(withPolicy({ policy: "neutral" }), { base: 50 });
    expect(middle.metrics[1]).toMatchObject({ status: "neutral", points: 50 });
  });

  it("carry_forward: the last observation while within the staleness limit, then the fallback", () => {
    const def = withPolicy({ policy: "carry_forward", fallback: "neutral", neutral: 40 }, { staleAfterDays: 30 });
    const fresh = score(def, { base: 50, m: at(90, "2026-11-01") });
    expect(fresh.metrics[1]).toMatchObject({ status: "carried_forward", points: 90, ageDays: 21 });
    expect(fresh.coverage).toBe(1);
    const old = score(def, { base: 50, m: at(90, "2026-10-01") });
    expect(old.metrics[1]).toMatchObject({ status: "neutral", reason: "stale", points: 40, raw: 90 });
    expect(old.coverage).toBe(0.6);
    expect(score(def, { base: 50 }).metrics[1]).toMatchObject({ status: "neutral", reason: "missing" });
  });

  it("carry_forward with decay: manual inputs fade linearly toward neutral as they age", () => {
    const def = withPolicy({ policy: "carry_forward", neutral: 50, decayDays: 100 }, { staleAfterDays: 120 });
    expect(score(def, { base: 50, m: at(100, "2026-11-22") }).metrics[1]!.points).toBe(100);
    expect(score(def, { base: 50, m: at(100, "2026-10-13") }).metrics[1]!.points).toBe(80); // 40 days
    expect(score(def, { base: 50, m: at(0, "2026-10-13") }).metrics[1]!.points).toBe(20);
    expect(score(def, { base: 50, m: at(100, "2026-08-14") }).metrics[1]!.points).toBe(50); // 100 days: neutral
  });
});

describe("staleness", () => {
  it("an observation older than the limit is stale and handled by the policy", () => {
    const def = withPolicy({ policy: "exclude" }, { staleAfterDays: 14 });
    expect(score(def, { base: 50, m: at(80, "2026-11-08") }).metrics[1]).toMatchObject({
      status: "scored",
      points: 80,
      ageDays: 14,
    });
    expect(score(def, { base: 50, m: at(80, "2026-11-07") }).metrics[1]).toMatchObject({
      status: "excluded",
      reason: "stale",
      ageDays: 15,
    });
  });

  it("an observation after the as-of time is not known yet (point-in-time)", () => {
    const def = withPolicy({ policy: "exclude" });
    expect(score(def, { base: 50, m: at(80, "2026-11-23T08:00:00Z") }).metrics[1]).toMatchObject({
      status: "excluded",
      reason: "missing",
    });
  });
});

describe("coverage and the Insufficient data tier", () => {
  it("below the minimum coverage the tier is Insufficient data — never a silent 0 or 'At risk'", () => {
    const def = model({
      minCoverage: 60,
      metrics: [
        { metric: "a", weight: 60, rule: linear },
        { metric: "b", weight: 40, rule: linear },
      ],
    });
    const thin = score(def, { b: 10 });
    expect(thin.coverage).toBe(0.4);
    expect(thin.score).toBe(10);
    expect(thin.tier).toMatchObject({ key: "insufficient_data", label: "Insufficient data" });
    // Exactly at the minimum is enough.
    expect(score(def, { a: 10 }).tier.label).toBe("At risk");
  });
});

describe("tiers", () => {
  it("a score belongs to the highest tier whose minimum it reaches (lower bound inclusive)", () => {
    const def = model({ metrics: [{ metric: "a", weight: 100, rule: linear }] });
    expect(score(def, { a: 39.99 }).tier.label).toBe("At risk");
    expect(score(def, { a: 40 }).tier.label).toBe("Neutral");
    expect(score(def, { a: 70 }).tier.label).toBe("Healthy");
    expect(score(def, { a: 100 }).tier.label).toBe("Healthy");
  });
});
