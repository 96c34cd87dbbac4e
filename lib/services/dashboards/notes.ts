import { getAccountOrThrow } from "../../db/accounts";
import { createNote, listManualMetrics, recordManualObservation } from "../../db/account-story";
import { withTransaction } from "../../db/client";
import { ValidationError } from "../../errors";
import type { TenantContext } from "../../tenant";
import { recomputeOrganization } from "../scoring/recompute";

/**
 * A note and/or a hand-recorded value (the CSM's sentiment) on an account in the
 * caller's scope. The value is stored as an observation like any import, and the
 * account is rescored at once so the page shows its effect.
 */
export async function recordAccountNote(
  ctx: TenantContext,
  input: { accountId: string; body?: string; metricId?: string; option?: string },
  now = new Date(),
) {
  await getAccountOrThrow(ctx, input.accountId);
  let metric: { id: string; options: string[] } | undefined;
  // The form always names the metric; only a chosen option records a value.
  if (input.metricId && input.option) {
    metric = (await listManualMetrics(ctx)).find((m) => m.id === input.metricId);
    if (!metric)
      throw new ValidationError("Pick a metric to record.", { metricId: ["is not a metric recorded by hand"] });
    if (!metric.options.includes(input.option))
      throw new ValidationError("Pick one of the options.", {
        option: [`must be one of ${metric.options.join(", ")}`],
      });
  }
  await withTransaction(async (tx) => {
    if (input.body) await createNote(ctx, input.accountId, input.body, tx);
    if (metric) {
      await recordManualObservation(
        ctx,
        { accountId: input.accountId, metricId: metric.id, text: input.option!, at: now },
        tx,
      );
    }
  });
  if (metric)
    await recomputeOrganization(ctx.organizationId, { trigger: "manual entry", accountIds: [input.accountId], now });
}
