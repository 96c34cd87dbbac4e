import type { ModelDefinitionInput } from "../scoring";

const stale = (days: number) => ({ staleAfterDays: days });

/** The demo organisation's published "Health" scorecard, over the demo metric catalogue. */
export const DEMO_HEALTH_MODEL: ModelDefinitionInput = {
  name: "Health",
  range: { min: 0, max: 100 },
  minCoverage: 50,
  categories: [
    {
      key: "usage",
      name: "Usage",
      weight: 35,
      metrics: [
        {
          metric: "weekly_active_users",
          name: "Active users per seat",
          weight: 40,
          normalize: "per_seat",
          rule: { type: "linear", worst: 0.1, best: 0.8 },
          ...stale(14),
        },
        {
          metric: "logins_per_user",
          name: "Logins per active user",
          weight: 20,
          rule: { type: "linear", worst: 1, best: 8 },
          ...stale(14),
        },
        {
          metric: "feature_adoption",
          name: "Key feature adoption",
          weight: 25,
          rule: { type: "target", target: 70 },
          ...stale(30),
        },
        {
          metric: "api_calls",
          name: "API calls per $1k ARR",
          weight: 15,
          normalize: "per_arr_unit",
          rule: { type: "percentile" },
          ...stale(14),
        },
      ],
    },
    {
      key: "engagement",
      name: "Engagement",
      weight: 20,
      metrics: [
        {
          metric: "exec_meeting_days",
          name: "Days since executive meeting",
          weight: 40,
          rule: { type: "linear", worst: 120, best: 14 },
          ...stale(45),
        },
        {
          metric: "email_response_rate",
          name: "Email response rate",
          weight: 30,
          rule: { type: "linear", worst: 20, best: 90 },
          ...stale(30),
        },
        {
          metric: "training_completion",
          name: "Training completion",
          weight: 30,
          rule: { type: "target", target: 80 },
          ...stale(60),
        },
      ],
    },
    {
      key: "support",
      name: "Support",
      weight: 20,
      metrics: [
        {
          metric: "open_tickets",
          name: "Open tickets",
          weight: 35,
          rule: {
            type: "bands",
            bands: [
              { from: null, to: 3, points: 100 },
              { from: 3, to: 8, points: 70 },
              { from: 8, to: 15, points: 35 },
              { from: 15, to: null, points: 0 },
            ],
          },
          missing: { policy: "neutral" },
          ...stale(14),
        },
        {
          metric: "p1_incidents_90d",
          name: "P1 incidents (90 days)",
          weight: 30,
          rule: {
            type: "bands",
            bands: [
              { from: null, to: 1, points: 100 },
              { from: 1, to: 2, points: 50 },
              { from: 2, to: null, points: 0 },
            ],
          },
          ...stale(30),
        },
        {
          metric: "csat",
          name: "Support CSAT",
          weight: 35,
          rule: { type: "linear", worst: 2, best: 4.8 },
          ...stale(45),
        },
      ],
    },
    {
      key: "financial",
      name: "Financial",
      weight: 10,
      metrics: [
        {
          metric: "days_invoice_overdue",
          name: "Days invoice overdue",
          weight: 70,
          rule: { type: "linear", worst: 60, best: 0 },
          missing: { policy: "neutral" },
          ...stale(45),
        },
        {
          metric: "expansion_opportunity",
          name: "Open expansion opportunity",
          weight: 30,
          rule: { type: "boolean", true: 100, false: 50 },
          ...stale(90),
        },
      ],
    },
    {
      key: "voice",
      name: "Sentiment & NPS",
      weight: 15,
      metrics: [
        {
          metric: "csm_sentiment",
          name: "CSM sentiment",
          weight: 60,
          rule: { type: "categorical", options: { good: 100, neutral: 60, bad: 10 } },
          missing: { policy: "carry_forward", fallback: "exclude", decayDays: 90 },
          ...stale(90),
        },
        { metric: "nps", name: "NPS", weight: 40, rule: { type: "linear", worst: -40, best: 60 }, ...stale(120) },
      ],
    },
  ],
  tiers: [
    { key: "at_risk", min: 0, max: 45, label: "At risk", color: "#d92d20", letter: "C" },
    { key: "attention", min: 45, max: 70, label: "Needs attention", color: "#f79009", letter: "B" },
    { key: "healthy", min: 70, label: "Healthy", color: "#12b76a", letter: "A" },
  ],
  variants: [
    {
      key: "enterprise",
      name: "Enterprise",
      priority: 20,
      match: { segments: ["enterprise"] },
      weights: { usage: 30, engagement: 25, support: 20, financial: 10, voice: 15 },
    },
    {
      key: "onboarding",
      name: "Onboarding",
      priority: 10,
      match: { stages: ["onboarding"] },
      weights: { usage: 50, engagement: 25, support: 15, financial: 5, voice: 5 },
      rules: { feature_adoption: { type: "target", target: 40 }, training_completion: { type: "target", target: 60 } },
    },
  ],
};
