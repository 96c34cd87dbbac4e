import { describe, expect, it } from "vitest";
import {
  DEFAULT_PRIORITY_WEIGHTS as W,
  priorityOf,
  priorityWeightsSchema,
  readPriorityWeights,
  renewalUrgency,
  riskOf,
} from "@/lib/dashboards/priority";

const range = { min: 0, max: 100 };
const base = { score: 50, delta30: 0, coverage: 1, arrRank: 0.5, daysToRenewal: null };

describe("at-risk priority", () => {
  it("computes risk from a low score, a falling trend and missing data by their weights", () => {
    // score 50 → 0.5 low; fell 10 of a 20-point "full fall" → 0.5; coverage 60 % → 0.4 missing
    const risk = riskOf({ ...base, delta30: -10, coverage: 0.6 }, range, W);
    expect(risk).toBeCloseTo((0.6 * 0.5 + 0.25 * 0.5 + 0.15 * 0.4) / 1, 12);
    expect(riskOf({ ...base, score: null }, range, W)).toBeCloseTo(0.6 * 0.5, 12);
    expect(riskOf({ ...base, score: 100, delta30: 30 }, range, W)).toBe(0);
  });

  it("scales urgency from 1 within 30 days of renewal to 0 from 180 days out", () => {
    expect(renewalUrgency(null)).toBe(0);
    expect(renewalUrgency(-3)).toBe(0);
    expect(renewalUrgency(10)).toBe(1);
    expect(renewalUrgency(30)).toBe(1);
    expect(renewalUrgency(105)).toBeCloseTo(0.5, 12);
    expect(renewalUrgency(400)).toBe(0);
  });

  it("lets revenue and urgency reorder risky accounts but never lift a healthy one", () => {
    const risky = { ...base, score: 20 };
    const small = priorityOf({ ...risky, arrRank: 0 }, range, W);
    const large = priorityOf({ ...risky, arrRank: 1 }, range, W);
    const renewing = priorityOf({ ...risky, arrRank: 1, daysToRenewal: 14 }, range, W);
    expect(large).toBeGreaterThan(small);
    expect(renewing).toBeGreaterThan(large);
    expect(renewing).toBeCloseTo(100 * riskOf(risky, range, W), 12);
    expect(priorityOf({ ...base, score: 100, arrRank: 1, daysToRenewal: 5 }, range, W)).toBe(0);
  });

  it("works on any score range, e.g. −10..+20 points", () => {
    expect(riskOf({ ...base, score: -10 }, { min: -10, max: 20 }, { ...W, trend: 0, coverage: 0 })).toBe(1);
    expect(riskOf({ ...base, score: 5 }, { min: -10, max: 20 }, { ...W, trend: 0, coverage: 0 })).toBeCloseTo(0.5, 12);
  });

  it("validates weights with messages naming the field, and falls back to defaults for stored junk", () => {
    const bad = priorityWeightsSchema.safeParse({ score: 0, trend: 0, coverage: 0, revenue: 0.8, urgency: 0.5 });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain("score: At least one risk weight must be above 0");
    expect(messages).toContain("revenue: Revenue and renewal urgency together may be at most 1");
    expect(priorityWeightsSchema.safeParse({ ...W, trend: 2 }).error!.issues[0]!.message).toBe(
      "Falling trend must be from 0 to 1",
    );
    expect(readPriorityWeights({ trend: "lots" })).toEqual(W);
    expect(readPriorityWeights({ trend: 0.5 })).toEqual({ ...W, trend: 0.5 });
  });
});
