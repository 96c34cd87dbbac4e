import { signalNeeds } from "../../lib/alerts/rules";
import { loadAlertSignals, type RuleScope } from "../../lib/db/alert-signals";
import { listEnabledRules } from "../../lib/db/alert-writes";
import { utcDay } from "../../lib/dates";
import { DEMO_ALERT_RULES } from "../../lib/demo/alert-rules";
import { evaluateAlerts, ruleSpec } from "../../lib/services/alerts/evaluate";
import { createRule } from "../../lib/services/alerts/rules";
import { publishedTiers } from "../../lib/services/alerts/tiers";
import type { TenantContext } from "../../lib/tenant";
import { ruleFormSchema } from "../../lib/validation/alerts";
import { seconds, timed } from "./measure";
import type { Figure } from "./results";

/**
 * The demo organisation's four alert rules run over every account after a full
 * recompute (states, alerts and webhook events written), next to only reading the
 * same signals those rules need — the least any evaluation has to do.
 */
export async function measureAlertEvaluation(ctx: TenantContext, scorecardId: string, log: (line: string) => void) {
  for (const rule of DEMO_ALERT_RULES) await createRule(ctx, ruleFormSchema.parse({ ...rule, scorecardId }));
  const tiers = await publishedTiers(ctx.organizationId);
  const now = new Date();
  const day = utcDay(now);
  const evaluated = await timed(() => evaluateAlerts(ctx.organizationId, { now, day, tiers, accountIds: null }));
  const rules = await listEnabledRules(ctx.organizationId);
  const reads = await timed(async () => {
    let signals = 0;
    for (const rule of rules) {
      const query = {
        organizationId: ctx.organizationId,
        scorecardId,
        scope: rule.scope as RuleScope,
        ...signalNeeds(ruleSpec(rule)!),
      };
      signals += (await loadAlertSignals(query, day, now, null)).length;
    }
    return signals;
  });
  log(
    `alert evaluation ${seconds(evaluated.ms)} (${evaluated.result.raised} raised) vs reading the signals ${seconds(reads.ms)}`,
  );
  return {
    name: `Alert evaluation after a full recompute: ${rules.length} rules over every account (verdicts, episodes, writes)`,
    ours: evaluated.ms,
    baseline: reads.ms,
    baselineName: `reading the same rules' signals only (${reads.result.toLocaleString("en-US")} rows)`,
    goal: "(context)",
    ratio: evaluated.ms / reads.ms,
    note: `${evaluated.result.raised.toLocaleString("en-US")} alerts raised`,
  } satisfies Figure;
}
