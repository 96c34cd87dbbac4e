import { getPriorityWeights, refreshPriorities } from "../../db/priorities";
import { utcDay } from "../../dates";
import { listPublishedModels } from "../../db/scorecards";
import { finishScoringRun, rebuildCurrentRollups, refreshCurrentScores, startScoringRun } from "../../db/score-writes";
import { replaceDaySnapshots } from "../../db/bulk-snapshots";
import { sqlTxFor, withBulkTransaction } from "../../db/client";
import { applyActiveOverrides, queueTierChanges, rememberCurrentTiers } from "../../db/score-events";
import { hasSubscribers } from "../../db/webhook-queue";
import { modelTiers, scorePortfolio, validateModel, type TierInfo } from "../../scoring";
import { evaluateAlerts } from "../alerts/evaluate";
import { tierContext } from "../alerts/tiers";
import { publishedModel } from "./model-cache";
import { loadActivePortfolio } from "./portfolio-input";
import { daySnapshots } from "./snapshot-rows";

export interface RecomputeResult {
  runId: string;
  accounts: number;
  scorecards: number;
}

/**
 * Scores the organisation's active accounts (or only `accountIds`, those a data
 * change touched) with every published scorecard as of `now`: today's snapshot per
 * account and scorecard (replaced until the day is over), current scores with
 * trends, and today's rollups over every current score — each scorecard in one
 * transaction, so a failure writes nothing. Active overrides are stamped on the
 * snapshots, tier changes go to webhooks, and the alert rules run last.
 */
export async function recomputeOrganization(
  organizationId: string,
  options: { trigger: string; now?: Date; accountIds?: string[]; runId?: string },
): Promise<RecomputeResult> {
  const now = options.now ?? new Date();
  const day = utcDay(now);
  const scope = options.accountIds ?? null;
  const run = options.runId ? { id: options.runId } : await startScoringRun(organizationId, options.trigger, scope);
  try {
    const [models, { accounts, portfolio }, weights, tierEvents] = await Promise.all([
      listPublishedModels(organizationId),
      loadActivePortfolio(organizationId, options.accountIds),
      getPriorityWeights(organizationId),
      hasSubscribers(organizationId, "tier.changed"),
    ]);
    const tiers = new Map<string, TierInfo[]>();

    for (const model of models) {
      const parsed = publishedModel(model.versionId, model.definition);
      if (!parsed) {
        const issue = validateModel(model.definition);
        throw new Error(
          `${model.scorecardName} v${model.versionNumber} is not a valid model: ${issue.ok ? "" : issue.issues[0]!.message}`,
        );
      }
      tiers.set(model.scorecardId, modelTiers(parsed.model));
      const scores = scorePortfolio(parsed.model, portfolio, now.getTime(), model.scorecardName, parsed.compiledFor);
      const rows = daySnapshots(accounts.ids, scores, model.versionNumber);
      await withBulkTransaction(async (client) => {
        const target = { organizationId, scorecardId: model.scorecardId, modelVersionId: model.versionId, day };
        const tx = sqlTxFor(client);
        if (tierEvents) await rememberCurrentTiers(tx, target, scope);
        await replaceDaySnapshots(client, target, rows, scope);
        await applyActiveOverrides(tx, target, day, now);
        const priority = { range: parsed.model.range, weights, today: day };
        await refreshCurrentScores(organizationId, model.scorecardId, day, scope, tx, { priority });
        if (tierEvents) await queueTierChanges(tx, target, tierContext(tiers.get(model.scorecardId)!).tierOrder, now);
        if (scope) await refreshPriorities(organizationId, model.scorecardId, priority, scope, tx);
        await rebuildCurrentRollups(organizationId, model.scorecardId, parsed.model.range, day, tx);
      });
    }
    // Alerts read what was just written: current scores, today's snapshots, overrides.
    await evaluateAlerts(organizationId, { now, day, tiers, accountIds: scope });
    await finishScoringRun(organizationId, run.id, { status: "succeeded", accounts: accounts.ids.length });
    return { runId: run.id, accounts: accounts.ids.length, scorecards: models.length };
  } catch (error) {
    await finishScoringRun(organizationId, run.id, {
      status: "failed",
      accounts: 0,
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}
