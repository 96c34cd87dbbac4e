import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import { db, Prisma, type Tx } from "./client";
import { uniqueKey } from "./unique-key";

const json = (rule: unknown) => (rule === null ? Prisma.DbNull : (rule as Prisma.InputJsonValue));

/** Segments with how many active accounts are in each (by rule and by hand). */
export async function listSegmentsWithCounts(ctx: TenantContext) {
  const [segments, counts] = await Promise.all([
    db().segment.findMany({
      where: { organizationId: ctx.organizationId },
      orderBy: { name: "asc" },
      select: { id: true, key: true, name: true, description: true, rule: true },
    }),
    db().accountSegment.groupBy({
      by: ["segmentId", "source"],
      where: { organizationId: ctx.organizationId, account: { status: "active" } },
      _count: { _all: true },
    }),
  ]);
  const count = (id: string, source: string) =>
    counts.find((c) => c.segmentId === id && c.source === source)?._count._all ?? 0;
  return segments.map((s) => ({ ...s, byRule: count(s.id, "rule"), byHand: count(s.id, "manual") }));
}

export async function getSegment(ctx: TenantContext, id: string, tx: Tx = db()) {
  const segment = await tx.segment.findFirst({
    where: { organizationId: ctx.organizationId, id },
    select: { id: true, key: true, name: true, description: true, rule: true },
  });
  if (!segment) throw new NotFoundError("Segment");
  return segment;
}

export async function insertSegment(
  ctx: TenantContext,
  s: { key: string; name: string; description?: string; rule: unknown },
  tx: Tx,
) {
  return uniqueKey(
    tx.segment.create({ data: { organizationId: ctx.organizationId, ...s, rule: json(s.rule) }, select: { id: true } }),
    "segment",
    s.key,
  );
}

export async function updateSegmentRow(
  ctx: TenantContext,
  id: string,
  s: { name: string; description?: string; rule: unknown },
  tx: Tx,
) {
  await tx.segment.updateMany({
    where: { organizationId: ctx.organizationId, id },
    data: { name: s.name, description: s.description ?? null, rule: json(s.rule) },
  });
  // A segment that became hand-kept keeps its rule members as hand-picked ones.
  if (s.rule === null)
    await tx.accountSegment.updateMany({
      where: { organizationId: ctx.organizationId, segmentId: id },
      data: { source: "manual" },
    });
}

export async function deleteSegmentRow(ctx: TenantContext, id: string, tx: Tx) {
  await tx.segment.deleteMany({ where: { organizationId: ctx.organizationId, id } });
}

/** Adds accounts (by external id) to a segment by hand; returns the ids that are not accounts of the organisation. */
export async function addManualMembers(ctx: TenantContext, segmentId: string, externalIds: string[], tx: Tx) {
  const accounts = await tx.account.findMany({
    where: { organizationId: ctx.organizationId, externalId: { in: externalIds } },
    select: { id: true, externalId: true },
  });
  await tx.accountSegment.deleteMany({
    where: { organizationId: ctx.organizationId, segmentId, accountId: { in: accounts.map((a) => a.id) } },
  });
  await tx.accountSegment.createMany({
    data: accounts.map((a) => ({
      organizationId: ctx.organizationId,
      segmentId,
      accountId: a.id,
      source: "manual" as const,
    })),
  });
  return {
    added: accounts.map((a) => a.id),
    unknown: externalIds.filter((e) => !accounts.some((a) => a.externalId === e)),
  };
}

export async function removeManualMember(ctx: TenantContext, segmentId: string, accountId: string, tx: Tx) {
  const { count } = await tx.accountSegment.deleteMany({
    where: { organizationId: ctx.organizationId, segmentId, accountId, source: "manual" },
  });
  if (count === 0) throw new NotFoundError("Hand-picked member");
}

/** Accounts picked by hand for a segment. */
export async function listManualMembers(ctx: TenantContext, segmentId: string) {
  const rows = await db().accountSegment.findMany({
    where: { organizationId: ctx.organizationId, segmentId, source: "manual" },
    select: { account: { select: { id: true, externalId: true, name: true } } },
    orderBy: { account: { name: "asc" } },
  });
  return rows.map((r) => r.account);
}

// ───────────── lifecycle stages ─────────────

export async function listStagesWithCounts(ctx: TenantContext) {
  const [stages, counts, pinned] = await Promise.all([
    db().lifecycleStage.findMany({
      where: { organizationId: ctx.organizationId },
      orderBy: { position: "asc" },
      select: { id: true, key: true, name: true, position: true, rule: true },
    }),
    db().account.groupBy({
      by: ["lifecycleStageId"],
      where: { organizationId: ctx.organizationId, status: "active" },
      _count: { _all: true },
    }),
    db().account.groupBy({
      by: ["lifecycleStageId"],
      where: { organizationId: ctx.organizationId, status: "active", stagePinned: true },
      _count: { _all: true },
    }),
  ]);
  return stages.map((s) => ({
    ...s,
    accounts: counts.find((c) => c.lifecycleStageId === s.id)?._count._all ?? 0,
    pinned: pinned.find((c) => c.lifecycleStageId === s.id)?._count._all ?? 0,
  }));
}

export async function getStage(ctx: TenantContext, id: string, tx: Tx = db()) {
  const stage = await tx.lifecycleStage.findFirst({
    where: { organizationId: ctx.organizationId, id },
    select: { id: true, key: true, name: true, position: true, rule: true },
  });
  if (!stage) throw new NotFoundError("Lifecycle stage");
  return stage;
}

/** Adds a stage at the end of the order. */
export async function insertStage(ctx: TenantContext, s: { key: string; name: string; rule: unknown }, tx: Tx) {
  const last = await tx.lifecycleStage.aggregate({
    where: { organizationId: ctx.organizationId },
    _max: { position: true },
  });
  return uniqueKey(
    tx.lifecycleStage.create({
      data: { organizationId: ctx.organizationId, ...s, rule: json(s.rule), position: (last._max.position ?? -1) + 1 },
      select: { id: true },
    }),
    "lifecycle stage",
    s.key,
  );
}

export async function updateStageRow(ctx: TenantContext, id: string, s: { name: string; rule: unknown }, tx: Tx) {
  await tx.lifecycleStage.updateMany({
    where: { organizationId: ctx.organizationId, id },
    data: { name: s.name, rule: json(s.rule) },
  });
}

/** Rewrites the stages' order (ids first to last). */
export async function reorderStages(ctx: TenantContext, ids: string[], tx: Tx) {
  for (const [position, id] of ids.entries())
    await tx.lifecycleStage.updateMany({ where: { organizationId: ctx.organizationId, id }, data: { position } });
}

/** Deletes a stage; its accounts have no stage until the rules place them again. */
export async function deleteStageRow(ctx: TenantContext, id: string, tx: Tx) {
  await tx.account.updateMany({
    where: { organizationId: ctx.organizationId, lifecycleStageId: id },
    data: { lifecycleStageId: null, stagePinned: false },
  });
  await tx.lifecycleStage.deleteMany({ where: { organizationId: ctx.organizationId, id } });
}

/** Pins an account to a stage by hand (rules leave it alone), or unpins it (null). */
export async function pinAccountStage(ctx: TenantContext, accountId: string, stageId: string | null, tx: Tx) {
  await tx.account.updateMany({
    where: { organizationId: ctx.organizationId, id: accountId },
    data: stageId ? { lifecycleStageId: stageId, stagePinned: true } : { stagePinned: false },
  });
}

/** Segment and stage keys with names, for the variant editor's "applies to" choices. */
export async function listVariantChoices(ctx: TenantContext) {
  const where = { organizationId: ctx.organizationId };
  const select = { key: true, name: true } as const;
  const [segments, stages] = await Promise.all([
    db().segment.findMany({ where, orderBy: { name: "asc" }, select }),
    db().lifecycleStage.findMany({ where, orderBy: { position: "asc" }, select }),
  ]);
  return { segments, stages };
}
