import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/unrouted";
import { getScoringRun } from "@/lib/db/scoring-runs";
import { ValidationError } from "@/lib/errors";

/** A scoring run's progress: what `POST /recompute` answered with, to poll until it has finished. */
export const GET = apiRoute({ scope: "read" }, async ({ params }, ctx) => {
  const id = z.uuid().safeParse(params.runId);
  if (!id.success) {
    const reason = "is not a run id (the UUID that POST /recompute returns)";
    throw new ValidationError(`runId: ${reason}`, { runId: [reason] });
  }
  const { id: runId, ...run } = await getScoringRun(ctx, id.data);
  return { runId, ...run };
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
