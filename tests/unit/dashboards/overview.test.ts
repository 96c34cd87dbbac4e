import { describe, expect, it } from "vitest";
import { compareBooks, dayRange, histogram, movementMatrix, summarize, trendSeries } from "@/lib/dashboards/overview";
import { waterfallSteps } from "@/lib/dashboards/waterfall";
import { INSUFFICIENT_DATA, type TierInfo } from "@/lib/scoring";

const tiers: TierInfo[] = [
  { key: "at_risk", label: "At risk", color: "#d92d20", letter: "C" },
  { key: "ok", label: "OK", color: "#f79009", letter: "B" },
  { key: "healthy", label: "Healthy", color: "#12b76a", letter: "A" },
  INSUFFICIENT_DATA,
];
const row = (tierKey: string, bucket: number | null, accounts: number, score: number, arr: number) => ({
  tierKey,
  bucket,
  accounts,
  scored: bucket === null ? 0 : accounts,
  scoreSum: bucket === null ? 0 : score * accounts,
  coverageSum: accounts * (bucket === null ? 0.2 : 1),
  arr,
});

describe("portfolio summary", () => {
  const rows = [
    row("at_risk", 3, 2, 30, 1000),
    row("ok", 11, 3, 55, 5000),
    row("healthy", 16, 5, 80, 4000),
    row("insufficient_data", null, 2, 0, 500),
  ];

  it("averages only scored accounts, counts every account, and takes ARR at risk from the lowest tier", () => {
    const s = summarize(rows, tiers);
    expect(s.accounts).toBe(12);
    expect(s.averageScore).toBeCloseTo((60 + 165 + 400) / 10, 12);
    expect(s.totalArr).toBe(10500);
    expect(s.arrAtRisk).toBe(1000);
    expect(s.accountsAtRisk).toBe(2);
    expect(s.averageCoverage).toBeCloseTo((10 + 0.4) / 12, 12);
    expect(s.tiers.map((t) => [t.key, t.accounts, t.arr])).toEqual([
      ["at_risk", 2, 1000],
      ["ok", 3, 5000],
      ["healthy", 5, 4000],
      ["insufficient_data", 2, 500],
    ]);
  });

  it("has no average for an empty view", () => {
    expect(summarize([], tiers)).toMatchObject({ accounts: 0, averageScore: null, averageCoverage: null });
  });

  it("stacks the histogram by tier over the scorecard's range and leaves unscored accounts out", () => {
    const h = histogram(rows, tiers, { min: 0, max: 100 }, 20);
    expect(h.labels[0]).toBe("0–5");
    expect(h.labels[19]).toBe("95–100");
    expect(h.series.map((s) => s.key)).toEqual(["at_risk", "ok", "healthy"]);
    expect(h.series[0]!.counts[3]).toBe(2);
    expect(h.series.reduce((n, s) => n + s.counts.reduce((a, b) => a + b, 0), 0)).toBe(10);
    expect(histogram([], tiers, { min: -10, max: 20 }, 6).labels).toEqual([
      "-10–-5",
      "-5–0",
      "0–5",
      "5–10",
      "10–15",
      "15–20",
    ]);
  });
});

describe("trend series", () => {
  it("lists days oldest first, ending on the given day, with a step", () => {
    expect(dayRange("2026-03-02", 3)).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(dayRange("2026-03-02", 3, 7)).toEqual(["2026-02-16", "2026-02-23", "2026-03-02"]);
  });

  it("averages the scored accounts per day and shares the tier mix, with gaps where there is no data", () => {
    const days = ["2026-01-01", "2026-01-02", "2026-01-03"];
    const t = trendSeries(
      [
        { day: "2026-01-01", tierKey: "at_risk", accounts: 1, scoreSum: 30, arr: 0 },
        { day: "2026-01-01", tierKey: "healthy", accounts: 3, scoreSum: 240, arr: 0 },
        { day: "2026-01-03", tierKey: "healthy", accounts: 2, scoreSum: 150, arr: 0 },
        { day: "2026-01-03", tierKey: "insufficient_data", accounts: 2, scoreSum: 0, arr: 0 },
      ],
      days,
      tiers,
      INSUFFICIENT_DATA.key,
    );
    expect(t.average).toEqual([67.5, null, 75]);
    expect(t.tierShare.map((s) => [s.key, s.values])).toEqual([
      ["at_risk", [25, 0, 0]],
      ["healthy", [75, 0, 50]],
      ["insufficient_data", [0, 0, 50]],
    ]);
  });
});

describe("tier movement", () => {
  it("builds the from × to matrix and counts moves up and down by tier order", () => {
    const m = movementMatrix(
      [
        { fromTier: "ok", toTier: "at_risk", accounts: 4, arr: 400 },
        { fromTier: "at_risk", toTier: "healthy", accounts: 1, arr: 10 },
        { fromTier: "healthy", toTier: "healthy", accounts: 7, arr: 70 },
        { fromTier: "none", toTier: "ok", accounts: 2, arr: 20 },
      ],
      tiers,
      INSUFFICIENT_DATA.key,
    );
    expect(m.tiers.map((t) => t.key)).toEqual(["at_risk", "ok", "healthy", "insufficient_data", "none"]);
    expect(m.cells[1]![0]).toEqual({ accounts: 4, arr: 400 });
    expect(m.cells[4]![1]).toEqual({ accounts: 2, arr: 20 });
    expect({ up: m.up, same: m.same, down: m.down, arrDown: m.arrDown }).toEqual({
      up: 1,
      same: 7,
      down: 4,
      arrDown: 400,
    });
  });
});

describe("books side by side", () => {
  it("puts the most deteriorated book first and books without history last", () => {
    const book = (owner: string | null, delta30Sum: number, withDelta30: number) => ({
      ownerId: owner,
      owner,
      accounts: 4,
      scored: 4,
      scoreSum: 200,
      arr: 100,
      atRiskArr: 25,
      atRiskAccounts: 1,
      delta30Sum,
      withDelta30,
    });
    const books = compareBooks([book("Ann", -4, 4), book("Bob", -20, 4), book(null, 0, 0)]);
    expect(books.map((b) => [b.owner, b.averageChange30])).toEqual([
      ["Bob", -5],
      ["Ann", -1],
      ["Unassigned", null],
    ]);
    expect(books[0]).toMatchObject({ averageScore: 50, atRiskShare: 25 });
  });
});

describe("why-it-changed waterfall", () => {
  it("walks from the first score to the last, largest parts first, small ones merged", () => {
    const steps = waterfallSteps(
      70,
      61,
      [
        { kind: "metric", label: "Usage", delta: -6 },
        { kind: "metric", label: "Support", delta: -4 },
        { kind: "metric", label: "NPS", delta: 1.02 },
        { kind: "metric", label: "Tiny", delta: 0.01 },
        { kind: "renormalization", label: "Reweighting", delta: -0.03 },
      ],
      { before: "Before", after: "After" },
    );
    expect(steps.map((s) => s.label)).toEqual(["Before", "Usage", "Support", "NPS", "Other changes", "After"]);
    expect(steps[1]).toEqual({ label: "Usage", start: 70, end: 64, kind: "down" });
    expect(steps[3]!.kind).toBe("up");
    expect(steps[4]!.end).toBeCloseTo(61, 12);
    expect(steps.at(-1)).toEqual({ label: "After", start: 0, end: 61, kind: "total" });
  });
});
