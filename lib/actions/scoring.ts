"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { queueScoringRun } from "../db/scoring-runs";
import { requestBackfill } from "../services/scoring/backfill";
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
