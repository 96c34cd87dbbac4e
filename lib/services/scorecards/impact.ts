import { listAccountNames } from "../../db/accounts";
import { getModelVersion } from "../../db/model-versions";
import { listScorecards } from "../../db/scorecards";
import { summarizeImpact } from "../../dashboards/impact";
import { NotFoundError, ValidationError } from "../../errors";
import { INSUFFICIENT_DATA, modelTiers, scorePortfolio, variantCompiler, type TierInfo } from "../../scoring";
import type { TenantContext } from "../../tenant";
import { loadActivePortfolio } from "../scoring/portfolio-input";
import { modelOf } from "./versions";

/**
 * A draft against the published version over the whole active portfolio, scored
 * now from current values by the same engine as a recompute: tier moves with ARR,
 * overlaid distributions, the tier-transition matrix and the biggest movers.
 */
export async function previewImpact(
  ctx: TenantContext,
  scorecardId: string,
  draftId: string,
  now = new Date(),
  /** The draft as it is being edited, not yet saved (the builder's live preview). */
  definition?: unknown,
) {
  const scorecard = (await listScorecards(ctx)).find((s) => s.id === scorecardId);
  if (!scorecard) throw new NotFoundError("Scorecard");
  if (!scorecard.publishedVersionId) throw new ValidationError("Nothing is published yet to compare with.");
  const [published, saved] = await Promise.all([
    getModelVersion(ctx, scorecardId, scorecard.publishedVersionId),
    getModelVersion(ctx, scorecardId, draftId),
  ]);
  if (saved.status !== "draft") throw new ValidationError(`v${saved.number} is not a draft.`);
  const draft = definition === undefined ? saved : { ...saved, definition };
  const models = [published, draft].map(modelOf);
  const started = performance.now();
  const { accounts, portfolio } = await loadActivePortfolio(ctx.organizationId);
  const [before, after] = models.map((m) => {
    const s = scorePortfolio(m, portfolio, now.getTime(), undefined, variantCompiler(m));
    return { score: s.score, tier: Array.from({ length: accounts.ids.length }, (_, i) => s.tier[i]!.key) };
  });
  const tiers = new Map<string, TierInfo>();
  for (const m of models)
    for (const t of modelTiers(m)) if (t.key !== INSUFFICIENT_DATA.key && !tiers.has(t.key)) tiers.set(t.key, t);
  tiers.set(INSUFFICIENT_DATA.key, INSUFFICIENT_DATA);
  const summary = summarizeImpact(
    before!,
    after!,
    accounts.arr,
    [...tiers.values()].map((t) => ({ key: t.key, ranked: t.key !== INSUFFICIENT_DATA.key })),
    models[1]!.range,
  );
  const names = await listAccountNames(
    ctx,
    summary.movers.map((m) => accounts.ids[m.index]!),
  );
  return {
    published: { id: published.id, number: published.number },
    draft: { id: draft.id, number: draft.number },
    tiers: [...tiers.values()],
    ...summary,
    movers: summary.movers.map((m) => ({
      ...m,
      id: accounts.ids[m.index]!,
      name: names.get(accounts.ids[m.index]!) ?? "—",
      arr: accounts.arr[m.index]!,
    })),
    milliseconds: Math.round(performance.now() - started),
  };
}

export type ImpactPreview = Awaited<ReturnType<typeof previewImpact>>;
