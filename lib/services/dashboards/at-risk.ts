import { defaultDirection, listAtRisk } from "../../db/at-risk";
import { getPriorityWeights, refreshPriorities, savePriorityWeights } from "../../db/priorities";
import { writeAudit } from "../../db/audit";
import { listPublishedModels } from "../../db/scorecards";
import type { PriorityWeights } from "../../dashboards/priority";
import { validateModel } from "../../scoring";
import type { TenantContext } from "../../tenant";
import type { AtRiskQuery } from "../../validation/dashboards";
import { filtersOf } from "./overview";
import { resolveScorecard } from "./scorecard";

/** One page of the at-risk list for the caller's view. */
export async function loadAtRisk(ctx: TenantContext, q: AtRiskQuery) {
  const { options, selected: card } = await resolveScorecard(ctx, q.scorecard);
  if (!card) return { scorecards: options, card: null } as const;
  const dir = q.dir ?? defaultDirection(q.sort);
  const [page, weights] = await Promise.all([
    listAtRisk(
      ctx,
      card.id,
      { ...filtersOf(q), tier: q.tier },
      { sort: q.sort, dir },
      { offset: (q.page - 1) * q.size, limit: q.size },
    ),
    getPriorityWeights(ctx.organizationId),
  ]);
  return { scorecards: options, card, dir, weights, ...page } as const;
}

/** Every row of the current view (for the CSV export), in pages so memory stays flat. */
export async function* exportAtRisk(ctx: TenantContext, q: AtRiskQuery) {
  const { selected: card } = await resolveScorecard(ctx, q.scorecard);
  if (!card) return;
  const dir = q.dir ?? defaultDirection(q.sort);
  const PAGE = 2_000;
  for (let offset = 0; ; offset += PAGE) {
    const page = await listAtRisk(
      ctx,
      card.id,
      { ...filtersOf(q), tier: q.tier },
      { sort: q.sort, dir },
      { offset, limit: PAGE },
    );
    yield { card, rows: page.items };
    if (page.items.length < PAGE) return;
  }
}

/** Saves new ranking weights and re-ranks every scorecard's accounts with them at once. */
export async function updatePriorityWeights(ctx: TenantContext, weights: PriorityWeights, today = new Date()) {
  const before = await getPriorityWeights(ctx.organizationId);
  await savePriorityWeights(ctx, weights);
  for (const model of await listPublishedModels(ctx.organizationId)) {
    const validation = validateModel(model.definition);
    if (validation.ok)
      await refreshPriorities(ctx.organizationId, model.scorecardId, { range: validation.model.range, weights, today });
  }
  await writeAudit(ctx, {
    action: "priorities.update",
    entityType: "Organization",
    entityId: ctx.organizationId,
    before,
    after: weights,
  });
}
