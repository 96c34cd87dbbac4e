import { can } from "../../auth/permissions";
import { getAccountOrThrow, listLatestMetricValues, listStages } from "../../db/accounts";
import { listManualMetrics, listNotes, listOutcomes } from "../../db/account-story";
import { listAccountAlerts, listAssignees } from "../../db/alert-inbox";
import { listActiveOverrides } from "../../db/overrides";
import type { TenantContext } from "../../tenant";
import type { AccountStoryQuery } from "../../validation/dashboards";
import { publishedTiers } from "../alerts/tiers";
import { loadAccountStory } from "./account-story";

/**
 * Everything the account page shows, read at once: every read is confined to the
 * organisation, and the account read answers NotFound for an account outside the
 * caller's scope. Assignees and stages only for roles that use them.
 */
export async function loadAccountPage(ctx: TenantContext, accountId: string, q: AccountStoryQuery, now: Date) {
  const [account, metrics, story, notes, outcomes, manual, overrides, alerts, assignees, tiers, stages] =
    await Promise.all([
      getAccountOrThrow(ctx, accountId),
      listLatestMetricValues(ctx, accountId, now),
      loadAccountStory(ctx, accountId, q),
      listNotes(ctx, accountId),
      listOutcomes(ctx, accountId),
      listManualMetrics(ctx),
      listActiveOverrides(ctx, accountId, now),
      listAccountAlerts(ctx, accountId),
      can(ctx.role, "alerts:work") ? listAssignees(ctx) : [],
      publishedTiers(ctx.organizationId),
      can(ctx.role, "accounts:write") ? listStages(ctx) : null,
    ]);
  return { account, metrics, story, notes, outcomes, manual, overrides, alerts, assignees, tiers, stages };
}
