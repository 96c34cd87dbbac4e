import type { ExplainedScore } from "./attribution";
import { REASON_NAMES, STATUS_NAMES } from "./evaluate";
import type { ModelDefinition } from "./model-schema";
import type { CompactExplanation } from "./portfolio";
import { variantCompiler } from "./portfolio";

/** One metric of a stored snapshot, with the names its model version gives it. */
export interface SnapshotMetric {
  metric: string;
  name: string;
  /** Category names from the top level down. */
  path: string[];
  raw: number | string | null;
  normalized: number | null;
  points: number | null;
  effectiveWeight: number;
  contribution: number;
  status: (typeof STATUS_NAMES)[number];
  reason: (typeof REASON_NAMES)[number] | null;
  ageDays: number | null;
}

export interface SnapshotDetail extends ExplainedScore {
  variant: string | null;
  variantReason: string;
  metrics: SnapshotMetric[];
  /** Contribution of each top-level category (metrics at the top level count as their own). */
  categories: { name: string; contribution: number; weight: number }[];
}

/**
 * Reads the compact explanation a snapshot stores, naming each metric and its
 * categories from the model version that scored it. Σ metric contributions =
 * Σ category contributions = the score.
 */
export function readSnapshotDetail(
  model: ModelDefinition,
  detail: CompactExplanation,
  score: number | null,
  compiledFor = variantCompiler(model),
): SnapshotDetail {
  const compiled = compiledFor(model.variants.some((v) => v.key === detail.variant) ? detail.variant : null);
  const named = new Map(compiled.metrics.map((m) => [m.key, m]));
  const metrics = detail.metrics.map(
    ([key, raw, normalized, points, weight, contribution, status, reason, ageDays]) => {
      const m = named.get(key);
      return {
        metric: key,
        name: m?.name ?? key,
        path: m?.path ?? [],
        raw,
        normalized,
        points,
        effectiveWeight: weight,
        contribution,
        status: STATUS_NAMES[status] ?? "excluded",
        reason: reason === 0 ? null : (REASON_NAMES[reason] ?? null),
        ageDays,
      };
    },
  );
  const categories = new Map<string, { name: string; contribution: number; weight: number }>();
  for (const m of metrics) {
    const name = m.path[0] ?? m.name;
    const c = categories.get(name) ?? { name, contribution: 0, weight: 0 };
    c.contribution += m.contribution;
    c.weight += m.effectiveWeight;
    categories.set(name, c);
  }
  return {
    variant: detail.variant,
    variantReason: detail.reason,
    score,
    metrics,
    categories: [...categories.values()],
  };
}
