"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { queueScoringRun } from "../db/scoring-runs";
import { cancelBackfill, requestBackfill } from "../services/scoring/backfill";
import { backfillSchema } from "../validation/backfill";
import { defineAction } from "./define-action";

/** "Recompute now": queues a run for the worker (one at a time per organisation). */
export const requestRecomputeAction = defineAction(
  { permission: "scores:recompute", input: z.object({}) },
  async (_input, ctx) => {
    const run = await queueScoringRun(ctx, "manual");
    revalidatePath("/settings/scoring");
    return run;
  },
);

/** "Score the past": queues a history backfill for the worker. */
export const requestBackfillAction = defineAction(
  { permission: "scores:recompute", input: backfillSchema },
  async ({ days }, ctx) => {
    const run = await requestBackfill(ctx, days);
    revalidatePath("/settings/scoring");
    return run;
  },
);

/** Stops a backfill under way; the days it has scored are kept. */
export const cancelBackfillAction = defineAction(
  { permission: "scores:recompute", input: z.object({ runId: z.uuid({ error: "is not a run" }) }) },
  async ({ runId }, ctx) => {
    await cancelBackfill(ctx, runId);
    revalidatePath("/settings/scoring");
  },
);
