import type { CompactExplanation } from "../scoring";
import type { TenantContext } from "../tenant";
import { getAccountOrThrow } from "./accounts";
import { db, readRows, type Tx } from "./client";
import { SNAPSHOTS_WITH_EXPLANATIONS } from "./snapshot-explanations";
import { insertObservations } from "./observations";

/** The account's current score on every scorecard (the account must be in the caller's scope). */
export async function listAccountScores(ctx: TenantContext, accountId: string) {
  await getAccountOrThrow(ctx, accountId);
  return readRows<AccountScore[]>`
    SELECT "scorecardId", "modelVersionId", "variantKey", "score", "tierKey", "coverage", "delta7", "delta30", "delta90",
           "priority", "computedAt"
    FROM "CurrentScore"
    WHERE "organizationId" = ${ctx.organizationId}::uuid AND "accountId" = ${accountId}::uuid
    ORDER BY "scorecardId"`;
}

export interface AccountScore {
  scorecardId: string;
  modelVersionId: string;
  variantKey: string | null;
  score: number | null;
  tierKey: string;
  coverage: number;
  delta7: number | null;
  delta30: number | null;
  delta90: number | null;
  priority: number;
  computedAt: Date;
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
export function listScoreHistory(ctx: TenantContext, accountId: string, scorecardId: string, from: Date) {
  return readRows<HistoryPoint[]>`
    SELECT to_char("day", 'YYYY-MM-DD') AS "day", "score", "tierKey", "modelVersionId"
    FROM "ScoreSnapshot"
    WHERE "organizationId" = ${ctx.organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid
      AND "accountId" = ${accountId}::uuid AND "day" >= ${from}::date
    ORDER BY "day"`;
}

/** The snapshot of `day`, or the latest before it, with its explanation (caller checks scope). */
export async function getSnapshotOnOrBefore(ctx: TenantContext, accountId: string, scorecardId: string, day: Date) {
  const [row] = await readRows<
    {
      day: string;
      score: number | null;
      tierKey: string;
      coverage: number;
      modelVersionId: string;
      detail: CompactExplanation;
    }[]
  >`
    SELECT to_char(s."day", 'YYYY-MM-DD') AS "day", s."score", s."tierKey", s."coverage", s."modelVersionId", e."detail"
    FROM ${SNAPSHOTS_WITH_EXPLANATIONS}
    WHERE s."organizationId" = ${ctx.organizationId}::uuid AND s."scorecardId" = ${scorecardId}::uuid
      AND s."accountId" = ${accountId}::uuid AND s."day" <= ${day}::date
    ORDER BY s."day" DESC
    LIMIT 1`;
  return row ?? null;
}

export async function listNotes(ctx: TenantContext, accountId: string, limit = 20) {
  const rows = await readRows<{ id: string; body: string; createdAt: Date; author: string }[]>`
    SELECT n."id", n."body", n."createdAt",
           CASE WHEN n."authorId" IS NULL THEN 'System' ELSE coalesce(u."name", 'Former member') END AS "author"
    FROM "Note" n LEFT JOIN "User" u ON u."id" = n."authorId"
    WHERE n."organizationId" = ${ctx.organizationId}::uuid AND n."accountId" = ${accountId}::uuid
    ORDER BY n."createdAt" DESC, n."id" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export function listOutcomes(ctx: TenantContext, accountId: string) {
  return readRows<
    {
      id: string;
      kind: "churned" | "renewed" | "expanded" | "contracted";
      occurredOn: string;
      arrBefore: number | null;
      arrAfter: number | null;
      note: string | null;
    }[]
  >`
    SELECT "id", "kind"::text AS "kind", to_char("occurredOn", 'YYYY-MM-DD') AS "occurredOn",
           "arrBefore"::float8 AS "arrBefore", "arrAfter"::float8 AS "arrAfter", "note"
    FROM "Outcome"
    WHERE "organizationId" = ${ctx.organizationId}::uuid AND "accountId" = ${accountId}::uuid
    ORDER BY "occurredOn" DESC, "id"`;
}

/** Metrics a person records by hand on the account page (categorical, source "manual"), with their options. */
export function listManualMetrics(ctx: TenantContext) {
  return readRows<{ id: string; key: string; name: string; options: string[] }[]>`
    SELECT "id", "key", "name", "options" FROM "MetricDefinition"
    WHERE "organizationId" = ${ctx.organizationId}::uuid AND "source" = 'manual' AND "valueType" = 'categorical'
      AND "retiredAt" IS NULL
    ORDER BY "name", "id"`;
}

export async function createNote(ctx: TenantContext, accountId: string, body: string, tx: Tx) {
  return tx.note.create({
    data: { organizationId: ctx.organizationId, accountId, authorId: ctx.userId, body },
    select: { id: true },
  });
}

/**
 * A value a person recorded by hand, as an observation like any other: the same
 * statement moves the account's current value (rescoring picks it up).
 */
export async function recordManualObservation(
  ctx: TenantContext,
  input: { accountId: string; metricId: string; text: string; at: Date },
  tx: Tx,
) {
  await insertObservations(
    ctx.organizationId,
    {
      accountId: [input.accountId],
      metricId: [input.metricId],
      observedAt: [input.at],
      value: [null],
      textValue: [input.text],
      source: "manual",
      recordedById: ctx.userId,
    },
    tx,
  );
}
