import { describe, expect, it } from "vitest";
import { formatRuleFigure } from "@/lib/format";
import { describeRule } from "@/lib/segments/rules";

describe("a segment rule in words", () => {
  it("writes ARR as money and other numbers with thousands separators", () => {
    const rule = {
      all: [
        { field: "arr", op: "gte", value: 100_000 },
        { field: "seats", op: "lt", value: 2500 },
      ],
    };
    expect(describeRule(rule, formatRuleFigure)).toBe("ARR ≥ $100,000 and Seats < 2,500");
    // Without a way to write figures, numbers are written plainly.
    expect(describeRule(rule)).toBe("ARR ≥ 100000 and Seats < 2500");
  });

  it("keeps text and lists as they are, and brackets nested groups", () => {
    const rule = {
      any: [
        { field: "plan", op: "in", value: ["pro", "enterprise"] },
        {
          all: [
            { field: "traits.industry", op: "eq", value: "Retail" },
            { field: "daysToRenewal", op: "lte", value: 90 },
          ],
        },
      ],
    };
    expect(describeRule(rule)).toBe(
      "Plan is one of pro, enterprise or (trait industry = Retail and Days to renewal ≤ 90)",
    );
  });

  it("has no words for no rule", () => {
    expect(describeRule(null)).toBeNull();
  });
});
