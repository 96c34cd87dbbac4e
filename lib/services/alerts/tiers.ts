import { INSUFFICIENT_DATA, modelTiers, type TierInfo } from "../../scoring";
import { listParsedPublishedModels } from "../scoring/model-cache";

/** Each published scorecard's tiers, lowest first ("Insufficient data" last). */
export async function publishedTiers(organizationId: string): Promise<Map<string, TierInfo[]>> {
  const models = await listParsedPublishedModels(organizationId);
  return new Map(models.map((m) => [m.scorecardId, modelTiers(m.model)]));
}

/** The ranked tier keys (lowest first) and a label lookup, for rules and titles. */
export function tierContext(tiers: TierInfo[]) {
  const labels = new Map(tiers.map((t) => [t.key, t.label]));
  return {
    tierOrder: tiers.filter((t) => t.key !== INSUFFICIENT_DATA.key).map((t) => t.key),
    tierLabel: (key: string) => labels.get(key) ?? key,
  };
}
