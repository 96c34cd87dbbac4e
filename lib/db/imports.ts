import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import { memberLookup } from "../validation/imports";
import { analyzeIfGrown } from "./statistics";
import { db, Prisma, type SqlTx, type Tx } from "./client";
import { signalQueuedWork } from "./work-signal";

export type ImportKind = "accounts" | "observations" | "outcomes";

export async function createImportJob(
  ctx: TenantContext,
  input: { kind: ImportKind; fileName: string; mapping: Record<string, string> },
) {
  return db().importJob.create({
    data: {
      organizationId: ctx.organizationId,
      kind: input.kind,
      fileName: input.fileName.slice(0, 200),
      mapping: input.mapping,
      createdById: ctx.userId,
    },
    select: { id: true },
  });
}

const jobSelect = {
  id: true,
  kind: true,
  status: true,
  fileName: true,
  mapping: true,
  dateOrder: true,
  mappingFromId: true,
  totalRows: true,
  processedRows: true,
  checkedAt: true,
  cancelRequestedAt: true,
  acceptedRows: true,
  newRows: true,
  changedRows: true,
  rejectedRows: true,
  earliestAt: true,
  error: true,
  createdAt: true,
  finishedAt: true,
} satisfies Prisma.ImportJobSelect;

export async function getImportJobOrThrow(ctx: TenantContext, id: string) {
  const job = await db().importJob.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id } },
    select: jobSelect,
  });
  if (!job) throw new NotFoundError("Import");
  return { ...job, mapping: job.mapping as Record<string, string> };
}

export type ImportJobRow = Awaited<ReturnType<typeof getImportJobOrThrow>>;

export const IMPORTS_PAGE_SIZE = 20;

/** The organisation's imports, newest first, one page at a time, with how many there are. */
export async function listImportJobs(ctx: TenantContext, page = 1) {
  const where = { organizationId: ctx.organizationId };
  const [rows, total] = await Promise.all([
    db().importJob.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * IMPORTS_PAGE_SIZE,
      take: IMPORTS_PAGE_SIZE,
      select: jobSelect,
    }),
    db().importJob.count({ where }),
  ]);
  const items = rows.map((r) => ({
    ...r,
    mapping: r.mapping as Record<string, string>,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
  return { items, total };
}

export async function updateImportJob(organizationId: string, id: string, data: Prisma.ImportJobUpdateInput) {
  await db().importJob.update({ where: { organizationId_id: { organizationId, id } }, data });
}

/** Marks an import committed with its counts, by `tx`: the transaction that writes its rows. */
export async function markImportCommitted(
  tx: SqlTx,
  organizationId: string,
  id: string,
  counts: {
    total: number;
    accepted: number;
    created: number;
    /** Stored accounts or outcomes the import changed (null: observations). */
    changed: number | null;
    rejected: number;
    earliestAt: Date | null;
    finishedAt: Date;
  },
) {
  await tx.$executeRaw`
    UPDATE "ImportJob" SET "status" = 'committed', "totalRows" = ${counts.total}, "processedRows" = ${counts.total},
      "acceptedRows" = ${counts.accepted}, "newRows" = ${counts.created}, "changedRows" = ${counts.changed},
      "rejectedRows" = ${counts.rejected},
      "earliestAt" = ${counts.earliestAt}, "finishedAt" = ${counts.finishedAt}
    WHERE "organizationId" = ${organizationId}::uuid AND "id" = ${id}::uuid`;
}

/** Moves a job from one status to another only if it is still in the first (one committer wins). */
export async function transitionImportJob(
  organizationId: string,
  id: string,
  from: string[],
  to: "committing" | "queued",
) {
  const { count } = await db().importJob.updateMany({
    where: { organizationId, id, status: { in: from as never[] } },
    data: {
      status: to === "queued" ? "validated" : "committing",
      processedRows: 0,
      checkedAt: null,
      cancelRequestedAt: null,
      error: null,
    },
  });
  if (count === 1 && to === "queued") await signalQueuedWork(organizationId);
  return count === 1;
}

/**
 * The most recent committed import of `kind` whose file had exactly these
 * columns (a mapping is keyed by column name): a weekly export imported
 * again starts from the mapping used last time.
 */
export async function findImportWithColumns(organizationId: string, kind: ImportKind, columns: string[]) {
  const wanted = [...columns].sort().join("\u0000");
  const recent = await db().importJob.findMany({
    where: { organizationId, kind, status: "committed" },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, mapping: true, dateOrder: true },
  });
  const same = recent.find(
    (j) =>
      Object.keys(j.mapping as object)
        .sort()
        .join("\u0000") === wanted,
  );
  return same ? { ...same, mapping: same.mapping as Record<string, string> } : null;
}

export async function claimQueuedImport(organizationIds: string[] | null = null) {
  const rows = await db().$queryRaw<{ organizationId: string; id: string }[]>`
    UPDATE "ImportJob" SET "status" = 'committing', "processedRows" = 0, "checkedAt" = NULL
    WHERE ("organizationId", "id") = (
      SELECT "organizationId", "id" FROM "ImportJob" WHERE "status" = 'validated'
        AND (${organizationIds}::uuid[] IS NULL OR "organizationId" = ANY(${organizationIds}::uuid[]))
      ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING "organizationId", "id"`;
  return rows[0] ?? null;
}

/**
 * Stops an import that is waiting or being committed: a waiting one fails at
 * once; a running one is marked, and its worker stops at the next check.
 * Answers whether there was one to stop.
 */
export async function cancelImportJob(organizationId: string, id: string): Promise<boolean> {
  const cancelled = "Cancelled before anything was written.";
  const waiting = await db().importJob.updateMany({
    where: { organizationId, id, status: "validated" },
    data: { status: "failed", error: cancelled, finishedAt: new Date() },
  });
  if (waiting.count === 1) return true;
  const running = await db().importJob.updateMany({
    where: { organizationId, id, status: "committing" },
    data: { cancelRequestedAt: new Date() },
  });
  return running.count === 1;
}

/**
 * Records a commit's progress (`data`: rows checked so far, and the like) and
 * answers, in the same statement, whether someone asked to stop it.
 */
export async function reportImportProgress(
  organizationId: string,
  id: string,
  data: Prisma.ImportJobUpdateInput,
): Promise<{ cancelRequested: boolean }> {
  const job = await db().importJob.update({
    where: { organizationId_id: { organizationId, id } },
    data,
    select: { cancelRequestedAt: true },
  });
  return { cancelRequested: job.cancelRequestedAt !== null };
}

/** Imports left "committing" by a process that died wrote nothing (their transaction rolled back). */
export async function failInterruptedImports(olderThan: Date) {
  await db().importJob.updateMany({
    where: { status: "committing", createdAt: { lt: olderThan } },
    data: {
      status: "failed",
      error: "The import was interrupted before it finished; nothing was written. Commit it again.",
    },
  });
}

export async function replaceRejections(
  organizationId: string,
  importJobId: string,
  rows: { line: number; column: string; reason: string; raw: string }[],
  first: boolean,
) {
  if (first) await db().importRejectedRow.deleteMany({ where: { organizationId, importJobId } });
  if (rows.length === 0) return;
  await db().$executeRaw`
    INSERT INTO "ImportRejectedRow" ("organizationId", "importJobId", "line", "column", "reason", "raw")
    SELECT ${organizationId}::uuid, ${importJobId}::uuid, l, c, r, x
    FROM unnest(${rows.map((r) => r.line)}::int[], ${rows.map((r) => r.column)}::text[], ${rows.map((r) => r.reason)}::text[], ${rows.map((r) => r.raw)}::text[]) AS u(l, c, r, x)
    ON CONFLICT DO NOTHING`;
}

/**
 * Rejected rows in order (line, column): those of lines afterLine+1 .. afterLine+lines (a window of the
 * report, as the download streams it), or the first `take` (what the import's page shows).
 */
export async function listRejections(
  ctx: TenantContext,
  importJobId: string,
  window: { afterLine: number; lines: number } | { take: number },
) {
  return db().importRejectedRow.findMany({
    where: {
      organizationId: ctx.organizationId,
      importJobId,
      ...("take" in window ? {} : { line: { gt: window.afterLine, lte: window.afterLine + window.lines } }),
    },
    orderBy: [{ line: "asc" }, { column: "asc" }],
    select: { line: true, column: true, reason: true, raw: true },
    ...("take" in window ? { take: window.take } : {}),
  });
}

/** Reference data rows are checked against; `externalIds` narrows the accounts loaded (a preview needs only its own). */
export async function loadImportLookups(organizationId: string, externalIds?: string[]) {
  const [accounts, metrics, members, teams] = await Promise.all([
    db().account.findMany({
      where: { organizationId, ...(externalIds ? { externalId: { in: externalIds } } : {}) },
      select: { id: true, externalId: true },
    }),
    db().metricDefinition.findMany({
      where: { organizationId, retiredAt: null },
      select: { id: true, key: true, valueType: true, options: true },
    }),
    db().membership.findMany({
      where: { organizationId },
      select: { userId: true, user: { select: { email: true, name: true } } },
    }),
    db().team.findMany({ where: { organizationId }, select: { id: true, name: true } }),
  ]);
  return {
    accounts: new Map(accounts.map((a) => [a.externalId, a.id])),
    metrics: new Map(metrics.map((m) => [m.key, { id: m.id, valueType: m.valueType, options: m.options }])),
    members: memberLookup(members.map((m) => ({ id: m.userId, email: m.user.email, name: m.user.name }))),
    teams: new Map(teams.map((t) => [t.name.toLowerCase(), t.id])),
  };
}

export function withImportTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work, { timeout: 60 * 60_000, maxWait: 60_000 });
}

const ANALYZED_TABLES: Record<ImportKind, string[]> = {
  accounts: ["Account", "AccountSegment"],
  observations: ["MetricObservation", "MetricCurrentValue"],
  outcomes: ["Outcome"],
};

/**
 * Refreshes the planner's statistics after a large import of `rows` rows, where
 * they matter (analyzeIfGrown): until autovacuum gets round to it, a table that
 * grew by 100k rows still looks empty to the planner, and the next recompute's
 * joins go nested-loop.
 */
export async function analyzeAfterImport(kind: ImportKind, rows: number) {
  for (const table of ANALYZED_TABLES[kind]) await analyzeIfGrown(db(), table, rows);
}
