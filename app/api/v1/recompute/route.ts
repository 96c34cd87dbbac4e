import { apiRoute } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/unrouted";
import { queueScoringRun } from "@/lib/db/scoring-runs";

/** Queues a recompute of every account (the worker starts it at once); GET /runs/{runId} follows it. */
export const POST = apiRoute({ scope: "write", status: 202 }, async (_input, ctx) => {
  const run = await queueScoringRun(ctx, "api");
  return { runId: run.id, status: run.status };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
