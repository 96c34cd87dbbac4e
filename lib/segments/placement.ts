import { matchesRule, type RuleAccount } from "./rules";

/** Fields whose value changes with the date alone, so a rule on them can answer differently tomorrow. */
const DATED_FIELDS = new Set(["tenureDays", "daysToRenewal"]);

/** Whether a rule tests days as a customer or days to renewal, anywhere in it. */
export function usesDate(rule: unknown): boolean {
  if (rule === null || typeof rule !== "object") return false;
  const r = rule as { all?: unknown[]; any?: unknown[]; field?: unknown };
  const parts = r.all ?? r.any;
  if (Array.isArray(parts)) return parts.some(usesDate);
  return typeof r.field === "string" && DATED_FIELDS.has(r.field);
}

/** The organisation's rule segments and its lifecycle stages in evaluation order. */
export interface PlacementRules {
  segments: { id: string; key: string; rule: unknown }[];
  stages: { id: string; key: string; rule: unknown }[];
}

/** Whether any of the rules can place an account elsewhere tomorrow with nothing else changed. */
export const anyUsesDate = (rules: PlacementRules) =>
  [...rules.segments, ...rules.stages].some((r) => usesDate(r.rule));

/**
 * Where the rules place an account as of `today`: the rule segments it matches
 * and the first stage whose rule it matches (null when none does), as indices
 * into `rules`.
 */
export function placeAccount(account: RuleAccount, rules: PlacementRules, today: Date) {
  const segments: number[] = [];
  rules.segments.forEach((s, i) => {
    if (matchesRule(s.rule, account, today)) segments.push(i);
  });
  const stage = rules.stages.findIndex((s) => matchesRule(s.rule, account, today));
  return { segments, stage: stage < 0 ? null : stage };
}
