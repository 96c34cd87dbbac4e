import { describe, expect, it } from "vitest";
import { previewRule, type HistorySeries } from "@/lib/alerts/preview";
import { parseRuleParams } from "@/lib/alerts/rules";

const days = (n: number) => Array.from({ length: n }, (_, i) => `2026-01-${String(i + 1).padStart(2, "0")}`);
const series = (accountId: string, scores: (number | null)[], over: Partial<HistorySeries> = {}): HistorySeries => ({
  accountId,
  days: days(scores.length),
  scores,
  tiers: scores.map((s) => (s === null ? "insufficient_data" : s < 45 ? "at_risk" : s < 70 ? "attention" : "healthy")),
  coverages: scores.map(() => 1),
  renewalDate: null,
  observedAt: [],
  inputStaleDays: null,
  ...over,
});
const ctx = { tierOrder: ["at_risk", "attention", "healthy"] };

describe("rule preview", () => {
  it("counts alerts per day and per account with the live rules' hysteresis", () => {
    const rule = { kind: "score_below" as const, params: parseRuleParams("score_below", { threshold: 50, margin: 5 }) };
    const history = [
      // below, hovers in the band (no new alert), recovers, falls again → 2 alerts
      series("a", [60, 45, 52, 48, 58, 44]),
      series("b", [80, 80, 80, 80, 80, 80]),
      series("c", [40, 40, 40, 40, 40, 40]),
    ];
    const p = previewRule(rule, history, ctx, 0, "2026-01-01", "2026-01-06");
    expect(p.alerts).toBe(3);
    expect(p.accounts).toBe(2);
    expect(p.top.map(({ accountId, alerts }) => ({ accountId, alerts }))).toEqual([
      { accountId: "a", alerts: 2 },
      { accountId: "c", alerts: 1 },
    ]);
    expect(p.perDay.map((d) => d.alerts)).toEqual([1, 1, 0, 0, 0, 1]);
  });

  it("uses days before the window only as look-back", () => {
    const rule = { kind: "score_drop" as const, params: parseRuleParams("score_drop", { points: 10, days: 3 }) };
    const history = [series("a", [90, 90, 78, 78, 78])];
    // Window starts on day 3: the high of 90 two days earlier still counts.
    const p = previewRule(rule, history, ctx, 0, "2026-01-03", "2026-01-05");
    expect(p.perDay).toEqual([
      { day: "2026-01-03", alerts: 1 },
      { day: "2026-01-04", alerts: 0 },
      { day: "2026-01-05", alerts: 0 },
    ]);
  });

  it("replays a key input's age from its observation times", () => {
    const rule = {
      kind: "input_stale" as const,
      params: parseRuleParams("input_stale", { metric: "logins", staleDays: 2 }),
    };
    const at = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
    const history = [series("a", [70, 70, 70, 70, 70], { observedAt: [at("2026-01-01"), at("2026-01-05")] })];
    // Age at end of day: 0.5, 1.5, 2.5 (stale → alert), 3.5, then fresh again on the 5th.
    const p = previewRule(rule, history, ctx, 0, "2026-01-01", "2026-01-05");
    expect(p.perDay.map((d) => d.alerts)).toEqual([0, 0, 1, 0, 0]);
  });
});
