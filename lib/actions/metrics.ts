"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createMetric, deleteMetric, retireMetric, updateMetric } from "../services/metrics";
import { metricFormSchema } from "../validation/metrics";
import { defineAction } from "./define-action";

const metricId = z.object({ metricId: z.uuid("Choose a metric") });

export const createMetricAction = defineAction(
  { permission: "models:edit", input: metricFormSchema },
  async (form, ctx) => {
    const metric = await createMetric(ctx, form);
    revalidatePath("/settings/metrics");
    return { id: metric.id };
  },
);

export const updateMetricAction = defineAction(
  { permission: "models:edit", input: z.intersection(metricFormSchema, metricId) },
  async ({ metricId: id, ...form }, ctx) => {
    await updateMetric(ctx, id, form);
    revalidatePath("/settings/metrics");
    return { updated: true };
  },
);

export const retireMetricAction = defineAction(
  { permission: "models:edit", input: metricId.extend({ retired: z.boolean() }) },
  async ({ metricId: id, retired }, ctx) => {
    await retireMetric(ctx, id, retired);
    revalidatePath("/settings/metrics");
    return { retired };
  },
);

export const deleteMetricAction = defineAction(
  { permission: "models:edit", input: metricId },
  async ({ metricId: id }, ctx) => {
    await deleteMetric(ctx, id);
    revalidatePath("/settings/metrics");
    return { deleted: true };
  },
);
