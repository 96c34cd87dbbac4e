import type { TenantContext } from "../tenant";
import { db } from "./client";

export interface ScoringRunRow {
  id: string;
  trigger: string;
  status: string;
  accounts: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export async function listScoringRuns(ctx: TenantContext, limit = 10): Promise<ScoringRunRow[]> {
  const rows = await db().scoringRun.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { startedAt: "desc" },
    take: limit,
    select: { id: true, trigger: true, status: true, accounts: true, startedAt: true, finishedAt: true, error: true },
  });
  return rows.map((r) => ({
    ...r,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
}

/**
 * Queues a recompute for the worker, unless one is already waiting. A run that
 * is already running does not count: it may have read its inputs before the
 * change that asks for this one.
 */
export async function queueScoringRun(ctx: TenantContext, trigger: string) {
  const pending = await db().scoringRun.findFirst({
    where: { organizationId: ctx.organizationId, status: "queued" },
    select: { id: true, status: true },
  });
  if (pending) return pending;
  return db().scoringRun.create({
    data: { organizationId: ctx.organizationId, trigger, status: "queued" },
    select: { id: true, status: true },
  });
}

/** Claims the oldest queued run of any organisation (one worker at a time gets each). */
export async function claimQueuedRun(
  organizationIds: string[] | null = null,
): Promise<{ organizationId: string; id: string; trigger: string } | null> {
  const rows = await db().$queryRaw<{ organizationId: string; id: string; trigger: string }[]>`
    UPDATE "ScoringRun" SET "status" = 'running', "startedAt" = now()
    WHERE ("organizationId", "id") = (
      SELECT "organizationId", "id" FROM "ScoringRun" WHERE "status" = 'queued'
        AND (${organizationIds}::uuid[] IS NULL OR "organizationId" = ANY(${organizationIds}::uuid[]))
      ORDER BY "startedAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING "organizationId", "id", "trigger"`;
  return rows[0] ?? null;
}

/** Organisations whose scheduled recompute has not succeeded since `since`. */
export async function listOrganizationsDueSince(
  since: Date,
  organizationIds: string[] | null = null,
): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT o."id" FROM "Organization" o
    WHERE (${organizationIds}::uuid[] IS NULL OR o."id" = ANY(${organizationIds}::uuid[]))
      AND NOT EXISTS (SELECT 1 FROM "ScoringRun" r WHERE r."organizationId" = o."id" AND r."trigger" = 'schedule'
                        AND r."status" IN ('succeeded', 'running', 'queued') AND r."startedAt" >= ${since})`;
  return rows.map((r) => r.id);
}

/** Runs left "running" by a worker that died are marked failed so they can be retried. */
export async function failStaleRuns(olderThan: Date) {
  await db().scoringRun.updateMany({
    where: { status: "running", startedAt: { lt: olderThan } },
    data: { status: "failed", error: "The worker stopped before the run finished.", finishedAt: new Date() },
  });
}
