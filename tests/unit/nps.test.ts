import { describe, expect, it } from "vitest";
import { npsFromAnswers } from "@/lib/scoring/nps";

describe("NPS from 0–10 answers", () => {
  it("is % promoters − % detractors", () => {
    // 3 promoters (9, 10, 10), 2 passives (7, 8), 5 detractors (0–6) of 10 answers → 30 − 50 = −20
    expect(npsFromAnswers([9, 10, 10, 7, 8, 0, 3, 5, 6, 6])).toBe(-20);
  });

  it("spans −100 to +100", () => {
    expect(npsFromAnswers([0, 6, 2])).toBe(-100);
    expect(npsFromAnswers([9, 10])).toBe(100);
    expect(npsFromAnswers([7, 8])).toBe(0);
  });

  it("has no score without answers and refuses answers outside 0–10", () => {
    expect(npsFromAnswers([])).toBeNull();
    expect(() => npsFromAnswers([11])).toThrow(/0 to 10/);
    expect(() => npsFromAnswers([7.5])).toThrow(/whole number/);
  });
});
