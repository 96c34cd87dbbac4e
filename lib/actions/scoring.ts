"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { queueScoringRun } from "../db/scoring-runs";
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
