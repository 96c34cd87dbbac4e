import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import type { MetricForm } from "../validation/metrics";
import { db, type Prisma, type Tx } from "./client";
import { uniqueKey } from "./unique-key";

const select = {
  id: true,
  key: true,
  name: true,
  description: true,
  category: true,
  valueType: true,
  unit: true,
  direction: true,
  normalization: true,
  stalenessDays: true,
  source: true,
  options: true,
  retiredAt: true,
} as const;

export type MetricRow = Prisma.MetricDefinitionGetPayload<{ select: typeof select }>;

/** The organisation's metric catalogue: live metrics first, then retired ones, by name. */
export async function listMetricCatalogue(ctx: TenantContext): Promise<MetricRow[]> {
  return db().metricDefinition.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select,
  });
}

/** Keys and names of the metrics observations can be recorded for (not retired): what a wide file's columns map to. */
export async function listLiveMetrics(ctx: Pick<TenantContext, "organizationId">) {
  return db().metricDefinition.findMany({
    where: { organizationId: ctx.organizationId, retiredAt: null },
    orderBy: { name: "asc" },
    select: { key: true, name: true },
  });
}

export async function getMetric(ctx: TenantContext, id: string, tx: Tx = db()): Promise<MetricRow> {
  const metric = await tx.metricDefinition.findFirst({ where: { organizationId: ctx.organizationId, id }, select });
  if (!metric) throw new NotFoundError("Metric");
  return metric;
}

const toData = (form: MetricForm) => ({
  ...form,
  description: form.description ?? null,
  unit: form.unit ?? null,
  stalenessDays: form.stalenessDays ?? null,
});

/** Adds a metric; a key the organisation already has is a conflict naming the key. */
export async function insertMetric(ctx: TenantContext, form: MetricForm, tx: Tx) {
  return uniqueKey(
    tx.metricDefinition.create({ data: { organizationId: ctx.organizationId, ...toData(form) }, select }),
    "metric",
    form.key,
  );
}

export async function updateMetricRow(ctx: TenantContext, id: string, form: MetricForm, tx: Tx) {
  await tx.metricDefinition.updateMany({ where: { organizationId: ctx.organizationId, id }, data: toData(form) });
}

export async function setMetricRetired(ctx: TenantContext, id: string, retiredAt: Date | null, tx: Tx) {
  await tx.metricDefinition.updateMany({ where: { organizationId: ctx.organizationId, id }, data: { retiredAt } });
}

/** Deletes a metric with its observations and current values. */
export async function deleteMetricRow(ctx: TenantContext, id: string, tx: Tx) {
  await tx.metricDefinition.deleteMany({ where: { organizationId: ctx.organizationId, id } });
}
