import type { CategoryNode, MetricNode, ModelDefinition } from "./model-schema";
import { tierInfo } from "./tier-info";

/** One readable difference between two model versions. */
export interface ModelChange {
  area: "Model" | "Category" | "Metric" | "Tier" | "Variant";
  subject: string;
  change: string;
}

type Entry = { name: string; fields: Record<string, string> };

const compact = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** Every category, metric, tier and variant of a model, keyed, with the fields worth comparing as text. */
function entries(model: ModelDefinition): Map<string, Entry & { area: ModelChange["area"] }> {
  const out = new Map<string, Entry & { area: ModelChange["area"] }>();
  out.set("model", {
    area: "Model",
    name: "Model",
    fields: { range: `${model.range.min}–${model.range.max}`, "minimum coverage": `${model.minCoverage} %` },
  });
  const metric = (m: MetricNode, parent: string) =>
    out.set(`metric:${m.metric}`, {
      area: "Metric",
      name: m.name ?? m.metric,
      fields: {
        category: parent,
        weight: `${m.weight} %`,
        rule: compact(m.rule),
        "missing data": compact(m.missing),
        normalisation: m.normalize,
        "stale after": m.staleAfterDays === undefined ? "—" : `${m.staleAfterDays} days`,
      },
    });
  const walk = (categories: CategoryNode[], parent: string) => {
    for (const c of categories) {
      out.set(`category:${c.key}`, { area: "Category", name: c.name, fields: { weight: `${c.weight} %`, in: parent } });
      for (const m of c.metrics) metric(m, c.name);
      walk(c.categories, c.name);
    }
  };
  for (const m of model.metrics) metric(m, "(top level)");
  walk(model.categories, "(top level)");
  for (const t of model.tiers) {
    const info = tierInfo(t);
    out.set(`tier:${info.key}`, {
      area: "Tier",
      name: t.label,
      fields: {
        from: String(t.min),
        to: t.max === undefined ? "—" : String(t.max),
        colour: t.color,
        letter: t.letter ?? "—",
      },
    });
  }
  for (const v of model.variants)
    out.set(`variant:${v.key}`, {
      area: "Variant",
      name: v.name,
      fields: {
        priority: String(v.priority),
        "matches segments": v.match.segments.join(", ") || "—",
        "matches stages": v.match.stages.join(", ") || "—",
        weights: compact(v.weights),
        rules: compact(v.rules),
        "missing data": compact(v.missing),
        tiers: compact(v.tiers),
        "minimum coverage": compact(v.minCoverage),
      },
    });
  return out;
}

/** What changed from model `a` to model `b`, in the words an admin reads in the version history. */
export function diffModels(a: ModelDefinition, b: ModelDefinition): ModelChange[] {
  const before = entries(a);
  const after = entries(b);
  const changes: ModelChange[] = [];
  for (const [key, x] of before) {
    const y = after.get(key);
    if (!y) {
      changes.push({ area: x.area, subject: x.name, change: "removed" });
      continue;
    }
    const fields = Object.keys({ ...x.fields, ...y.fields }).filter((f) => x.fields[f] !== y.fields[f]);
    if (x.name !== y.name) changes.push({ area: y.area, subject: y.name, change: `renamed from ${x.name}` });
    for (const f of fields)
      changes.push({ area: y.area, subject: y.name, change: `${f}: ${x.fields[f] ?? "—"} → ${y.fields[f] ?? "—"}` });
  }
  for (const [key, y] of after)
    if (!before.has(key))
      changes.push({
        area: y.area,
        subject: y.name,
        change: `added (${Object.entries(y.fields)
          .filter(([, v]) => v !== "—")
          .slice(0, 3)
          .map(([f, v]) => `${f} ${v}`)
          .join(", ")})`,
      });
  return changes;
}
