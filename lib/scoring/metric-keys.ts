import type { CategoryNode, ModelDefinition } from "./model-schema";

/** Every metric key a model scores (base tree; variants only reweight or re-rule those). */
export function modelMetricKeys(model: ModelDefinition): Set<string> {
  const keys = new Set(model.metrics.map((m) => m.metric));
  const walk = (categories: CategoryNode[]) => {
    for (const c of categories) {
      for (const m of c.metrics) keys.add(m.metric);
      walk(c.categories);
    }
  };
  walk(model.categories);
  return keys;
}
