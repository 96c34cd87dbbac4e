import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import { db, Prisma } from "./client";
import { signalQueuedWork } from "./work-signal";

export interface ScoringRunRow {
  id: string;
  trigger: string;
  status: string;
  /** Whether it scored every account (false: only those a data change touched). */
  full: boolean;
  accounts: number;
  /** A backfill's days, and how many of them are scored so far; null for a recompute. */
  backfillDays: number | null;
  daysDone: number;
  /** An admin asked to stop this backfill; it stops after the day it is scoring. */
  stopping: boolean;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

const runSelect = {
  id: true,
  trigger: true,
  status: true,
  full: true,
  accounts: true,
  backfillDays: true,
  daysDone: true,
  cancelRequestedAt: true,
  startedAt: true,
  finishedAt: true,
  error: true,
} satisfies Prisma.ScoringRunSelect;

const runRow = ({
  cancelRequestedAt,
  ...r
}: Prisma.ScoringRunGetPayload<{ select: typeof runSelect }>): ScoringRunRow => ({
  ...r,
  stopping: cancelRequestedAt !== null,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

export async function listScoringRuns(ctx: TenantContext, limit = 10): Promise<ScoringRunRow[]> {
  const rows = await db().scoringRun.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { startedAt: "desc" },
    take: limit,
    select: runSelect,
  });
  return rows.map(runRow);
}

/** The organisation's latest finished recompute of every account (daily, "recompute now", after a publish), if any. */
export async function lastFullRun(ctx: TenantContext): Promise<ScoringRunRow | null> {
  const run = await db().scoringRun.findFirst({
    where: { organizationId: ctx.organizationId, full: true, backfillDays: null, finishedAt: { not: null } },
    orderBy: { startedAt: "desc" },
    select: runSelect,
  });
  return run && runRow(run);
}

/** One run of the organisation; another organisation's is not found. */
export async function getScoringRun(ctx: TenantContext, id: string): Promise<ScoringRunRow> {
  const run = await db().scoringRun.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id } },
    select: runSelect,
  });
  if (!run) throw new NotFoundError("Run");
  return runRow(run);
}

/** Past this many accounts a queued run rescores the whole organisation instead. */
export const MAX_SCOPED_ACCOUNTS = 20_000;

/**
 * Queues a recompute for the worker — of the whole organisation, or only of
 * `accountIds` (those an import or API write touched) — merging it into a run
 * that is already waiting. A run that is already running does not count: it may
 * have read its inputs before the change that asks for this one.
 */
export async function queueScoringRun(ctx: TenantContext, trigger: string, accountIds: string[] | null = null) {
  const full = accountIds === null || accountIds.length > MAX_SCOPED_ACCOUNTS;
  const ids = full ? [] : accountIds;
  const merged = await db().$queryRaw<{ id: string; status: string }[]>`
    UPDATE "ScoringRun" r SET
      "full" = r."full" OR ${full} OR cardinality(r."accountIds") + ${ids.length} > ${MAX_SCOPED_ACCOUNTS},
      "accountIds" = CASE WHEN r."full" OR ${full} OR cardinality(r."accountIds") + ${ids.length} > ${MAX_SCOPED_ACCOUNTS}
                          THEN '{}'::uuid[]
                          ELSE ARRAY(SELECT DISTINCT x FROM unnest(r."accountIds" || ${ids}::uuid[]) x) END
    WHERE ("organizationId", "id") = (
      SELECT "organizationId", "id" FROM "ScoringRun" WHERE "organizationId" = ${ctx.organizationId}::uuid AND "status" = 'queued'
        AND "backfillDays" IS NULL
      ORDER BY "startedAt" LIMIT 1 FOR UPDATE)
    RETURNING "id", "status"`;
  const run =
    merged[0] ??
    (await db().scoringRun.create({
      data: { organizationId: ctx.organizationId, trigger, status: "queued", full, accountIds: ids },
      select: { id: true, status: true },
    }));
  await signalQueuedWork(ctx.organizationId);
  return run;
}

/** Whether the organisation has a backfill waiting or running. */
export async function backfillUnderWay(ctx: TenantContext): Promise<boolean> {
  const run = await db().scoringRun.findFirst({
    where: { organizationId: ctx.organizationId, backfillDays: { not: null }, status: { in: ["queued", "running"] } },
    select: { id: true },
  });
  return run !== null;
}

/** Queues a history backfill of `days` days for the worker; it is never merged with a recompute. */
export async function queueBackfillRun(ctx: TenantContext, days: number) {
  const run = await db().scoringRun.create({
    data: { organizationId: ctx.organizationId, trigger: "backfill", status: "queued", full: true, backfillDays: days },
    select: { id: true, status: true },
  });
  await signalQueuedWork(ctx.organizationId);
  return run;
}

/** Records how many days of a backfill are scored, and answers in the same statement whether to stop. */
export async function reportBackfillProgress(organizationId: string, id: string, daysDone: number) {
  const run = await db().scoringRun.update({
    where: { organizationId_id: { organizationId, id } },
    data: { daysDone },
    select: { cancelRequestedAt: true },
  });
  return { cancelRequested: run.cancelRequestedAt !== null };
}

/**
 * Stops a backfill: a waiting one is stopped at once; a running one is marked,
 * and stops after the day it is scoring. Answers whether there was one to stop.
 */
export async function cancelBackfillRun(ctx: TenantContext, id: string): Promise<boolean> {
  const where = { organizationId: ctx.organizationId, id, backfillDays: { not: null } };
  const waiting = await db().scoringRun.updateMany({
    where: { ...where, status: "queued" },
    data: { status: "stopped", error: "Stopped before it started.", finishedAt: new Date() },
  });
  if (waiting.count === 1) return true;
  const running = await db().scoringRun.updateMany({
    where: { ...where, status: "running" },
    data: { cancelRequestedAt: new Date() },
  });
  return running.count === 1;
}

/**
 * Puts a running backfill back in the queue, from its first day, for the next
 * worker: the one running it is shutting down. The days it scored are kept;
 * `note` says so on the run until it finishes.
 */
export async function requeueBackfillRun(organizationId: string, id: string, note: string) {
  await db().scoringRun.updateMany({
    where: { organizationId, id, status: "running", backfillDays: { not: null } },
    data: { status: "queued", daysDone: 0, error: note },
  });
}

export interface ClaimedRun {
  organizationId: string;
  id: string;
  trigger: string;
  full: boolean;
  accountIds: string[];
  backfillDays: number | null;
}

/** Claims the oldest queued recompute, or backfill, of any organisation (one worker at a time gets each). */
export async function claimQueuedRun(
  kind: "recompute" | "backfill",
  organizationIds: string[] | null = null,
): Promise<ClaimedRun | null> {
  const backfill = kind === "backfill";
  const rows = await db().$queryRaw<ClaimedRun[]>`
    UPDATE "ScoringRun" SET "status" = 'running', "startedAt" = now()
    WHERE ("organizationId", "id") = (
      SELECT "organizationId", "id" FROM "ScoringRun" WHERE "status" = 'queued'
        AND ("backfillDays" IS NOT NULL) = ${backfill}
        AND (${organizationIds}::uuid[] IS NULL OR "organizationId" = ANY(${organizationIds}::uuid[]))
      ORDER BY "startedAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING "organizationId", "id", "trigger", "full", "accountIds", "backfillDays"`;
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
