import { writeAudit } from "../../db/audit";
import { publishDraftVersion } from "../../db/model-versions";
import { queueScoringRun } from "../../db/scoring-runs";
import { ValidationError } from "../../errors";
import { validateModel } from "../../scoring";
import type { TenantContext } from "../../tenant";

/**
 * Publishes a draft: refuses a model the engine would not accept (naming the
 * first problem), records who published it and why, and queues a recompute of
 * every account so the dashboards move to the new version.
 */
export async function publishVersion(
  ctx: TenantContext,
  input: { scorecardId: string; versionId: string; changeNote: string },
) {
  const published = await publishDraftVersion(ctx, input, async (definition, tx) => {
    const validation = validateModel(definition);
    if (!validation.ok) {
      throw new ValidationError(
        `This version cannot be published: ${validation.issues[0]!.message}`,
        Object.fromEntries(validation.issues.map((i) => [i.path || "_", [i.message]])),
      );
    }
    await writeAudit(
      ctx,
      {
        action: "scorecard.publish",
        entityType: "Scorecard",
        entityId: input.scorecardId,
        after: { versionId: input.versionId, changeNote: input.changeNote },
      },
      tx,
    );
  });
  const run = await queueScoringRun(ctx, "publish");
  return { ...published, runId: run.id };
}
