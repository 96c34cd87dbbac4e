import type { TenantContext } from "../tenant";
import { db, type Prisma } from "./client";

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

/** Every scorecard with a published version, with that version's definition. */
export async function listPublishedModels(organizationId: string): Promise<PublishedModel[]> {
  const scorecards = await db().scorecard.findMany({
    where: { organizationId, archivedAt: null, publishedVersionId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, publishedVersionId: true },
  });
  const versions = await db().modelVersion.findMany({
    where: { organizationId, id: { in: scorecards.map((s) => s.publishedVersionId!) } },
    select: { id: true, number: true, definition: true, scorecardId: true },
  });
  return scorecards.flatMap((s) => {
    const v = versions.find((x) => x.id === s.publishedVersionId);
    return v
      ? [
          {
            scorecardId: s.id,
            scorecardName: s.name,
            versionId: v.id,
            versionNumber: v.number,
            definition: v.definition,
          },
        ]
      : [];
  });
}

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
