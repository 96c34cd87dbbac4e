import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import { db, type Prisma, type Tx } from "./client";
import { uniqueKey } from "./unique-key";

/** Saves `definition` as the scorecard's new draft version (numbered after the last one). */
export async function createDraftVersion(ctx: TenantContext, scorecardId: string, definition: unknown) {
  return db().$transaction(async (tx) => {
    const scorecard = await lockScorecard(ctx, scorecardId, tx);
    const last = await tx.modelVersion.aggregate({
      where: { organizationId: ctx.organizationId, scorecardId: scorecard.id },
      _max: { number: true },
    });
    return tx.modelVersion.create({
      data: {
        organizationId: ctx.organizationId,
        scorecardId: scorecard.id,
        number: (last._max.number ?? 0) + 1,
        status: "draft",
        definition: definition as Prisma.InputJsonValue,
        createdById: ctx.userId,
      },
      select: { id: true, number: true },
    });
  });
}

/** The scorecard row, locked until the transaction ends (publishing is one at a time per scorecard). */
async function lockScorecard(ctx: TenantContext, scorecardId: string, tx: Tx) {
  const rows = await tx.$queryRaw<{ id: string; publishedVersionId: string | null }[]>`
    SELECT "id", "publishedVersionId" FROM "Scorecard"
    WHERE "organizationId" = ${ctx.organizationId}::uuid AND "id" = ${scorecardId}::uuid AND "archivedAt" IS NULL
    FOR UPDATE`;
  if (!rows[0]) throw new NotFoundError("Scorecard");
  return rows[0];
}

export async function getModelVersion(ctx: TenantContext, scorecardId: string, versionId: string, tx: Tx = db()) {
  const version = await tx.modelVersion.findFirst({
    where: { organizationId: ctx.organizationId, scorecardId, id: versionId },
    select: { id: true, number: true, status: true, definition: true },
  });
  if (!version) throw new NotFoundError("Model version");
  return version;
}

/**
 * Makes a draft the scorecard's published version (the previous one becomes
 * superseded); `work` runs in the same transaction (validation, audit).
 * Returns the version published and the one it replaced.
 */
export async function publishDraftVersion<T>(
  ctx: TenantContext,
  input: { scorecardId: string; versionId: string; changeNote: string },
  work: (definition: unknown, tx: Tx) => Promise<T>,
) {
  return db().$transaction(async (tx) => {
    const scorecard = await lockScorecard(ctx, input.scorecardId, tx);
    const version = await getModelVersion(ctx, scorecard.id, input.versionId, tx);
    if (version.status !== "draft") throw new NotFoundError("Draft version");
    const extra = await work(version.definition, tx);
    if (scorecard.publishedVersionId) {
      await tx.modelVersion.update({
        where: { organizationId_id: { organizationId: ctx.organizationId, id: scorecard.publishedVersionId } },
        data: { status: "superseded" },
      });
    }
    await tx.modelVersion.update({
      where: { organizationId_id: { organizationId: ctx.organizationId, id: version.id } },
      data: { status: "published", changeNote: input.changeNote, publishedAt: new Date(), publishedById: ctx.userId },
    });
    await tx.scorecard.update({
      where: { organizationId_id: { organizationId: ctx.organizationId, id: scorecard.id } },
      data: { publishedVersionId: version.id },
    });
    return { versionId: version.id, number: version.number, previousVersionId: scorecard.publishedVersionId, extra };
  });
}

/** A new scorecard whose first version is a draft (from a template); nothing is scored until it is published. */
export async function createScorecardWithDraft(
  ctx: TenantContext,
  input: { key: string; name: string; description?: string; definition: unknown },
) {
  return uniqueKey(
    db().$transaction(async (tx) => {
      const scorecard = await tx.scorecard.create({
        data: { organizationId: ctx.organizationId, key: input.key, name: input.name, description: input.description },
        select: { id: true },
      });
      const version = await tx.modelVersion.create({
        data: {
          organizationId: ctx.organizationId,
          scorecardId: scorecard.id,
          number: 1,
          status: "draft",
          definition: input.definition as Prisma.InputJsonValue,
          createdById: ctx.userId,
        },
        select: { id: true },
      });
      return { scorecardId: scorecard.id, versionId: version.id };
    }),
    "scorecard",
    input.key,
  );
}

/** A scorecard's versions, newest first, with who made and published each. */
export async function listScorecardVersions(ctx: TenantContext, scorecardId: string) {
  const rows = await db().modelVersion.findMany({
    where: { organizationId: ctx.organizationId, scorecardId },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      status: true,
      definition: true,
      changeNote: true,
      createdAt: true,
      createdById: true,
      publishedAt: true,
      publishedById: true,
    },
  });
  const users = await db().user.findMany({
    where: { id: { in: rows.flatMap((r) => [r.createdById, r.publishedById].filter((x): x is string => x !== null)) } },
    select: { id: true, name: true },
  });
  const name = (id: string | null) => users.find((u) => u.id === id)?.name ?? null;
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    createdBy: name(r.createdById),
    publishedBy: name(r.publishedById),
  }));
}

/** Replaces a draft's definition (published and superseded versions never change). */
export async function updateDraftDefinition(
  ctx: TenantContext,
  scorecardId: string,
  versionId: string,
  definition: unknown,
) {
  const { count } = await db().modelVersion.updateMany({
    where: { organizationId: ctx.organizationId, scorecardId, id: versionId, status: "draft" },
    data: { definition: definition as Prisma.InputJsonValue },
  });
  if (count === 0) throw new NotFoundError("Draft version");
}
