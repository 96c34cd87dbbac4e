import { listPublishedModels } from "../../db/scorecards";
import { modelTiers, type ModelDefinition, type TierInfo } from "../../scoring";
import { publishedModel } from "../scoring/model-cache";
import type { TenantContext } from "../../tenant";

export interface ScorecardView {
  id: string;
  name: string;
  versionId: string;
  versionNumber: number;
  model: ModelDefinition;
  /** Lowest first, then "Insufficient data". */
  tiers: TierInfo[];
  range: { min: number; max: number };
}

/**
 * The published scorecards, and the one a dashboard shows: `requested` when it is
 * one of them, else the first. Null when nothing is published yet.
 */
export async function resolveScorecard(ctx: TenantContext, requested?: string) {
  const published = await listPublishedModels(ctx.organizationId);
  const options = published.map((p) => ({ id: p.scorecardId, name: p.scorecardName }));
  const chosen = published.find((p) => p.scorecardId === requested) ?? published[0];
  if (!chosen) return { options, selected: null };
  const parsed = publishedModel(chosen.versionId, chosen.definition);
  if (!parsed) throw new Error(`${chosen.scorecardName} v${chosen.versionNumber} is not a valid model`);
  const selected: ScorecardView = {
    id: chosen.scorecardId,
    name: chosen.scorecardName,
    versionId: chosen.versionId,
    versionNumber: chosen.versionNumber,
    model: parsed.model,
    tiers: modelTiers(parsed.model),
    range: parsed.model.range,
  };
  return { options, selected };
}

export { addDays, dayDate, isoDay } from "../../dates";
