import { z } from "zod";

/**
 * Alert rule kinds and their parameters. A rule looks at one account's signal (see
 * `AlertSignal`) and answers "fire", "clear" or "hold": fire while the condition
 * holds, clear once the account has recovered past the rule's margin, hold in the
 * band between (hysteresis: a score bouncing around the threshold is one episode).
 */
export const ALERT_KINDS = [
  "score_below",
  "tier_change",
  "score_drop",
  "input_stale",
  "renewal_at_risk",
  "coverage_below",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  score_below: "Score below a threshold",
  tier_change: "Tier change",
  score_drop: "Score drop of N points within M days",
  input_stale: "Key input stale or missing",
  renewal_at_risk: "Renewal within N days while at risk",
  coverage_below: "Coverage below X %",
};

const num = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .min(min, `${label} must be from ${min} to ${max}`)
    .max(max, `${label} must be from ${min} to ${max}`);

const int = (label: string, min: number, max: number) => num(label, min, max).int(`${label} must be a whole number`);

const margin = num("Margin", 0, 50).default(5);

export const ruleParamsSchemas = {
  score_below: z.object({ threshold: num("Threshold", 0, 100), margin }),
  tier_change: z.object({ direction: z.enum(["down", "up"], { error: "Direction must be down or up" }) }),
  score_drop: z.object({ points: num("Points", 1, 100), days: int("Days", 1, 90), margin: margin.default(2) }),
  input_stale: z.object({
    metric: z.string().trim().min(1, "Choose the key input"),
    /** Older than this many days is stale; empty: the metric's own staleness limit. */
    staleDays: int("Stale after (days)", 1, 365).optional(),
  }),
  renewal_at_risk: z.object({
    days: int("Days to renewal", 1, 365),
    tiers: z.array(z.string().min(1)).min(1, "Choose at least one at-risk tier"),
  }),
  coverage_below: z.object({ percent: num("Coverage", 1, 100), margin }),
} satisfies Record<AlertKind, z.ZodType>;

export type RuleParams<K extends AlertKind = AlertKind> = z.output<(typeof ruleParamsSchemas)[K]>;

export interface AlertRuleSpec<K extends AlertKind = AlertKind> {
  kind: K;
  params: RuleParams<K>;
}

/** Parses a rule's stored or submitted parameters; throws a ZodError naming the field. */
export function parseRuleParams<K extends AlertKind>(kind: K, params: unknown): RuleParams<K> {
  return ruleParamsSchemas[kind].parse(params) as RuleParams<K>;
}

/** One account as a rule sees it, on the scorecard the rule watches. */
export interface AlertSignal {
  accountId: string;
  /** Score in effect (an active override wins); null when unscored. */
  score: number | null;
  tier: string;
  /** The tier on the scorecard's last scored day before this one; null when not scored that day. */
  previousTier: string | null;
  /** The highest score in the rule's look-back window (score_drop). */
  recentHigh: number | null;
  /** 0–1. */
  coverage: number;
  /** Days until renewal (negative: past); null when unknown. */
  renewalDays: number | null;
  /** Age in days of the key input's latest value (input_stale); null when it has none. */
  inputAgeDays: number | null;
  /** The key input's own staleness limit in days, if it has one. */
  inputStaleDays: number | null;
}

export type Verdict = "fire" | "clear" | "hold";

export interface RuleContext {
  /** Tier keys from lowest to highest; tiers outside it (e.g. insufficient data) are not ranked. */
  tierOrder: readonly string[];
}

/** What the rule says about one account now. */
export function judge(rule: AlertRuleSpec, s: AlertSignal, ctx: RuleContext): Verdict {
  switch (rule.kind) {
    case "score_below": {
      const p = rule.params as RuleParams<"score_below">;
      if (s.score === null) return "hold";
      if (s.score < p.threshold) return "fire";
      return s.score >= p.threshold + p.margin ? "clear" : "hold";
    }
    case "tier_change": {
      const p = rule.params as RuleParams<"tier_change">;
      const from = s.previousTier === null ? -1 : ctx.tierOrder.indexOf(s.previousTier);
      const to = ctx.tierOrder.indexOf(s.tier);
      if (from < 0 || to < 0 || from === to) return "clear";
      return (p.direction === "down") === to < from ? "fire" : "clear";
    }
    case "score_drop": {
      const p = rule.params as RuleParams<"score_drop">;
      if (s.score === null || s.recentHigh === null) return "hold";
      const drop = s.recentHigh - s.score;
      if (drop >= p.points) return "fire";
      return drop <= p.points - p.margin ? "clear" : "hold";
    }
    case "input_stale": {
      const p = rule.params as RuleParams<"input_stale">;
      if (s.inputAgeDays === null) return "fire";
      const limit = p.staleDays ?? s.inputStaleDays;
      return limit !== null && limit !== undefined && s.inputAgeDays > limit ? "fire" : "clear";
    }
    case "renewal_at_risk": {
      const p = rule.params as RuleParams<"renewal_at_risk">;
      const soon = s.renewalDays !== null && s.renewalDays >= 0 && s.renewalDays <= p.days;
      return soon && p.tiers.includes(s.tier) ? "fire" : "clear";
    }
    case "coverage_below": {
      const p = rule.params as RuleParams<"coverage_below">;
      const percent = s.coverage * 100;
      if (percent < p.percent) return "fire";
      return percent >= p.percent + p.margin ? "clear" : "hold";
    }
  }
}

const round = (n: number | null) => (n === null ? "—" : String(Math.round(n * 10) / 10));

/** The alert's headline, in the words a CSM reads in the inbox. */
export function alertTitle(rule: AlertRuleSpec, s: AlertSignal, tierLabel: (key: string) => string): string {
  switch (rule.kind) {
    case "score_below":
      return `Score ${round(s.score)} is below ${(rule.params as RuleParams<"score_below">).threshold}`;
    case "tier_change":
      return `Tier changed from ${tierLabel(s.previousTier ?? "")} to ${tierLabel(s.tier)}`;
    case "score_drop": {
      const p = rule.params as RuleParams<"score_drop">;
      return `Score fell ${round((s.recentHigh ?? 0) - (s.score ?? 0))} points within ${p.days} days (to ${round(s.score)})`;
    }
    case "input_stale": {
      const p = rule.params as RuleParams<"input_stale">;
      return s.inputAgeDays === null
        ? `${p.metric} is missing`
        : `${p.metric} is stale (${Math.floor(s.inputAgeDays)} days old)`;
    }
    case "renewal_at_risk":
      return `Renews in ${s.renewalDays} days while ${tierLabel(s.tier)}`;
    case "coverage_below":
      return `Coverage ${Math.round(s.coverage * 100)} % is below ${(rule.params as RuleParams<"coverage_below">).percent} %`;
  }
}

/** Which look-backs a rule's signal needs, so the reader fetches only those. */
export function signalNeeds(rule: AlertRuleSpec): {
  previousTier: boolean;
  highWithinDays: number | null;
  metric: string | null;
} {
  return {
    previousTier: rule.kind === "tier_change",
    highWithinDays: rule.kind === "score_drop" ? (rule.params as RuleParams<"score_drop">).days : null,
    metric: rule.kind === "input_stale" ? (rule.params as RuleParams<"input_stale">).metric : null,
  };
}

/** A rule's parameters in a few words, e.g. "below 45, re-arms at 50". */
export function describeParams(rule: AlertRuleSpec, tierLabel: (key: string) => string = (k) => k): string {
  switch (rule.kind) {
    case "score_below": {
      const p = rule.params as RuleParams<"score_below">;
      return `below ${p.threshold}, re-arms at ${p.threshold + p.margin}`;
    }
    case "tier_change":
      return (rule.params as RuleParams<"tier_change">).direction === "down" ? "down a tier" : "up a tier";
    case "score_drop": {
      const p = rule.params as RuleParams<"score_drop">;
      return `${p.points}+ points within ${p.days} days`;
    }
    case "input_stale": {
      const p = rule.params as RuleParams<"input_stale">;
      return `${p.metric} missing or older than ${p.staleDays ? `${p.staleDays} days` : "its limit"}`;
    }
    case "renewal_at_risk": {
      const p = rule.params as RuleParams<"renewal_at_risk">;
      return `renewal within ${p.days} days while ${p.tiers.map(tierLabel).join(" or ")}`;
    }
    case "coverage_below": {
      const p = rule.params as RuleParams<"coverage_below">;
      return `below ${p.percent} %, re-arms at ${p.percent + p.margin} %`;
    }
  }
}
