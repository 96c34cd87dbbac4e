import type { CompactExplanation } from "../scoring";
import type { TenantContext } from "../tenant";
import { getAccountOrThrow } from "./accounts";
import { isoDay } from "../dates";
import { db, type Tx } from "./client";

/** The account's current score on every scorecard (the account must be in the caller's scope). */
export async function listAccountScores(ctx: TenantContext, accountId: string) {
  await getAccountOrThrow(ctx, accountId);
  return db().currentScore.findMany({
    where: { organizationId: ctx.organizationId, accountId },
    select: {
      scorecardId: true,
      modelVersionId: true,
      variantKey: true,
      score: true,
      tierKey: true,
      coverage: true,
      delta7: true,
      delta30: true,
      delta90: true,
      priority: true,
      computedAt: true,
    },
  });
}

/** The account's current score on one scorecard, if it has one. */
export async function getCurrentScore(ctx: TenantContext, accountId: string, scorecardId: string) {
  return db().currentScore.findUnique({
    where: { organizationId_scorecardId_accountId: { organizationId: ctx.organizationId, scorecardId, accountId } },
    select: { score: true, tierKey: true, variantKey: true },
  });
}

export interface HistoryPoint {
  day: string;
  score: number | null;
  tierKey: string;
  modelVersionId: string;
}

/** Daily snapshots of one account on one scorecard since `from`, oldest first (caller checks scope). */
export async function listScoreHistory(ctx: TenantContext, accountId: string, scorecardId: string, from: Date) {
  const rows = await db().scoreSnapshot.findMany({
    where: { organizationId: ctx.organizationId, accountId, scorecardId, day: { gte: from } },
    orderBy: { day: "asc" },
    select: { day: true, score: true, tierKey: true, modelVersionId: true },
  });
  return rows.map((r): HistoryPoint => ({ ...r, day: isoDay(r.day) }));
}

/** The snapshot of `day`, or the latest before it (caller checks scope). */
export async function getSnapshotOnOrBefore(ctx: TenantContext, accountId: string, scorecardId: string, day: Date) {
  const row = await db().scoreSnapshot.findFirst({
    where: { organizationId: ctx.organizationId, accountId, scorecardId, day: { lte: day } },
    orderBy: { day: "desc" },
    select: { day: true, score: true, tierKey: true, coverage: true, modelVersionId: true, detail: true },
  });
  return row ? { ...row, day: isoDay(row.day), detail: row.detail as unknown as CompactExplanation } : null;
}

export async function listNotes(ctx: TenantContext, accountId: string, limit = 20) {
  const rows = await db().$queryRaw<{ id: string; body: string; createdAt: Date; author: string }[]>`
    SELECT n."id", n."body", n."createdAt",
           CASE WHEN n."authorId" IS NULL THEN 'System' ELSE coalesce(u."name", 'Former member') END AS "author"
    FROM "Note" n LEFT JOIN "User" u ON u."id" = n."authorId"
    WHERE n."organizationId" = ${ctx.organizationId}::uuid AND n."accountId" = ${accountId}::uuid
    ORDER BY n."createdAt" DESC, n."id" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function listOutcomes(ctx: TenantContext, accountId: string) {
  const rows = await db().outcome.findMany({
    where: { organizationId: ctx.organizationId, accountId },
    orderBy: { occurredOn: "desc" },
    select: { id: true, kind: true, occurredOn: true, arrBefore: true, arrAfter: true, note: true },
  });
  return rows.map((r) => ({
    ...r,
    occurredOn: isoDay(r.occurredOn),
    arrBefore: r.arrBefore?.toNumber() ?? null,
    arrAfter: r.arrAfter?.toNumber() ?? null,
  }));
}

/** Metrics a person records by hand on the account page (categorical, source "manual"), with their options. */
export async function listManualMetrics(ctx: TenantContext) {
  return db().metricDefinition.findMany({
    where: { organizationId: ctx.organizationId, source: "manual", valueType: "categorical", retiredAt: null },
    orderBy: { name: "asc" },
    select: { id: true, key: true, name: true, options: true },
  });
}

export async function createNote(ctx: TenantContext, accountId: string, body: string, tx: Tx) {
  return tx.note.create({
    data: { organizationId: ctx.organizationId, accountId, authorId: ctx.userId, body },
    select: { id: true },
  });
}

/** A value a person recorded by hand, as an observation like any other (rescoring picks it up). */
export async function recordManualObservation(
  ctx: TenantContext,
  input: { accountId: string; metricId: string; text: string; at: Date },
  tx: Tx,
) {
  await tx.metricObservation.create({
    data: {
      organizationId: ctx.organizationId,
      accountId: input.accountId,
      metricId: input.metricId,
      observedAt: input.at,
      textValue: input.text,
      source: "manual",
      recordedById: ctx.userId,
    },
  });
}
