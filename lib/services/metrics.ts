import { writeAudit } from "../db/audit";
import { ORGANISATION_WIDE_MS, withTransaction } from "../db/client";
import { deleteMetricRow, getMetric, insertMetric, setMetricRetired, updateMetricRow } from "../db/metrics";
import { ValidationError } from "../errors";
import { modelMetricKeys } from "../scoring";
import type { TenantContext } from "../tenant";
import type { MetricForm } from "../validation/metrics";
import { listParsedPublishedModels } from "./scoring/model-cache";

/** Which published scorecards score each metric key ("Health v3"). */
export async function metricUsage(organizationId: string): Promise<Map<string, string[]>> {
  const usage = new Map<string, string[]>();
  for (const m of await listParsedPublishedModels(organizationId)) {
    for (const key of modelMetricKeys(m.model))
      usage.set(key, [...(usage.get(key) ?? []), `${m.scorecardName} v${m.versionNumber}`]);
  }
  return usage;
}

export async function createMetric(ctx: TenantContext, form: MetricForm) {
  return withTransaction(async (tx) => {
    const metric = await insertMetric(ctx, form, tx);
    await writeAudit(
      ctx,
      { action: "metric.create", entityType: "MetricDefinition", entityId: metric.id, after: metric },
      tx,
    );
    return metric;
  });
}

/** Edits a metric's definition; its key stays (models and imports refer to it). Audited before → after. */
export async function updateMetric(ctx: TenantContext, id: string, form: MetricForm) {
  await withTransaction(async (tx) => {
    const before = await getMetric(ctx, id, tx);
    if (form.key !== before.key)
      throw new ValidationError("A metric's key cannot change; models and imports refer to it.", {
        key: ["cannot change"],
      });
    await updateMetricRow(ctx, id, form, tx);
    await writeAudit(
      ctx,
      { action: "metric.update", entityType: "MetricDefinition", entityId: id, before, after: form },
      tx,
    );
  });
}

/** Retires (or brings back) a metric: retired metrics keep their data but take no new observations. */
export async function retireMetric(ctx: TenantContext, id: string, retired: boolean, now = new Date()) {
  await withTransaction(async (tx) => {
    const before = await getMetric(ctx, id, tx);
    await setMetricRetired(ctx, id, retired ? now : null, tx);
    await writeAudit(
      ctx,
      {
        action: retired ? "metric.retire" : "metric.restore",
        entityType: "MetricDefinition",
        entityId: id,
        before: { retiredAt: before.retiredAt },
        after: { retiredAt: retired ? now : null },
      },
      tx,
    );
  });
}

/** Deletes a metric and its data, unless a published scorecard scores it: then it can only be retired. */
export async function deleteMetric(ctx: TenantContext, id: string) {
  const metric = await getMetric(ctx, id);
  const usedBy = (await metricUsage(ctx.organizationId)).get(metric.key);
  if (usedBy)
    throw new ValidationError(`"${metric.name}" is scored by ${usedBy.join(", ")}; retire it instead of deleting it.`);
  await withTransaction(async (tx) => {
    await deleteMetricRow(ctx, id, tx);
    await writeAudit(
      ctx,
      { action: "metric.delete", entityType: "MetricDefinition", entityId: id, before: metric },
      tx,
    );
    // Its readings go with it: a year of 100k accounts' is 36M rows.
  }, ORGANISATION_WIDE_MS);
}
