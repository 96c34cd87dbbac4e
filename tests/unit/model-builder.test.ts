import { describe, expect, it } from "vitest";
import { DEMO_HEALTH_MODEL } from "@/lib/demo/health-model";
import {
  defaultRule,
  flattenTree,
  issuesAt,
  issuesUnder,
  levelStatus,
  levelTotal,
  metricNodeFor,
  newCategory,
  newVariant,
  nextWeight,
  categoryChoices,
  moveMetric,
  shift,
  treeKeys,
  dropOverrides,
  variantChanges,
  withKey,
  type CatalogueMetric,
} from "@/lib/model-builder/draft";
import { applyVariant, validateModel, type ModelDefinition } from "@/lib/scoring";

const range = { min: 0, max: 100 };
const metric = (patch: Partial<CatalogueMetric>): CatalogueMetric => ({
  key: "m",
  name: "M",
  valueType: "number",
  unit: null,
  direction: "higher_is_better",
  normalization: "none",
  stalenessDays: null,
  options: [],
  ...patch,
});
const parse = (m: unknown) => {
  const v = validateModel(m);
  if (!v.ok) throw new Error(v.issues[0]!.message);
  return v.model as ModelDefinition;
};

describe("builder defaults for a catalogue metric", () => {
  it("picks a rule from the value type and direction", () => {
    expect(defaultRule(metric({}), range)).toEqual({ type: "percentile", direction: "higher" });
    expect(defaultRule(metric({ direction: "lower_is_better" }), range)).toEqual({
      type: "percentile",
      direction: "lower",
    });
    expect(defaultRule(metric({ valueType: "percent" }), range)).toEqual({ type: "linear", worst: 0, best: 100 });
    expect(defaultRule(metric({ valueType: "boolean", direction: "lower_is_better" }), range)).toEqual({
      type: "boolean",
      true: 0,
      false: 100,
    });
    expect(defaultRule(metric({ valueType: "categorical", options: ["great", "ok", "poor"] }), range)).toEqual({
      type: "categorical",
      options: { great: 100, ok: 50, poor: 0 },
    });
  });

  it("carries the catalogue's name, normalisation and staleness into the new node, which validates", () => {
    const node = metricNodeFor(
      metric({ key: "seats_used", name: "Seats used", normalization: "per_seat", stalenessDays: 14 }),
      range,
      100,
    );
    expect(node).toMatchObject({
      metric: "seats_used",
      name: "Seats used",
      normalize: "per_seat",
      staleAfterDays: 14,
      weight: 100,
    });
    const model = parse({ range, metrics: [node], tiers: [{ min: 0, label: "All", color: "#000000" }] });
    expect(model.metrics[0]).toEqual(node);
  });
});

describe("builder weights and keys", () => {
  const model = parse(DEMO_HEALTH_MODEL);

  it("totals a level and says what is left or over", () => {
    expect(levelTotal(model)).toBe(100);
    expect(levelStatus(100)).toEqual({ ok: true, text: "100 % — complete" });
    expect(levelStatus(92.5)).toEqual({ ok: false, text: "92.5 % — 7.5 % left" });
    expect(levelStatus(130)).toEqual({ ok: false, text: "130 % — 30 % over" });
  });

  it("gives a new child what is left, or an equal share when the level is full", () => {
    expect(nextWeight({ metrics: [], categories: [] })).toBe(100);
    const partly = { ...model, categories: model.categories.slice(0, 2) };
    expect(nextWeight(partly)).toBe(100 - partly.categories[0]!.weight - partly.categories[1]!.weight);
    expect(nextWeight(model)).toBe(Math.round((100 / (model.categories.length + 1)) * 100) / 100);
  });

  it("names a new category and a new variant with keys not yet used", () => {
    const taken = { ...model, categories: [...model.categories, { ...newCategory(model, 10) }] };
    expect(newCategory(taken, 10).key).not.toBe(taken.categories.at(-1)!.key);
    const v = newVariant(model);
    expect(model.variants.map((x) => x.key)).not.toContain(v.key);
    expect(v.priority).toBeGreaterThan(Math.max(...model.variants.map((x) => x.priority)));
  });

  it("flattens the tree with categories before their contents", () => {
    const rows = flattenTree(model);
    expect(rows[0]).toMatchObject({ kind: "category", key: model.categories[0]!.key, depth: 0 });
    expect(rows[1]).toMatchObject({ kind: "metric", key: model.categories[0]!.metrics[0]!.metric, depth: 1 });
    expect(rows.filter((r) => r.kind === "metric")).toHaveLength(model.categories.flatMap((c) => c.metrics).length);
  });

  it("sets and clears a variant's override", () => {
    expect(withKey({ a: 1 }, "b", 2)).toEqual({ a: 1, b: 2 });
    expect(withKey({ a: 1, b: 2 }, "b", undefined)).toEqual({ a: 1 });
  });
});

describe("builder issues and variant changes", () => {
  const issues = [
    { path: "(top level)", message: "top" },
    { path: "categories[0]", message: "cat" },
    { path: "categories[0].metrics[1].rule.bands[2]", message: "band" },
    { path: "categories[10].weight", message: "other" },
    { path: "variants[0] → categories[1]", message: "variant" },
  ];

  it("finds the issues at a path, or inside it without matching a longer index", () => {
    expect(issuesAt(issues, "(top level)", "metrics").map((i) => i.message)).toEqual(["top"]);
    expect(issuesUnder(issues, "categories[0].metrics[1]").map((i) => i.message)).toEqual(["band"]);
    expect(issuesUnder(issues, "categories[1]")).toEqual([]);
    expect(issuesUnder(issues, "variants[0]").map((i) => i.message)).toEqual(["variant"]);
  });

  it("lists what a variant changes in words, everything else being inherited", () => {
    const model = parse(DEMO_HEALTH_MODEL);
    const usage = model.categories[0]!;
    const metric = usage.metrics[0]!;
    const variant = {
      ...newVariant(model),
      weights: { [usage.key]: usage.weight + 5, [model.categories[1]!.key]: model.categories[1]!.weight },
      rules: { [metric.metric]: { type: "target" as const, target: 25, direction: "higher" as const } },
      minCoverage: 30,
    };
    expect(variantChanges(model, variant)).toEqual([
      `${usage.name}: weight ${usage.weight} % → ${usage.weight + 5} %`,
      `${model.categories[1]!.name}: weight ${model.categories[1]!.weight} % (set, same as the base)`,
      `${metric.name}: rule target 25 (higher is better)`,
      "minimum coverage 30 %",
    ]);
    expect(variantChanges(model, newVariant(model))).toEqual([]);
  });
});

describe("variant overrides of parts gone from the base", () => {
  it("finds them across weights, rules, missing data and staleness, and drops only them", () => {
    const model = parse(DEMO_HEALTH_MODEL);
    const keys = new Set(flattenTree(model).map((r) => r.key));
    const kept = model.categories[0]!.key;
    const variant = {
      ...newVariant(model),
      weights: { [kept]: 40, gone: 10 },
      rules: { old_metric: { type: "percentile" as const, direction: "higher" as const } },
      staleAfterDays: { gone: 5 },
    };
    expect(applyVariant(model, variant).unknownKeys).toEqual(["gone", "old_metric"]);
    const cleaned = dropOverrides(variant, ["gone", "old_metric"]);
    expect(cleaned).toMatchObject({ weights: { [kept]: 40 }, rules: {}, staleAfterDays: {} });
    expect(applyVariant(model, cleaned).unknownKeys).toEqual([]);
    expect(treeKeys(model)).toEqual(keys);
  });
});

describe("rearranging the tree", () => {
  it("moves an item up or down its list, stopping at the ends", () => {
    expect(shift(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(shift(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(shift(["a", "b", "c"], 0, 5)).toEqual(["b", "c", "a"]);
  });

  it("moves a metric to another category or the top level with its settings, and lists categories by path", () => {
    const model = parse(DEMO_HEALTH_MODEL);
    const [first, second] = model.categories;
    const metric = first!.metrics[0]!;
    const moved = moveMetric(model, metric.metric, second!.key);
    expect(moved.categories[0]!.metrics.map((m) => m.metric)).not.toContain(metric.metric);
    expect(moved.categories[1]!.metrics.at(-1)).toEqual(metric);
    const top = moveMetric(moved, metric.metric, null);
    expect(top.metrics).toEqual([metric]);
    expect(flattenTree(top).filter((r) => r.key === metric.metric)).toHaveLength(1);
    expect(moveMetric(model, "no_such_metric", second!.key)).toBe(model);
    const nested = { ...model, categories: [{ ...first!, categories: [{ ...second!, key: "inner" }] }] };
    expect(categoryChoices(nested).map((c) => c.name)).toEqual([first!.name, `${first!.name} › ${second!.name}`]);
  });
});
