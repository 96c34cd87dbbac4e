import { readPriorityWeights, type PriorityWeights } from "../dashboards/priority";
import type { TenantContext } from "../tenant";
import { db, type Tx } from "./client";

/** The organisation's at-risk ranking weights (defaults where unset). */
export async function getPriorityWeights(organizationId: string): Promise<PriorityWeights> {
  const org = await db().organization.findUnique({ where: { id: organizationId }, select: { settings: true } });
  return readPriorityWeights((org?.settings as { priorityWeights?: unknown } | null)?.priorityWeights);
}

export async function savePriorityWeights(ctx: TenantContext, weights: PriorityWeights, tx: Tx = db()) {
  await tx.$executeRaw`
    UPDATE "Organization" SET "settings" = jsonb_set("settings"::jsonb, '{priorityWeights}', ${JSON.stringify(weights)}::jsonb)::json
    WHERE "id" = ${ctx.organizationId}::uuid`;
}

/**
 * Writes the at-risk priority (lib/dashboards/priority.ts, the same formula in SQL)
 * into the current scores of a scorecard — of `accountIds` only, when given; the
 * ARR percentile is always taken over all of the scorecard's accounts.
 */
export async function refreshPriorities(
  organizationId: string,
  scorecardId: string,
  range: { min: number; max: number },
  w: PriorityWeights,
  today: Date,
  accountIds: string[] | null = null,
  tx: Tx = db(),
) {
  const span = range.max - range.min;
  const riskTotal = w.score + w.trend + w.coverage;
  await tx.$executeRaw`
    UPDATE "CurrentScore" c SET "priority" = 100 * x.risk * (${1 - w.revenue - w.urgency}::float8 + ${w.revenue}::float8 * x.arr_rank + ${w.urgency}::float8 * x.urgency)
    FROM (
      SELECT c2."accountId",
             (${w.score}::float8 * CASE WHEN c2."score" IS NULL THEN 0.5
                                        ELSE least(1, greatest(0, (${range.max}::float8 - c2."score") / ${span}::float8)) END
              + ${w.trend}::float8 * least(1, greatest(0, -coalesce(c2."delta30", 0) / (0.2 * ${span}::float8)))
              + ${w.coverage}::float8 * least(1, greatest(0, 1 - c2."coverage"))) / ${riskTotal}::float8 AS risk,
             percent_rank() OVER (ORDER BY a."arr") AS arr_rank,
             CASE WHEN a."renewalDate" IS NULL OR a."renewalDate" < ${today}::date THEN 0
                  ELSE least(1, greatest(0, (180 - (a."renewalDate" - ${today}::date)) / 150.0)) END AS urgency
      FROM "CurrentScore" c2
      JOIN "Account" a ON a."organizationId" = c2."organizationId" AND a."id" = c2."accountId"
      WHERE c2."organizationId" = ${organizationId}::uuid AND c2."scorecardId" = ${scorecardId}::uuid
    ) x
    WHERE c."organizationId" = ${organizationId}::uuid AND c."scorecardId" = ${scorecardId}::uuid AND c."accountId" = x."accountId"
      AND (${accountIds}::uuid[] IS NULL OR c."accountId" = ANY(${accountIds}::uuid[]))`;
}

