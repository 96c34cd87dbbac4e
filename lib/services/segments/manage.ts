import { getAccountOrThrow } from "../../db/accounts";
import { writeAudit } from "../../db/audit";
import { ORGANISATION_WIDE_MS, withTransaction, type Tx } from "../../db/client";
import { assignSegmentsAndStages, listRuleAccounts, loadPlacementRules } from "../../db/placements";
import { anyUsesDate } from "../../segments/placement";
import { queueScoringRun } from "../../db/scoring-runs";
import {
  addManualMembers,
  deleteSegmentRow,
  deleteStageRow,
  getSegment,
  getStage,
  insertSegment,
  insertStage,
  listStagesWithCounts,
  pinAccountStage,
  removeManualMember,
  reorderStages,
  updateSegmentRow,
  updateStageRow,
} from "../../db/segments";
import { NotFoundError, ValidationError } from "../../errors";
import { matchesRule } from "../../segments/rules";
import type { TenantContext } from "../../tenant";
import type { SegmentForm, StageForm } from "../../validation/segments";
import { listParsedPublishedModels } from "../scoring/model-cache";

/** Which published variants match on each segment or stage key ("Health · Enterprise"). */
async function variantUsage(organizationId: string, kind: "segments" | "stages") {
  const usage = new Map<string, string[]>();
  for (const m of await listParsedPublishedModels(organizationId)) {
    for (const v of m.model.variants)
      for (const key of v.match[kind]) usage.set(key, [...(usage.get(key) ?? []), `${m.scorecardName} · ${v.name}`]);
  }
  return usage;
}

/** How many active accounts a rule matches today, with the largest of them as a sample. */
export async function previewRule(ctx: TenantContext, rule: unknown, now = new Date()) {
  const accounts = await listRuleAccounts(ctx);
  const matching = accounts.filter((a) => matchesRule(rule, a, now));
  return {
    matching: matching.length,
    total: accounts.length,
    sample: matching.slice(0, 8).map((a) => ({ id: a.id, name: a.name, arr: a.arr })),
  };
}

/** Re-places every account in the rule segments and (unpinned) stages, then rescoring picks up variant changes. */
async function reassignAll(ctx: TenantContext, tx: Tx, now: Date) {
  await assignSegmentsAndStages(ctx.organizationId, null, now, tx);
}

async function afterChange(ctx: TenantContext) {
  await queueScoringRun(ctx, "segments and stages");
}

export async function createSegment(ctx: TenantContext, form: SegmentForm, now = new Date()) {
  const created = await withTransaction(async (tx) => {
    const row = await insertSegment(ctx, form, tx);
    await reassignAll(ctx, tx, now);
    await writeAudit(ctx, { action: "segment.create", entityType: "Segment", entityId: row.id, after: form }, tx);
    return row;
  }, ORGANISATION_WIDE_MS);
  await afterChange(ctx);
  return created;
}

/** Changes a segment's name, description or rule (its key is what variants match on, so it stays). */
export async function updateSegment(ctx: TenantContext, id: string, form: SegmentForm, now = new Date()) {
  await withTransaction(async (tx) => {
    const before = await getSegment(ctx, id, tx);
    if (before.key !== form.key)
      throw new ValidationError("A segment's key cannot change; scorecard variants match on it.", {
        key: ["cannot change"],
      });
    await updateSegmentRow(ctx, id, form, tx);
    await reassignAll(ctx, tx, now);
    await writeAudit(ctx, { action: "segment.update", entityType: "Segment", entityId: id, before, after: form }, tx);
  }, ORGANISATION_WIDE_MS);
  await afterChange(ctx);
}

export async function deleteSegment(ctx: TenantContext, id: string) {
  const segment = await getSegment(ctx, id);
  const usedBy = (await variantUsage(ctx.organizationId, "segments")).get(segment.key);
  if (usedBy)
    throw new ValidationError(`"${segment.name}" is matched by ${usedBy.join(", ")}; change those variants first.`);
  await withTransaction(async (tx) => {
    await deleteSegmentRow(ctx, id, tx);
    await writeAudit(ctx, { action: "segment.delete", entityType: "Segment", entityId: id, before: segment }, tx);
  });
  await afterChange(ctx);
}

/** Adds accounts to a segment by hand, by external id; unknown ids are named and nothing is added. */
export async function addSegmentMembers(ctx: TenantContext, id: string, externalIds: string[]) {
  await withTransaction(async (tx) => {
    await getSegment(ctx, id, tx);
    const { unknown, added } = await addManualMembers(ctx, id, externalIds, tx);
    if (unknown.length > 0)
      throw new ValidationError(
        `No account with the id ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? "…" : ""}.`,
        {
          accounts: [`unknown: ${unknown.join(", ")}`],
        },
      );
    await writeAudit(
      ctx,
      { action: "segment.members.add", entityType: "Segment", entityId: id, after: { accountIds: added } },
      tx,
    );
  });
  await afterChange(ctx);
}

export async function removeSegmentMember(ctx: TenantContext, id: string, accountId: string) {
  await withTransaction(async (tx) => {
    await getSegment(ctx, id, tx);
    await removeManualMember(ctx, id, accountId, tx);
    await writeAudit(
      ctx,
      { action: "segment.members.remove", entityType: "Segment", entityId: id, before: { accountId } },
      tx,
    );
  });
  await afterChange(ctx);
}

// ───────────── lifecycle stages ─────────────

export async function createStage(ctx: TenantContext, form: StageForm, now = new Date()) {
  const created = await withTransaction(async (tx) => {
    const row = await insertStage(ctx, form, tx);
    await reassignAll(ctx, tx, now);
    await writeAudit(ctx, { action: "stage.create", entityType: "LifecycleStage", entityId: row.id, after: form }, tx);
    return row;
  }, ORGANISATION_WIDE_MS);
  await afterChange(ctx);
  return created;
}

export async function updateStage(ctx: TenantContext, id: string, form: StageForm, now = new Date()) {
  await withTransaction(async (tx) => {
    const before = await getStage(ctx, id, tx);
    if (before.key !== form.key)
      throw new ValidationError("A stage's key cannot change; scorecard variants match on it.", {
        key: ["cannot change"],
      });
    await updateStageRow(ctx, id, form, tx);
    await reassignAll(ctx, tx, now);
    await writeAudit(
      ctx,
      { action: "stage.update", entityType: "LifecycleStage", entityId: id, before, after: form },
      tx,
    );
  }, ORGANISATION_WIDE_MS);
  await afterChange(ctx);
}

/** Moves a stage one place earlier or later in the evaluation order (the first matching stage wins). */
export async function moveStage(ctx: TenantContext, id: string, direction: "up" | "down", now = new Date()) {
  await withTransaction(async (tx) => {
    const order = (await listStagesWithCounts(ctx)).map((s) => s.id);
    const from = order.indexOf(id);
    if (from < 0) throw new NotFoundError("Lifecycle stage");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    [order[from], order[to]] = [order[to]!, order[from]!];
    await reorderStages(ctx, order, tx);
    await reassignAll(ctx, tx, now);
    await writeAudit(
      ctx,
      { action: "stage.reorder", entityType: "LifecycleStage", entityId: id, after: { order } },
      tx,
    );
  }, ORGANISATION_WIDE_MS);
  await afterChange(ctx);
}

export async function deleteStage(ctx: TenantContext, id: string, now = new Date()) {
  const stage = await getStage(ctx, id);
  const usedBy = (await variantUsage(ctx.organizationId, "stages")).get(stage.key);
  if (usedBy)
    throw new ValidationError(`"${stage.name}" is matched by ${usedBy.join(", ")}; change those variants first.`);
  await withTransaction(async (tx) => {
    await deleteStageRow(ctx, id, tx);
    await reassignAll(ctx, tx, now);
    await writeAudit(ctx, { action: "stage.delete", entityType: "LifecycleStage", entityId: id, before: stage }, tx);
  }, ORGANISATION_WIDE_MS);
  await afterChange(ctx);
}

/** Puts an account in a stage by hand (stage rules then leave it alone), or back under the rules (null). */
export async function assignAccountStage(
  ctx: TenantContext,
  accountId: string,
  stageId: string | null,
  now = new Date(),
) {
  const account = await getAccountOrThrow(ctx, accountId);
  if (stageId) await getStage(ctx, stageId);
  await withTransaction(async (tx) => {
    await pinAccountStage(ctx, accountId, stageId, tx);
    if (!stageId) await assignSegmentsAndStages(ctx.organizationId, [accountId], now, tx);
    await writeAudit(
      ctx,
      {
        action: stageId ? "account.stage.pin" : "account.stage.unpin",
        entityType: "Account",
        entityId: accountId,
        before: account.stage,
        after: { stageId },
      },
      tx,
    );
  });
  await queueScoringRun(ctx, "stage assignment", [accountId]);
}

/**
 * Rules on days as a customer or days to renewal answer differently as days
 * pass (an account leaves "Onboarding" on its 90th day): the daily run places
 * every account again as of `now` before scoring. Answers how many moved.
 */
export async function placeAsDaysPass(organizationId: string, now: Date): Promise<number> {
  return withTransaction(async (tx) => {
    const rules = await loadPlacementRules(organizationId, tx);
    if (!anyUsesDate(rules)) return 0;
    return assignSegmentsAndStages(organizationId, null, now, tx, rules);
  }, ORGANISATION_WIDE_MS);
}
