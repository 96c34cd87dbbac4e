import { describe, expect, it } from "vitest";
import { placeAccount, usesDate, type PlacementRules } from "@/lib/segments/placement";
import type { RuleAccount } from "@/lib/segments/rules";

const DAY = 86_400_000;
const TODAY = new Date("2026-06-15T00:00:00Z");
const account = (tenure: number, toRenewal: number, arr = 50_000): RuleAccount => ({
  arr,
  seats: 10,
  activeUsers: 8,
  plan: "pro",
  region: "emea",
  startDate: new Date(TODAY.getTime() - tenure * DAY),
  renewalDate: new Date(TODAY.getTime() + toRenewal * DAY),
  traits: {},
});
const rules: PlacementRules = {
  segments: [
    { id: "s1", key: "big", rule: { all: [{ field: "arr", op: "gte", value: 100_000 }] } },
    { id: "s2", key: "new", rule: { any: [{ field: "tenureDays", op: "lt", value: 30 }] } },
  ],
  stages: [
    { id: "t1", key: "onboarding", rule: { all: [{ field: "tenureDays", op: "lt", value: 90 }] } },
    { id: "t2", key: "renewal", rule: { all: [{ field: "daysToRenewal", op: "lte", value: 90 }] } },
  ],
};

describe("placing an account by its rules", () => {
  it("tells the rules that change with the date alone, however deep the condition", () => {
    expect(usesDate(rules.stages[0]!.rule)).toBe(true);
    expect(usesDate(rules.segments[0]!.rule)).toBe(false);
    expect(
      usesDate({
        all: [{ field: "plan", op: "eq", value: "pro" }, { any: [{ field: "daysToRenewal", op: "lt", value: 9 }] }],
      }),
    ).toBe(true);
    expect(usesDate(null)).toBe(false);
  });

  it("gives the rule segments matched and the first stage matched, or none", () => {
    expect(placeAccount(account(10, 300, 200_000), rules, TODAY)).toEqual({ segments: [0, 1], stage: 0 });
    expect(placeAccount(account(100, 60), rules, TODAY)).toEqual({ segments: [], stage: 1 });
    // Past every stage's rule: no stage, rather than the one it had.
    expect(placeAccount(account(400, 200), rules, TODAY)).toEqual({ segments: [], stage: null });
    // The same account a year earlier, as of that day.
    expect(placeAccount(account(400, 200), rules, new Date(TODAY.getTime() - 350 * DAY)).stage).toBe(0);
  });
});
