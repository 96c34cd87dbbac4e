import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createScorer,
  parseInstant,
  scorePortfolio,
  validateModel,
  type AccountInput,
  type PortfolioInput,
} from "@/lib/scoring";

const result = validateModel(JSON.parse(readFileSync("docs/examples/b2b-saas-health.model.json", "utf8")));
if (!result.ok) throw new Error("invalid example");
const model = result.model;
const { accounts, asOf } = JSON.parse(readFileSync("docs/examples/b2b-saas-health.input.json", "utf8")) as {
  accounts: AccountInput[];
  asOf: string;
};

/** The same accounts as columns, the way the pipeline builds them from the database. */
function toPortfolio(list: AccountInput[]): PortfolioInput {
  const metricKeys = [
    "weekly_active_users",
    "feature_adoption",
    "api_calls",
    "open_tickets",
    "csat",
    "csm_sentiment",
    "nps",
    "days_invoice_overdue",
    "unused_metric",
  ];
  const cells = list.length * metricKeys.length;
  const p: PortfolioInput = {
    count: list.length,
    metricKeys,
    values: new Float64Array(cells).fill(NaN),
    texts: new Array(cells).fill(null),
    observedAt: new Float64Array(cells).fill(NaN),
    seats: Float64Array.from(list, (a) => a.seats ?? NaN),
    activeUsers: Float64Array.from(list, (a) => a.activeUsers ?? NaN),
    arr: Float64Array.from(list, (a) => a.arr ?? NaN),
    segments: list.map((a) => a.segments ?? []),
    stages: list.map((a) => a.stage ?? null),
  };
  list.forEach((a, i) => {
    metricKeys.forEach((key, j) => {
      const input = a.values[key];
      if (input === undefined || input === null) return;
      const { value, observedAt } = typeof input === "object" ? input : { value: input, observedAt: undefined };
      const cell = i * metricKeys.length + j;
      if (typeof value === "string") p.texts[cell] = value;
      else if (typeof value === "number") p.values[cell] = value;
      if (observedAt) p.observedAt[cell] = parseInstant(observedAt);
    });
  });
  return p;
}

describe("portfolio scoring (the pipeline's path)", () => {
  it("gives exactly the scores, tiers and explanations of the per-account API", () => {
    const t = parseInstant(asOf, true);
    const expected = createScorer(model).scoreAccounts(accounts, { asOf });
    const actual = scorePortfolio(model, toPortfolio(accounts), t);
    expected.forEach((e, a) => {
      expect(Number.isNaN(actual.score[a]!) ? null : actual.score[a]).toBe(e.score);
      expect(actual.coverage[a]).toBe(e.coverage);
      expect(actual.tier[a]!.label).toBe(e.tier.label);
      const explained = actual.explain(a);
      expect(explained.variant).toBe(e.variant.key);
      expect(explained.reason).toBe(e.variant.reason);
      expect(explained.metrics.map((m) => [m[0], m[3], m[4], m[5]])).toEqual(
        e.metrics.map((m) => [m.metric, m.points, m.effectiveWeight, m.contribution]),
      );
    });
  });
});
