import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import { db, readRows } from "./client";
import { SNAPSHOTS_WITH_EXPLANATIONS } from "./snapshot-explanations";

async function scorecardOrThrow(ctx: TenantContext, key: string | undefined) {
  const scorecard = await db().scorecard.findFirst({
    where: { organizationId: ctx.organizationId, archivedAt: null, ...(key ? { key } : {}) },
    orderBy: { createdAt: "asc" },
    select: { id: true, key: true, name: true },
  });
  if (!scorecard) throw new NotFoundError(key ? `Scorecard "${key}"` : "Scorecard");
  return scorecard;
}

/** Current scores of a scorecard (default: the first), a page at a time, ordered by account id. */
export async function listCurrentScoresPage(
  ctx: TenantContext,
  q: { scorecard?: string; limit: number; cursor?: string },
) {
  const scorecard = await scorecardOrThrow(ctx, q.scorecard);
  const rows = await db().currentScore.findMany({
    where: {
      organizationId: ctx.organizationId,
      scorecardId: scorecard.id,
      ...(q.cursor ? { accountId: { gt: q.cursor } } : {}),
    },
    orderBy: { accountId: "asc" },
    take: q.limit + 1,
    select: {
      accountId: true,
      score: true,
      tierKey: true,
      coverage: true,
      delta7: true,
      delta30: true,
      delta90: true,
      computedAt: true,
      variantKey: true,
      account: { select: { externalId: true, name: true } },
    },
  });
  const page = rows.slice(0, q.limit);
  return {
    scorecard: { key: scorecard.key, name: scorecard.name },
    items: page.map((r) => ({
      account: { id: r.accountId, externalId: r.account.externalId, name: r.account.name },
      score: r.score,
      tier: r.tierKey,
      coverage: r.coverage,
      variant: r.variantKey,
      delta7: r.delta7,
      delta30: r.delta30,
      delta90: r.delta90,
      computedAt: r.computedAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.accountId : null,
  };
}

interface SnapshotWithExplanation {
  day: Date;
  score: number | null;
  tierKey: string;
  coverage: number;
  variantKey: string | null;
  modelVersionId: string;
  detail: unknown;
}

/** Daily snapshots of one account (by external id) between two days, oldest first, with their explanations. */
export async function listAccountSnapshots(
  ctx: TenantContext,
  externalId: string,
  q: { scorecard?: string; from?: string; to?: string },
) {
  const scorecard = await scorecardOrThrow(ctx, q.scorecard);
  const account = await db().account.findUnique({
    where: { organizationId_externalId: { organizationId: ctx.organizationId, externalId } },
    select: { id: true, externalId: true, name: true },
  });
  if (!account) throw new NotFoundError("Account");
  const rows = await readRows<SnapshotWithExplanation[]>`
    SELECT s."day", s."score", s."tierKey", s."coverage", s."variantKey", s."modelVersionId", e."detail"
    FROM ${SNAPSHOTS_WITH_EXPLANATIONS}
    WHERE s."organizationId" = ${ctx.organizationId}::uuid AND s."scorecardId" = ${scorecard.id}::uuid
      AND s."accountId" = ${account.id}::uuid
      AND (${q.from ?? null}::date IS NULL OR s."day" >= ${q.from ?? null}::date)
      AND (${q.to ?? null}::date IS NULL OR s."day" <= ${q.to ?? null}::date)
    ORDER BY s."day"
    LIMIT 1000`;
  return {
    account,
    scorecard: { key: scorecard.key, name: scorecard.name },
    items: rows.map((r) => ({
      day: r.day.toISOString().slice(0, 10),
      score: r.score,
      tier: r.tierKey,
      coverage: r.coverage,
      variant: r.variantKey,
      modelVersionId: r.modelVersionId,
      explanation: r.detail,
    })),
  };
}
