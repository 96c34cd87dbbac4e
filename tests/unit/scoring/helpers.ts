import {
  createScorer,
  validateModel,
  type AccountInput,
  type ModelDefinition,
  type ModelDefinitionInput,
} from "@/lib/scoring";

export const TIERS = [
  { min: 0, label: "At risk", color: "#d92d20" },
  { min: 40, label: "Neutral", color: "#f79009" },
  { min: 70, label: "Healthy", color: "#12b76a" },
];

/** Parses a model that must be valid (tests of invalid models call validateModel directly). */
export function model(
  input: (Partial<ModelDefinitionInput> & Pick<ModelDefinitionInput, "metrics" | "categories">) | ModelDefinitionInput,
): ModelDefinition {
  const result = validateModel({ range: { min: 0, max: 100 }, tiers: TIERS, ...input });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return result.model;
}

export function score(
  def: ModelDefinition,
  values: AccountInput["values"],
  extra: Partial<AccountInput> = {},
  asOf = "2026-11-22",
) {
  return createScorer(def).scoreAccounts([{ id: "a", values, ...extra }], { asOf })[0]!;
}

/** One metric at weight 100 with `rule`, scored for `value`: its points. */
export function pointsFor(rule: unknown, value: unknown, extra: Record<string, unknown> = {}) {
  const def = model({ metrics: [{ metric: "m", weight: 100, rule, ...extra } as never] });
  return score(def, { m: value as never }).metrics[0]!.points;
}
