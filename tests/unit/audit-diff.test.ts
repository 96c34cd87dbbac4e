import { describe, expect, it } from "vitest";
import { auditChanges } from "@/lib/audit-diff";

describe("audit changes", () => {
  it("lists only the leaves that changed, by dotted path", () => {
    expect(
      auditChanges(
        { name: "Coverage", params: { percent: 60, margin: 5 }, severity: "low" },
        { name: "Coverage", params: { percent: 40, margin: 5 }, severity: "high" },
      ),
    ).toEqual(["params.percent: 60 → 40", "severity: low → high"]);
  });
  it("shows a creation as the new values and a deletion as what was removed", () => {
    expect(auditChanges(null, { enabled: true })).toEqual(["enabled: true"]);
    expect(auditChanges({ name: "Old" }, null)).toEqual(['removed: {"name":"Old"}']);
  });
  it("shortens long values and stops at the limit", () => {
    const long = "x".repeat(100);
    expect(auditChanges({ a: "" }, { a: long })[0]).toBe(`a:  → ${"x".repeat(57)}…`);
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    expect(auditChanges({}, many, 5)).toHaveLength(5);
  });
});
