import { createDraftVersion } from "../../lib/db/model-versions";
import { previewImpact } from "../../lib/services/scorecards/impact";
import { loadActivePortfolio } from "../../lib/services/scoring/portfolio-input";
import type { TenantContext } from "../../lib/tenant";
import { seconds, timed } from "./measure";
import type { Figure } from "./results";
import { benchModel } from "./synthetic";

/**
 * The model builder's impact preview of a reweighted draft over every account,
 * next to only loading the current values both versions are scored from.
 */
export async function measureImpactPreview(ctx: TenantContext, scorecardId: string, log: (line: string) => void) {
  const draft = benchModel() as { categories: { weight: number }[] };
  draft.categories[0]!.weight += 10;
  draft.categories[1]!.weight -= 10;
  const version = await createDraftVersion(ctx, scorecardId, draft);
  const preview = await timed(() => previewImpact(ctx, scorecardId, version.id));
  const load = await timed(() => loadActivePortfolio(ctx.organizationId));
  log(
    `impact preview ${seconds(preview.ms)} (${preview.result.changedTier} accounts change tier) vs loading the values ${seconds(load.ms)}`,
  );
  return {
    name: `Impact preview of a reweighted draft over ${preview.result.accounts.toLocaleString("en-US")} accounts (both versions scored, compared)`,
    ours: preview.ms,
    baseline: load.ms,
    baselineName: "loading the current values the preview scores",
    goal: "a few seconds",
    ratio: preview.ms / load.ms,
    note: `${preview.result.changedTier.toLocaleString("en-US")} accounts would change tier`,
  } satisfies Figure;
}
