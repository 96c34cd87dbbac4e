import { describe, expect, it } from "vitest";
import { DEMO_HEALTH_MODEL } from "@/lib/demo/health-model";
import { diffModels, validateModel, type ModelDefinition } from "@/lib/scoring";

const parse = (m: unknown) => {
  const v = validateModel(m);
  if (!v.ok) throw new Error(v.issues[0]!.message);
  return v.model as ModelDefinition;
};

describe("model diff", () => {
  const base = parse(DEMO_HEALTH_MODEL);

  it("finds nothing between a model and itself", () => {
    expect(diffModels(base, parse(structuredClone(DEMO_HEALTH_MODEL)))).toEqual([]);
  });

  it("names reweighted categories, a changed rule, a moved tier boundary and a removed variant", () => {
    const next = structuredClone(DEMO_HEALTH_MODEL) as typeof DEMO_HEALTH_MODEL & Record<string, unknown>;
    const cats = next.categories as { key: string; weight: number; metrics: { metric: string; rule: unknown }[] }[];
    cats[0]!.weight += 5;
    cats[1]!.weight -= 5;
    cats[0]!.metrics[1]!.rule = { type: "linear", worst: 2, best: 10 };
    const tiers = next.tiers as { min: number; max?: number }[];
    tiers[0]!.max = 40;
    tiers[1]!.min = 40;
    (next as { variants: unknown[] }).variants = (next as { variants: unknown[] }).variants.slice(0, 1);
    const changes = diffModels(base, parse(next));
    const text = changes.map((c) => `${c.area} ${c.subject}: ${c.change}`);
    expect(text).toContain(
      `Category ${base.categories[0]!.name}: weight: ${base.categories[0]!.weight} % → ${base.categories[0]!.weight + 5} %`,
    );
    expect(
      text.some(
        (t) =>
          t.startsWith("Metric ") &&
          t.includes('rule: {"type":"linear","worst":1,"best":8} → {"type":"linear","worst":2,"best":10}'),
      ),
    ).toBe(true);
    expect(text).toContain("Tier At risk: to: 45 → 40");
    expect(text).toContain("Tier Needs attention: from: 45 → 40");
    expect(text).toContain("Variant Onboarding: removed");
  });
});

describe("scorecard templates", () => {
  it("are valid models the engine accepts, except Blank, which only lacks metrics", async () => {
    const { SCORECARD_TEMPLATES } = await import("@/lib/templates/scorecards");
    const { blank, ...complete } = SCORECARD_TEMPLATES;
    for (const t of Object.values(complete)) expect(validateModel(t.definition)).toMatchObject({ ok: true });
    expect(validateModel(blank.definition)).toEqual({
      ok: false,
      issues: [{ path: "metrics", message: "Top level: add at least one metric or category" }],
    });
  });
});

describe("score bounds", () => {
  it("weights every input's worst and best points down the tree", async () => {
    const { scoreBounds } = await import("@/lib/scoring");
    const model = parse({
      range: { min: 0, max: 100 },
      categories: [
        {
          key: "a",
          name: "A",
          weight: 60,
          metrics: [{ metric: "x", weight: 100, rule: { type: "linear", worst: 0, best: 10 } }],
        },
        {
          key: "b",
          name: "B",
          weight: 40,
          metrics: [{ metric: "y", weight: 100, rule: { type: "categorical", options: { good: 80, bad: 20 } } }],
        },
      ],
      tiers: [{ min: 0, label: "All", color: "#123456" }],
    });
    const b = scoreBounds(model);
    expect(b.min).toBeCloseTo(0.4 * 20, 9);
    expect(b.max).toBeCloseTo(60 + 0.4 * 80, 9);
  });
});
