import type { CategoryNode, MetricNode, ModelDefinition, Variant } from "./model-schema";

/**
 * The base model with one variant's overrides applied: weights by metric or
 * category key, rules, missing-data policies and staleness by metric key, tiers
 * and minimum coverage. Everything the variant does not name is inherited.
 */
export function applyVariant(
  base: ModelDefinition,
  variant: Variant,
): { model: ModelDefinition; unknownKeys: string[] } {
  const used = new Set<string>();
  const metric = (m: MetricNode): MetricNode => {
    const overrides = [variant.weights, variant.rules, variant.missing, variant.staleAfterDays];
    if (overrides.some((o) => m.metric in o)) used.add(m.metric);
    return {
      ...m,
      weight: variant.weights[m.metric] ?? m.weight,
      rule: variant.rules[m.metric] ?? m.rule,
      missing: variant.missing[m.metric] ?? m.missing,
      staleAfterDays: variant.staleAfterDays[m.metric] ?? m.staleAfterDays,
    };
  };
  const category = (c: CategoryNode): CategoryNode => {
    const weight = c.key in variant.weights ? (used.add(c.key), variant.weights[c.key]!) : c.weight;
    return { ...c, weight, metrics: c.metrics.map(metric), categories: c.categories.map(category) };
  };
  const model: ModelDefinition = {
    ...base,
    metrics: base.metrics.map(metric),
    categories: base.categories.map(category),
    tiers: variant.tiers ?? base.tiers,
    minCoverage: variant.minCoverage ?? base.minCoverage,
    variants: [],
  };
  const named = [
    ...Object.keys(variant.weights),
    ...Object.keys(variant.rules),
    ...Object.keys(variant.missing),
    ...Object.keys(variant.staleAfterDays),
  ];
  return { model, unknownKeys: [...new Set(named.filter((k) => !used.has(k)))] };
}

export interface VariantResolution {
  /** The variant that applies, or null for the base model. */
  variant: Variant | null;
  /** Human-readable, e.g. 'Enterprise · Onboarding variant (priority 20): segment Enterprise, stage onboarding'. */
  reason: string;
}

export interface AccountClassification {
  segments: readonly string[];
  stage: string | null | undefined;
}

function matches(variant: Variant, account: AccountClassification): string[] | null {
  const why: string[] = [];
  if (variant.match.segments.length) {
    const hit = variant.match.segments.filter((s) => account.segments.includes(s));
    if (hit.length === 0) return null;
    why.push(`segment ${hit.join(", ")}`);
  }
  if (variant.match.stages.length) {
    if (!account.stage || !variant.match.stages.includes(account.stage)) return null;
    why.push(`stage ${account.stage}`);
  }
  return why.length ? why : null;
}

/**
 * The one variant that applies to an account: among those whose segment and
 * stage conditions all hold, the highest priority (ties, which validation
 * forbids, go to the earlier variant); otherwise the base model.
 */
export function resolveVariant(
  model: ModelDefinition,
  account: AccountClassification,
  scorecardName = model.name ?? "model",
): VariantResolution {
  let best: { variant: Variant; why: string[] } | null = null;
  for (const variant of model.variants) {
    const why = matches(variant, account);
    if (why && (!best || variant.priority > best.variant.priority)) best = { variant, why };
  }
  if (!best) return { variant: null, reason: `scored by ${scorecardName} · base model (no variant matches)` };
  return {
    variant: best.variant,
    reason: `scored by ${scorecardName} · ${best.variant.name} variant, priority ${best.variant.priority} (${best.why.join("; ")})`,
  };
}
