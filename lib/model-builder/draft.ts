import type { CategoryNode, MetricNode, ModelDefinition, ModelIssue, Rule, Variant } from "../scoring";

/**
 * Pure helpers of the visual scorecard builder: new nodes from the metric
 * catalogue, level totals for the weight bars, which issues belong to which
 * part of the form, and what a variant changes from its base.
 */

/** What the builder needs to know about a catalogue metric to add it with sensible defaults. */
export interface CatalogueMetric {
  key: string;
  name: string;
  valueType: "number" | "boolean" | "categorical" | "percent";
  unit: string | null;
  direction: "higher_is_better" | "lower_is_better" | "neutral";
  normalization: "none" | "per_seat" | "per_active_user" | "per_arr_unit";
  stalenessDays: number | null;
  options: string[];
}

export interface Level {
  metrics: MetricNode[];
  categories: CategoryNode[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A first rule for a catalogue metric: full points for its best value, none for its worst. */
export function defaultRule(metric: CatalogueMetric, range: { min: number; max: number }): Rule {
  const lower = metric.direction === "lower_is_better";
  switch (metric.valueType) {
    case "boolean":
      return lower
        ? { type: "boolean", true: range.min, false: range.max }
        : { type: "boolean", true: range.max, false: range.min };
    case "categorical": {
      // Options are kept best first; spread the points evenly from the top of the range down.
      const n = metric.options.length;
      const step = n > 1 ? (range.max - range.min) / (n - 1) : 0;
      return {
        type: "categorical",
        options: Object.fromEntries(metric.options.map((o, i) => [o, round2(range.max - step * i)])),
      };
    }
    case "percent":
      return lower ? { type: "linear", worst: 100, best: 0 } : { type: "linear", worst: 0, best: 100 };
    default:
      return { type: "percentile", direction: lower ? "lower" : "higher" };
  }
}

export function metricNodeFor(
  metric: CatalogueMetric,
  range: { min: number; max: number },
  weight: number,
): MetricNode {
  return {
    metric: metric.key,
    name: metric.name,
    weight,
    rule: defaultRule(metric, range),
    normalize: metric.normalization,
    arrUnit: 1000,
    missing: { policy: "exclude", fallback: "exclude" },
    ...(metric.stalenessDays ? { staleAfterDays: metric.stalenessDays } : {}),
  };
}

/** Every metric and category key in the tree (keys are unique across both). */
export function treeKeys(level: Level): Set<string> {
  return new Set(flattenTree(level).map((r) => r.key));
}

/** A new, empty category with a key not yet used anywhere in the tree. */
export function newCategory(model: ModelDefinition, weight: number): CategoryNode {
  const keys = treeKeys(model);
  let n = model.categories.length + 1;
  while (keys.has(`category-${n}`)) n++;
  return { key: `category-${n}`, name: `Category ${n}`, weight, metrics: [], categories: [] };
}

/** Sum of the weights directly under a level. */
export function levelTotal(level: Level): number {
  return round2([...level.metrics, ...level.categories].reduce((sum, n) => sum + n.weight, 0));
}

/** The weight a new child gets: what is left of 100 %, or an equal share when nothing is. */
export function nextWeight(level: Level): number {
  const left = round2(100 - levelTotal(level));
  const count = level.metrics.length + level.categories.length;
  return left > 0 ? left : round2(100 / (count + 1));
}

/** How a level's weights stand, in words: on target, what is left, or how far over. */
export function levelStatus(total: number): { ok: boolean; text: string } {
  const left = round2(100 - total);
  if (Math.abs(left) < 0.005) return { ok: true, text: "100 % — complete" };
  return left > 0
    ? { ok: false, text: `${total} % — ${left} % left` }
    : { ok: false, text: `${total} % — ${-left} % over` };
}

/** Issues reported exactly at one of `paths`. */
export function issuesAt(issues: readonly ModelIssue[], ...paths: string[]): ModelIssue[] {
  return issues.filter((i) => paths.includes(i.path));
}

/** Issues at `path` or anywhere inside it. */
export function issuesUnder(issues: readonly ModelIssue[], path: string): ModelIssue[] {
  return issues.filter(
    (i) =>
      i.path === path ||
      i.path.startsWith(`${path}.`) ||
      i.path.startsWith(`${path}[`) ||
      i.path.startsWith(`${path} →`),
  );
}

/** A short reading of a rule, e.g. "linear 0.05 → 0.6" or "3 bands". */
export function describeRule(rule: Rule): string {
  switch (rule.type) {
    case "linear":
      return `linear, worst ${rule.worst} → best ${rule.best}`;
    case "target":
      return `target ${rule.target} (${rule.direction} is better)`;
    case "percentile":
      return `percentile among peers (${rule.direction} is better)`;
    case "bands":
      return `${rule.bands.length} band${rule.bands.length === 1 ? "" : "s"}`;
    case "boolean":
      return `yes ${rule.true} / no ${rule.false}`;
    case "categorical":
      return `${Object.keys(rule.options).length} options`;
  }
}

/** What a variant changes from the base, readably; everything else it inherits. */
export function variantChanges(base: ModelDefinition, variant: Variant): string[] {
  const names = new Map<string, { name: string; weight: number }>();
  const walk = (l: Level) => {
    for (const m of l.metrics) names.set(m.metric, { name: m.name ?? m.metric, weight: m.weight });
    for (const c of l.categories) {
      names.set(c.key, { name: c.name, weight: c.weight });
      walk(c);
    }
  };
  walk(base);
  const name = (key: string) => names.get(key)?.name ?? key;
  return [
    ...Object.entries(variant.weights).map(([k, w]) => {
      const base = names.get(k)?.weight;
      return base === w
        ? `${name(k)}: weight ${w} % (set, same as the base)`
        : `${name(k)}: weight ${base ?? "?"} % → ${w} %`;
    }),
    ...Object.entries(variant.rules).map(([k, r]) => `${name(k)}: rule ${describeRule(r)}`),
    ...Object.entries(variant.missing).map(([k, m]) => `${name(k)}: missing data ${m.policy}`),
    ...Object.entries(variant.staleAfterDays).map(([k, d]) => `${name(k)}: stale after ${d} days`),
    ...(variant.tiers ? [`own grade scale (${variant.tiers.map((t) => t.label).join(", ")})`] : []),
    ...(variant.minCoverage !== undefined ? [`minimum coverage ${variant.minCoverage} %`] : []),
  ];
}

/** A new variant with a key, name and priority not yet used. */
export function newVariant(model: ModelDefinition): Variant {
  const keys = new Set(model.variants.map((v) => v.key));
  let n = model.variants.length + 1;
  while (keys.has(`variant-${n}`)) n++;
  const priority = Math.max(0, ...model.variants.map((v) => v.priority)) + 10;
  return {
    key: `variant-${n}`,
    name: `Variant ${n}`,
    priority,
    match: { segments: [], stages: [] },
    weights: {},
    rules: {},
    missing: {},
    staleAfterDays: {},
  };
}

export interface TreeRow {
  kind: "category" | "metric";
  key: string;
  name: string;
  depth: number;
  weight: number;
  metric?: MetricNode;
  /** For categories: the category itself, whose weights bar a level. */
  category?: CategoryNode;
}

/** The tree as rows, categories before their contents, for tables such as the variant editor's. */
export function flattenTree(level: Level, depth = 0): TreeRow[] {
  return [
    ...level.categories.flatMap((c) => [
      { kind: "category" as const, key: c.key, name: c.name, depth, weight: c.weight, category: c },
      ...flattenTree(c, depth + 1),
    ]),
    ...level.metrics.map((m) => ({
      kind: "metric" as const,
      key: m.metric,
      name: m.name ?? m.metric,
      depth,
      weight: m.weight,
      metric: m,
    })),
  ];
}

/** A record with `key` set to `value`, or removed when `value` is undefined (the variant then inherits). */
export function withKey<T>(record: Record<string, T>, key: string, value: T | undefined): Record<string, T> {
  const next = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The variant without any override of `keys`. */
export function dropOverrides(variant: Variant, keys: string[]): Variant {
  const drop = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));
  return {
    ...variant,
    weights: drop(variant.weights),
    rules: drop(variant.rules),
    missing: drop(variant.missing),
    staleAfterDays: drop(variant.staleAfterDays),
  };
}

/** The list with item i moved by `delta` places (clamped to the ends). */
export function shift<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = Math.max(0, Math.min(list.length - 1, i + delta));
  const next = [...list];
  const [item] = next.splice(i, 1);
  next.splice(j, 0, item!);
  return next;
}

/** Every category of the tree with its path of names, for "move to" choices. */
export function categoryChoices(level: Level, prefix = ""): { key: string; name: string }[] {
  return level.categories.flatMap((c) => [
    { key: c.key, name: `${prefix}${c.name}` },
    ...categoryChoices(c, `${prefix}${c.name} › `),
  ]);
}

/**
 * The model with metric `metricKey` moved to the end of category `to` (or of the
 * top level when `to` is null), keeping its weight and settings.
 */
export function moveMetric<L extends Level>(model: L, metricKey: string, to: string | null): L {
  let moving: MetricNode | undefined;
  const without = <T extends Level>(l: T): T => ({
    ...l,
    metrics: l.metrics.filter((m) => (m.metric === metricKey ? ((moving = m), false) : true)),
    categories: l.categories.map(without),
  });
  const stripped = without(model);
  if (!moving) return model;
  const node = moving;
  const into = <T extends Level>(l: T, here: boolean): T => ({
    ...l,
    metrics: here ? [...l.metrics, node] : l.metrics,
    categories: l.categories.map((c) => into(c, c.key === to)),
  });
  return into(stripped, to === null);
}
