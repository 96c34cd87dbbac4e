import type { ModelDefinition, Tier } from "./model-schema";

/** A tier as results show it. */
export interface TierInfo {
  key: string;
  label: string;
  color: string;
  letter: string | null;
}

/** Below the model's minimum coverage: never silently 0, never "At risk". */
export const INSUFFICIENT_DATA: TierInfo = {
  key: "insufficient_data",
  label: "Insufficient data",
  color: "#98a2b3",
  letter: null,
};

/** A tier of a model as results name it (the key defaults to the label in snake case). */
export function tierInfo(t: Tier): TierInfo {
  return {
    key:
      t.key ??
      t.label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "_")
        .replace(/^_|_$/g, ""),
    label: t.label,
    color: t.color,
    letter: t.letter ?? null,
  };
}

/** Every tier an account can get from the model (base and variants), lowest first, then "Insufficient data". */
export function modelTiers(model: ModelDefinition): TierInfo[] {
  const all = [...model.tiers, ...model.variants.flatMap((v) => v.tiers ?? [])].sort((a, b) => a.min - b.min);
  const seen = new Map<string, TierInfo>();
  for (const t of all) {
    const info = tierInfo(t);
    if (!seen.has(info.key)) seen.set(info.key, info);
  }
  return [...seen.values(), INSUFFICIENT_DATA];
}
