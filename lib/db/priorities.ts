import { readPriorityWeights, type PriorityWeights } from "../dashboards/priority";
import type { TenantContext } from "../tenant";
import { db, Prisma, readRows, type SqlTx } from "./client";

/** The organisation's at-risk ranking weights (defaults where unset). */
export async function getPriorityWeights(organizationId: string): Promise<PriorityWeights> {
  const [org] = await readRows<{ weights: unknown }[]>`
    SELECT "settings" -> 'priorityWeights' AS "weights" FROM "Organization" WHERE "id" = ${organizationId}::uuid`;
  return readPriorityWeights(org?.weights);
}

export async function savePriorityWeights(ctx: TenantContext, weights: PriorityWeights, tx: SqlTx = db()) {
  await tx.$executeRaw`
    UPDATE "Organization" SET "settings" = jsonb_set("settings"::jsonb, '{priorityWeights}', ${JSON.stringify(weights)}::jsonb)::json
    WHERE "id" = ${ctx.organizationId}::uuid`;
}

export interface PriorityParams {
  range: { min: number; max: number };
  weights: PriorityWeights;
  today: Date;
}

/**
 * The at-risk priority (lib/dashboards/priority.ts) as one SQL expression over
 * the given columns; `arrRank` is the ARR percentile (0–1).
 */
export function priorityExpression(
  cols: { score: Prisma.Sql; delta30: Prisma.Sql; coverage: Prisma.Sql; arrRank: Prisma.Sql; renewalDate: Prisma.Sql },
  { range, weights: w, today }: PriorityParams,
): Prisma.Sql {
  const span = range.max - range.min;
  const risk = Prisma.sql`(${w.score}::float8 * CASE WHEN ${cols.score} IS NULL THEN 0.5
                                ELSE least(1, greatest(0, (${range.max}::float8 - ${cols.score}) / ${span}::float8)) END
      + ${w.trend}::float8 * least(1, greatest(0, -coalesce(${cols.delta30}, 0) / (0.2 * ${span}::float8)))
      + ${w.coverage}::float8 * least(1, greatest(0, 1 - ${cols.coverage}))) / ${w.score + w.trend + w.coverage}::float8`;
  const urgency = Prisma.sql`CASE WHEN ${cols.renewalDate} IS NULL OR ${cols.renewalDate} < ${today}::date THEN 0
      ELSE least(1, greatest(0, (180 - (${cols.renewalDate} - ${today}::date)) / 150.0)) END`;
  return Prisma.sql`100 * ${risk} * (${1 - w.revenue - w.urgency}::float8 + ${w.revenue}::float8 * ${cols.arrRank} + ${w.urgency}::float8 * ${urgency})`;
}

/**
 * Writes the at-risk priority into the current scores of a scorecard — of
 * `accountIds` only, when given; the ARR percentile is always taken over all of
 * the scorecard's accounts. (A whole recompute computes it as it writes the
 * current scores; this serves scoped runs and new weights.)
 */
export async function refreshPriorities(
  organizationId: string,
  scorecardId: string,
  params: PriorityParams,
  accountIds: string[] | null = null,
  tx: SqlTx = db(),
) {
  const priority = priorityExpression(
    {
      score: Prisma.sql`x."score"`,
      delta30: Prisma.sql`x."delta30"`,
      coverage: Prisma.sql`x."coverage"`,
      arrRank: Prisma.sql`x.arr_rank`,
      renewalDate: Prisma.sql`x."renewalDate"`,
    },
    params,
  );
  await tx.$executeRaw`
    UPDATE "CurrentScore" c SET "priority" = ${priority}
    FROM (
      SELECT c2."accountId", c2."score", c2."delta30", c2."coverage", a."renewalDate",
             percent_rank() OVER (ORDER BY a."arr") AS arr_rank
      FROM "CurrentScore" c2
      JOIN "Account" a ON a."organizationId" = c2."organizationId" AND a."id" = c2."accountId"
      WHERE c2."organizationId" = ${organizationId}::uuid AND c2."scorecardId" = ${scorecardId}::uuid
    ) x
    WHERE c."organizationId" = ${organizationId}::uuid AND c."scorecardId" = ${scorecardId}::uuid AND c."accountId" = x."accountId"
      AND (${accountIds}::uuid[] IS NULL OR c."accountId" = ANY(${accountIds}::uuid[]))`;
}
