import { describe, expect, it } from "vitest";
import { demoOrgOptions, generateOrgPlan, type OrgPlan } from "@/lib/demo/generate";

const today = new Date("2026-11-22T00:00:00Z");
const plan = generateOrgPlan(demoOrgOptions(today));

function series(p: OrgPlan, account: number, metric: string) {
  const out: { t: number; v: number }[] = [];
  p.observations.account.forEach((a, i) => {
    if (a === account && p.observations.metric[i] === metric)
      out.push({ t: p.observations.observedAt[i]!.getTime(), v: p.observations.value[i]! });
  });
  return out;
}

describe("demo organisation", () => {
  it("is deterministic for a seed", () => {
    const again = generateOrgPlan(demoOrgOptions(today));
    expect(again.accounts).toEqual(plan.accounts);
    expect(again.observations.value).toEqual(plan.observations.value);
  });

  it("has the shape the product promises", () => {
    expect(plan.teams).toHaveLength(3);
    expect(plan.users).toHaveLength(12);
    expect(new Set(plan.users.map((u) => u.role))).toEqual(new Set(["owner", "admin", "manager", "csm", "viewer"]));
    expect(plan.accounts).toHaveLength(800);
    expect(new Set(plan.accounts.map((a) => a.segment))).toEqual(new Set(["enterprise", "mid-market", "smb"]));
    expect(plan.metrics).toHaveLength(14);
    expect(new Set(plan.metrics.map((m) => m.category))).toEqual(
      new Set(["usage", "engagement", "support", "financial", "sentiment", "nps"]),
    );
    const first = plan.observations.observedAt.reduce((min, d) => Math.min(min, d.getTime()), Infinity);
    expect((today.getTime() - first) / 86_400_000).toBe(179);
  });

  it("keeps ARR inside each segment's band", () => {
    for (const a of plan.accounts) {
      if (a.segment === "enterprise") expect(a.arr).toBeGreaterThanOrEqual(100_000);
      if (a.segment === "mid-market") expect(a.arr).toBeGreaterThanOrEqual(25_000);
      if (a.segment === "mid-market") expect(a.arr).toBeLessThan(100_000);
      if (a.segment === "smb") expect(a.arr).toBeLessThan(25_000);
    }
  });

  it("shows churned accounts deteriorating before they churn, with a churn outcome", () => {
    const churned = plan.accounts.map((a, i) => ({ a, i })).filter(({ a }) => a.status === "churned");
    expect(churned.length).toBeGreaterThan(20);
    let declining = 0;
    for (const { a, i } of churned) {
      expect(plan.outcomes.some((o) => o.account === i && o.kind === "churned")).toBe(true);
      const s = series(plan, i, "feature_adoption");
      const churnAt = a.renewalDate.getTime();
      expect(s.every((p) => p.t <= churnAt)).toBe(true);
      const early = s.filter((p) => p.t < churnAt - 100 * 86_400_000).map((p) => p.v);
      const late = s.filter((p) => p.t > churnAt - 25 * 86_400_000).map((p) => p.v);
      if (early.length && late.length) {
        const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
        if (mean(late) < mean(early) - 10) declining++;
      }
    }
    expect(declining).toBeGreaterThan(10);
  });

  it("records renewal outcomes for the past year", () => {
    const kinds = new Set(plan.outcomes.map((o) => o.kind));
    expect(kinds).toEqual(new Set(["renewed", "expanded", "contracted", "churned"]));
    for (const o of plan.outcomes) {
      expect(o.occurredOn.getTime()).toBeLessThanOrEqual(today.getTime());
      expect(o.occurredOn.getTime()).toBeGreaterThan(today.getTime() - 366 * 86_400_000);
    }
  });
});
