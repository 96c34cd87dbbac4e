import { describe, expect, it } from "vitest";
import { alertTitle, judge, parseRuleParams, type AlertKind, type AlertSignal } from "@/lib/alerts/rules";

const ctx = { tierOrder: ["at_risk", "attention", "healthy"] };
const signal = (over: Partial<AlertSignal> = {}): AlertSignal => ({
  accountId: "a",
  score: 60,
  tier: "attention",
  previousTier: "attention",
  recentHigh: 60,
  coverage: 0.9,
  renewalDays: 200,
  inputAgeDays: 3,
  inputStaleDays: 30,
  ...over,
});
const rule = <K extends AlertKind>(kind: K, params: unknown) => ({ kind, params: parseRuleParams(kind, params) });

describe("score below a threshold", () => {
  const r = rule("score_below", { threshold: 50, margin: 5 });
  it("fires below, clears only past the margin, holds in between", () => {
    expect(judge(r, signal({ score: 49.9 }), ctx)).toBe("fire");
    expect(judge(r, signal({ score: 50 }), ctx)).toBe("hold");
    expect(judge(r, signal({ score: 54.9 }), ctx)).toBe("hold");
    expect(judge(r, signal({ score: 55 }), ctx)).toBe("clear");
  });
  it("holds for an unscored account instead of treating it as 0", () => {
    expect(judge(r, signal({ score: null }), ctx)).toBe("hold");
  });
  it("names the score and the threshold", () => {
    expect(alertTitle(r, signal({ score: 41.26 }), (k) => k)).toBe("Score 41.3 is below 50");
  });
});

describe("tier change", () => {
  const down = rule("tier_change", { direction: "down" });
  const up = rule("tier_change", { direction: "up" });
  it("fires on a move in its direction only", () => {
    expect(judge(down, signal({ previousTier: "healthy", tier: "at_risk" }), ctx)).toBe("fire");
    expect(judge(up, signal({ previousTier: "healthy", tier: "at_risk" }), ctx)).toBe("clear");
    expect(judge(up, signal({ previousTier: "attention", tier: "healthy" }), ctx)).toBe("fire");
    expect(judge(down, signal({ previousTier: "attention", tier: "attention" }), ctx)).toBe("clear");
  });
  it("ignores unranked tiers (insufficient data) and a first score", () => {
    expect(judge(down, signal({ previousTier: "healthy", tier: "insufficient_data" }), ctx)).toBe("clear");
    expect(judge(down, signal({ previousTier: null, tier: "at_risk" }), ctx)).toBe("clear");
  });
  it("reads as a sentence with the tiers' labels", () => {
    const label = (k: string) => ({ healthy: "Healthy", at_risk: "At risk" })[k] ?? k;
    expect(alertTitle(down, signal({ previousTier: "healthy", tier: "at_risk" }), label)).toBe(
      "Tier changed from Healthy to At risk",
    );
  });
});

describe("drop of N points within M days", () => {
  const r = rule("score_drop", { points: 10, days: 14, margin: 3 });
  it("compares the score with the window's high, with hysteresis", () => {
    expect(judge(r, signal({ recentHigh: 80, score: 70 }), ctx)).toBe("fire");
    expect(judge(r, signal({ recentHigh: 80, score: 71 }), ctx)).toBe("hold");
    expect(judge(r, signal({ recentHigh: 80, score: 73 }), ctx)).toBe("clear");
    expect(judge(r, signal({ recentHigh: null, score: 10 }), ctx)).toBe("hold");
  });
  it("refuses nonsense parameters with the field's name", () => {
    expect(() => parseRuleParams("score_drop", { points: 0, days: 14 })).toThrow(/Points must be from 1 to 100/);
    expect(() => parseRuleParams("score_drop", { points: 5, days: 1.5 })).toThrow(/Days must be a whole number/);
  });
});

describe("key input stale or missing", () => {
  it("fires when missing, or older than the rule's limit (else the metric's own)", () => {
    const own = rule("input_stale", { metric: "logins" });
    const strict = rule("input_stale", { metric: "logins", staleDays: 7 });
    expect(judge(own, signal({ inputAgeDays: null }), ctx)).toBe("fire");
    expect(judge(own, signal({ inputAgeDays: 31 }), ctx)).toBe("fire");
    expect(judge(own, signal({ inputAgeDays: 29 }), ctx)).toBe("clear");
    expect(judge(strict, signal({ inputAgeDays: 8 }), ctx)).toBe("fire");
    expect(judge(own, signal({ inputAgeDays: 400, inputStaleDays: null }), ctx)).toBe("clear");
    expect(alertTitle(own, signal({ inputAgeDays: null }), (k) => k)).toBe("logins is missing");
  });
});

describe("renewal within N days while at risk", () => {
  const r = rule("renewal_at_risk", { days: 60, tiers: ["at_risk"] });
  it("needs both a renewal ahead within the window and an at-risk tier", () => {
    expect(judge(r, signal({ renewalDays: 30, tier: "at_risk" }), ctx)).toBe("fire");
    expect(judge(r, signal({ renewalDays: 30, tier: "healthy" }), ctx)).toBe("clear");
    expect(judge(r, signal({ renewalDays: 90, tier: "at_risk" }), ctx)).toBe("clear");
    expect(judge(r, signal({ renewalDays: -2, tier: "at_risk" }), ctx)).toBe("clear");
    expect(judge(r, signal({ renewalDays: null, tier: "at_risk" }), ctx)).toBe("clear");
  });
  it("must name at least one tier", () => {
    expect(() => parseRuleParams("renewal_at_risk", { days: 30, tiers: [] })).toThrow(/at least one at-risk tier/);
  });
});

describe("coverage below X %", () => {
  const r = rule("coverage_below", { percent: 60, margin: 10 });
  it("fires below, re-arms only at X + margin", () => {
    expect(judge(r, signal({ coverage: 0.59 }), ctx)).toBe("fire");
    expect(judge(r, signal({ coverage: 0.65 }), ctx)).toBe("hold");
    expect(judge(r, signal({ coverage: 0.7 }), ctx)).toBe("clear");
    expect(alertTitle(r, signal({ coverage: 0.42 }), (k) => k)).toBe("Coverage 42 % is below 60 %");
  });
});
