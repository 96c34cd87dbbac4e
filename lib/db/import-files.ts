import { db, Prisma } from "./client";

/**
 * An import whose file is still needed: waiting for review, queued, being
 * committed, or failed and open to a new commit (its page shows the preview and
 * the commit button). A committed or discarded import lives on without its file.
 */
const KEEPS_FILE = Prisma.sql`("status" IN ('uploaded', 'validated', 'committing')
  OR ("status" = 'failed' AND "totalRows" > 0))`;

/** Of those only the ones nobody is committing can be discarded: the imports under review (see `underReview`). */
const DISCARDABLE = Prisma.sql`("status" = 'uploaded' OR ("status" = 'failed' AND "totalRows" > 0))`;

export type DiscardScope =
  { organizationId: string; id: string } | { organizationIds: string[] | null; idleBefore: Date };

/**
 * Marks discardable imports discarded, with `reason`: one import, or those of
 * `organizationIds` (null: all) uploaded, or failed, before `idleBefore`. A
 * commit that claims the import first wins; answers the imports discarded, whose
 * files can go.
 */
export async function discardImportJobs(scope: DiscardScope, reason: string) {
  const which =
    "id" in scope
      ? Prisma.sql`"organizationId" = ${scope.organizationId}::uuid AND "id" = ${scope.id}::uuid`
      : Prisma.sql`(${scope.organizationIds}::uuid[] IS NULL OR "organizationId" = ANY(${scope.organizationIds}::uuid[]))
          AND COALESCE("finishedAt", "createdAt") < ${scope.idleBefore}`;
  return db().$queryRaw<{ organizationId: string; id: string }[]>`
    UPDATE "ImportJob" SET "status" = 'discarded', "error" = ${reason}, "finishedAt" = now()
    WHERE ${DISCARDABLE} AND ${which}
    RETURNING "organizationId", "id"`;
}

/** Of `ids`, the organisation's imports that still need their file. */
export async function importsKeepingFiles(organizationId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "ImportJob"
    WHERE "organizationId" = ${organizationId}::uuid AND "id" = ANY(${ids}::uuid[]) AND ${KEEPS_FILE}`;
  return new Set(rows.map((r) => r.id));
}

export async function listOrganizationIds(): Promise<string[]> {
  return (await db().organization.findMany({ select: { id: true } })).map((o) => o.id);
}
