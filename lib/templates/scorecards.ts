import { DEMO_HEALTH_MODEL } from "../demo/health-model";
import type { ModelDefinitionInput } from "../scoring";

/** Onboarding in the first 90 days: activation and adoption over everything else, on the standard catalogue. */
const ONBOARDING_MODEL: ModelDefinitionInput = {
  name: "Onboarding — first 90 days",
  range: { min: 0, max: 100 },
  minCoverage: 40,
  categories: [
    {
      key: "activation",
      name: "Activation",
      weight: 50,
      metrics: [
        {
          metric: "weekly_active_users",
          name: "Active users per seat",
          weight: 50,
          normalize: "per_seat",
          rule: { type: "linear", worst: 0.05, best: 0.6 },
          staleAfterDays: 14,
        },
        {
          metric: "feature_adoption",
          name: "Key feature adoption",
          weight: 50,
          rule: { type: "target", target: 40 },
          staleAfterDays: 30,
        },
      ],
    },
    {
      key: "enablement",
      name: "Enablement",
      weight: 30,
      metrics: [
        {
          metric: "training_completion",
          name: "Training completion",
          weight: 60,
          rule: { type: "target", target: 60 },
          staleAfterDays: 30,
        },
        {
          metric: "logins_per_user",
          name: "Logins per active user",
          weight: 40,
          rule: { type: "linear", worst: 0.5, best: 5 },
          staleAfterDays: 14,
        },
      ],
    },
    {
      key: "relationship",
      name: "Relationship",
      weight: 20,
      metrics: [
        {
          metric: "csm_sentiment",
          name: "CSM sentiment",
          weight: 100,
          rule: { type: "categorical", options: { good: 100, neutral: 60, bad: 10 } },
          missing: { policy: "carry_forward", fallback: "exclude" },
          staleAfterDays: 45,
        },
      ],
    },
  ],
  tiers: [
    { key: "stalled", min: 0, max: 40, label: "Stalled", color: "#d92d20", letter: "C" },
    { key: "slow", min: 40, max: 70, label: "Slow start", color: "#f79009", letter: "B" },
    { key: "on_track", min: 70, label: "On track", color: "#12b76a", letter: "A" },
  ],
};

/** Nothing but a 0–100 scale and three tiers: categories and metrics are added in the builder. */
const BLANK_MODEL: ModelDefinitionInput = {
  range: { min: 0, max: 100 },
  minCoverage: 50,
  categories: [],
  tiers: [
    { key: "at_risk", min: 0, max: 45, label: "At risk", color: "#d92d20", letter: "C" },
    { key: "attention", min: 45, max: 70, label: "Needs attention", color: "#f79009", letter: "B" },
    { key: "healthy", min: 70, label: "Healthy", color: "#12b76a", letter: "A" },
  ],
};

export const SCORECARD_TEMPLATES = {
  "b2b-saas-health": {
    name: "B2B SaaS health",
    description:
      "Usage, engagement, support, financials and the customer's voice, with Enterprise and Onboarding variants.",
    definition: DEMO_HEALTH_MODEL,
  },
  "onboarding-90": {
    name: "Onboarding — first 90 days",
    description: "Activation, enablement and the relationship while a new customer gets going.",
    definition: ONBOARDING_MODEL,
  },
  blank: {
    name: "Blank",
    description: "A 0–100 scale and three tiers; build the categories and metrics yourself.",
    definition: BLANK_MODEL,
  },
} as const;

export type TemplateKey = keyof typeof SCORECARD_TEMPLATES;
