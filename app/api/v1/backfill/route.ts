import { apiRoute } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/unrouted";
import { requestBackfill } from "@/lib/services/scoring/backfill";
import { backfillSchema } from "@/lib/validation/backfill";

/** Queues "score the past" over the last `days` days for the worker (after loading history); GET /runs/{runId} follows it. */
export const POST = apiRoute({ scope: "write", body: backfillSchema, status: 202 }, async ({ body }, ctx) => {
  const run = await requestBackfill(ctx, body.days);
  return { runId: run.id, status: run.status };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
