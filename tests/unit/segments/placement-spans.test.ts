import { describe, expect, it } from "vitest";
import { placementSpanRecorder } from "@/lib/services/scoring/placement-spans";

const DAY = 86_400_000;
const day = (n: number) => Date.UTC(2026, 0, 1) + n * DAY;

describe("placement spans", () => {
  it("keeps one run per unchanged placement and starts a new one when the stage or the segments change", () => {
    const spans = placementSpanRecorder(["a", "b"]);
    spans.day(day(0), [0, 1], { stages: ["onboarding", null], segments: [["smb"], []] });
    spans.day(day(1), [0, 1], { stages: ["onboarding", null], segments: [["smb"], []] });
    spans.day(day(2), [0, 1], { stages: ["adoption", null], segments: [["smb"], ["enterprise"]] });
    // "b" is not scored on day 3 and back on day 4 as it was: the run goes on.
    spans.day(day(3), [0], { stages: ["adoption"], segments: [["smb"]] });
    spans.day(day(4), [0, 1], { stages: ["adoption", null], segments: [["smb"], ["enterprise"]] });
    const result = spans.finish();
    const rows = result.accountIds.map((id, i) => [
      id,
      result.kinds[i],
      result.keys[i],
      result.firstDays[i],
      result.lastDays[i],
    ]);
    expect(rows).toEqual([
      ["a", "stage", "onboarding", "2026-01-01", "2026-01-02"],
      ["a", "segment", "smb", "2026-01-01", "2026-01-02"],
      ["b", "stage", null, "2026-01-01", "2026-01-02"],
      ["a", "stage", "adoption", "2026-01-03", "2026-01-05"],
      ["a", "segment", "smb", "2026-01-03", "2026-01-05"],
      ["b", "stage", null, "2026-01-03", "2026-01-05"],
      ["b", "segment", "enterprise", "2026-01-03", "2026-01-05"],
    ]);
  });
});
