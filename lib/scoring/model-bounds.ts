import type { CategoryNode, MetricNode, ModelDefinition } from "./model-schema";
import { rulePointBounds } from "./rules";

/**
 * The lowest and highest score the base model can give: every input at its worst,
 * then at its best, weighted down the tree (as if every metric had data).
 */
export function scoreBounds(model: ModelDefinition): { min: number; max: number } {
  let min = 0;
  let max = 0;
  const walk = (metrics: MetricNode[], categories: CategoryNode[], share: number) => {
    for (const m of metrics) {
      const b = rulePointBounds(m.rule, model.range);
      min += (share * m.weight * b.min) / 100;
      max += (share * m.weight * b.max) / 100;
    }
    for (const c of categories) walk(c.metrics, c.categories, (share * c.weight) / 100);
  };
  walk(model.metrics, model.categories, 1);
  return { min, max };
}
