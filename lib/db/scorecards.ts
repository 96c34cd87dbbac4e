import { cache } from "react";
import type { TenantContext } from "../tenant";
import { db, type Prisma, readRows } from "./client";

export interface PublishedModel {
  scorecardId: string;
  scorecardName: string;
  versionId: string;
  versionNumber: number;
  definition: unknown;
}

/** Creates a scorecard whose first version is published at once (seed, templates). */
export async function createPublishedScorecard(
  organizationId: string,
  input: { key: string; name: string; description?: string; definition: unknown; changeNote: string; userId?: string },
) {
  return db().$transaction(async (tx) => {
    const scorecard = await tx.scorecard.create({
      data: { organizationId, key: input.key, name: input.name, description: input.description },
      select: { id: true },
    });
    const version = await tx.modelVersion.create({
      data: {
        organizationId,
        scorecardId: scorecard.id,
        number: 1,
        status: "published",
        definition: input.definition as Prisma.InputJsonValue,
        changeNote: input.changeNote,
        createdById: input.userId,
        publishedById: input.userId,
        publishedAt: new Date(),
      },
      select: { id: true },
    });
    await tx.scorecard.update({
      where: { organizationId_id: { organizationId, id: scorecard.id } },
      data: { publishedVersionId: version.id },
    });
    return { scorecardId: scorecard.id, versionId: version.id };
  });
}

/**
 * Every scorecard with a published version, with that version's definition, in
 * one statement. Cached per request: a page reads it for its scorecard picker,
 * its tiers and its story.
 */
export const listPublishedModels = cache(async (organizationId: string): Promise<PublishedModel[]> => {
  return readRows<PublishedModel[]>`
    SELECT s."id" AS "scorecardId", s."name" AS "scorecardName", v."id" AS "versionId", v."number" AS "versionNumber",
           v."definition"
    FROM "Scorecard" s
    JOIN "ModelVersion" v ON v."organizationId" = s."organizationId" AND v."id" = s."publishedVersionId"
    WHERE s."organizationId" = ${organizationId}::uuid AND s."archivedAt" IS NULL
    ORDER BY s."createdAt", s."id"`;
});

export async function listScorecards(ctx: TenantContext) {
  return db().scorecard.findMany({
    where: { organizationId: ctx.organizationId, archivedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, key: true, name: true, publishedVersionId: true },
  });
}

/** Definitions of model versions by id (for reading snapshots scored by older versions). */
export async function listModelVersions(ctx: TenantContext, versionIds: string[]) {
  return db().modelVersion.findMany({
    where: { organizationId: ctx.organizationId, id: { in: versionIds } },
    select: { id: true, number: true, definition: true, publishedAt: true, changeNote: true },
  });
}
