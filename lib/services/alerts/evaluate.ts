import { FRESH_STATE, sameState, step } from "../../alerts/episodes";
import {
  alertTitle,
  judge,
  parseRuleParams,
  signalNeeds,
  type AlertKind,
  type AlertRuleSpec,
} from "../../alerts/rules";
import { loadAlertSignals, type RuleScope } from "../../db/alert-signals";
import {
  listEnabledRules,
  loadRuleStates,
  writeEvaluation,
  type StoredRule,
  type RaisedAlert,
} from "../../db/alert-writes";
import type { EpisodeState } from "../../alerts/episodes";
import type { TierInfo } from "../../scoring";
import { tierContext } from "./tiers";

/** A stored rule as the engine reads it; null when its parameters no longer parse. */
export function ruleSpec(rule: Pick<StoredRule, "kind" | "params">): AlertRuleSpec | null {
  try {
    return { kind: rule.kind as AlertKind, params: parseRuleParams(rule.kind as AlertKind, rule.params) };
  } catch {
    return null;
  }
}

export interface EvaluationSummary {
  rules: number;
  raised: number;
  resolved: number;
}

/**
 * Runs every enabled rule on the scorecards just scored, after a recompute: one
 * alert per episode, routed to the account's owner; recovered episodes resolve
 * their alerts; webhooks get both. `accountIds` narrows to a scoped run's accounts.
 */
export async function evaluateAlerts(
  organizationId: string,
  options: { now: Date; day: Date; tiers: Map<string, TierInfo[]>; accountIds: string[] | null },
): Promise<EvaluationSummary> {
  const summary: EvaluationSummary = { rules: 0, raised: 0, resolved: 0 };
  for (const rule of await listEnabledRules(organizationId, [...options.tiers.keys()])) {
    const spec = ruleSpec(rule);
    const tiers = options.tiers.get(rule.scorecardId ?? "");
    if (!spec || !tiers) continue;
    const { tierOrder, tierLabel } = tierContext(tiers);
    const query = {
      organizationId,
      scorecardId: rule.scorecardId!,
      scope: rule.scope as RuleScope,
      ...signalNeeds(spec),
    };
    const [signals, states] = await Promise.all([
      loadAlertSignals(query, options.day, options.now, options.accountIds),
      loadRuleStates(organizationId, rule.id, options.accountIds),
    ]);
    const changedStates: { accountId: string; state: EpisodeState }[] = [];
    const raised: RaisedAlert[] = [];
    const recovered: string[] = [];
    const cooldownMs = rule.cooldownHours * 3_600_000;
    for (const signal of signals) {
      const before = states.get(signal.accountId) ?? FRESH_STATE;
      const r = step(before, judge(spec, signal, { tierOrder }), options.now.getTime(), cooldownMs);
      if (!sameState(before, r.state)) changedStates.push({ accountId: signal.accountId, state: r.state });
      if (r.recovered) recovered.push(signal.accountId);
      if (r.raise) {
        const { accountId, ...detail } = signal;
        raised.push({ accountId, title: alertTitle(spec, signal, tierLabel), detail: { kind: spec.kind, ...detail } });
      }
    }
    const written = await writeEvaluation(organizationId, { rule, changedStates, raised, recovered, now: options.now });
    summary.rules += 1;
    summary.raised += written.raised.length;
    summary.resolved += written.resolved.length;
  }
  return summary;
}
