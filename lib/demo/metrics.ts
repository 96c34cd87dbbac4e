import { npsFromAnswers } from "../scoring/nps";
import { clamp, type Random } from "./random";

export interface DemoMetric {
  key: string;
  name: string;
  description: string;
  category: "usage" | "engagement" | "support" | "financial" | "sentiment" | "nps";
  valueType: "number" | "boolean" | "categorical" | "percent";
  unit: string | null;
  direction: "higher_is_better" | "lower_is_better";
  normalization: "none" | "per_seat" | "per_active_user" | "per_arr_unit";
  stalenessDays: number;
  source: "import" | "api" | "manual";
  options?: string[];
  /** Days between observations. */
  cadence: number;
  /** The observed value for an account whose latent health is `h` (0 = dying, 1 = thriving). */
  sample(h: number, account: { seats: number; arr: number }, rng: Random): { value: number | null; text?: string };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The demo organisation's metric catalogue: 14 metrics across every category. */
export const DEMO_METRICS: DemoMetric[] = [
  {
    key: "weekly_active_users",
    name: "Weekly active users",
    description: "Distinct users active in the week; scored per licensed seat.",
    category: "usage",
    valueType: "number",
    unit: "users",
    direction: "higher_is_better",
    normalization: "per_seat",
    stalenessDays: 14,
    source: "api",
    cadence: 7,
    sample: (h, a, r) => ({ value: Math.round(a.seats * clamp(0.12 + 0.8 * h + r.normal(0, 0.05), 0.02, 1)) }),
  },
  {
    key: "logins_per_user",
    name: "Logins per active user",
    description: "Average weekly logins of an active user.",
    category: "usage",
    valueType: "number",
    unit: "logins/week",
    direction: "higher_is_better",
    normalization: "none",
    stalenessDays: 14,
    source: "api",
    cadence: 7,
    sample: (h, _a, r) => ({ value: round1(clamp(1 + 9 * h + r.normal(0, 0.6), 0, 14)) }),
  },
  {
    key: "feature_adoption",
    name: "Key feature adoption",
    description: "Share of the key features in regular use.",
    category: "usage",
    valueType: "percent",
    unit: "%",
    direction: "higher_is_better",
    normalization: "none",
    stalenessDays: 30,
    source: "api",
    cadence: 7,
    sample: (h, _a, r) => ({ value: round1(100 * clamp(0.1 + 0.8 * h + r.normal(0, 0.04), 0, 1)) }),
  },
  {
    key: "api_calls",
    name: "API calls",
    description: "Weekly API calls; scored per $1k of ARR.",
    category: "usage",
    valueType: "number",
    unit: "calls/week",
    direction: "higher_is_better",
    normalization: "per_arr_unit",
    stalenessDays: 14,
    source: "api",
    cadence: 7,
    sample: (h, a, r) => ({ value: Math.round((a.arr / 1000) * clamp(20 + 180 * h + r.normal(0, 12), 0, 400)) }),
  },
  {
    key: "exec_meeting_days",
    name: "Days since executive meeting",
    description: "Days since the last meeting with an executive sponsor.",
    category: "engagement",
    valueType: "number",
    unit: "days",
    direction: "lower_is_better",
    normalization: "none",
    stalenessDays: 45,
    source: "import",
    cadence: 30,
    sample: (h, _a, r) => ({ value: Math.round(clamp(10 + 170 * (1 - h) + r.normal(0, 15), 0, 365)) }),
  },
  {
    key: "email_response_rate",
    name: "Email response rate",
    description: "Share of CSM emails answered within 3 days.",
    category: "engagement",
    valueType: "percent",
    unit: "%",
    direction: "higher_is_better",
    normalization: "none",
    stalenessDays: 30,
    source: "import",
    cadence: 14,
    sample: (h, _a, r) => ({ value: round1(100 * clamp(0.2 + 0.75 * h + r.normal(0, 0.06), 0, 1)) }),
  },
  {
    key: "training_completion",
    name: "Training completion",
    description: "Share of seats that finished onboarding training.",
    category: "engagement",
    valueType: "percent",
    unit: "%",
    direction: "higher_is_better",
    normalization: "none",
    stalenessDays: 60,
    source: "import",
    cadence: 30,
    sample: (h, _a, r) => ({ value: round1(100 * clamp(0.15 + 0.8 * h + r.normal(0, 0.05), 0, 1)) }),
  },
  {
    key: "open_tickets",
    name: "Open support tickets",
    description: "Support tickets open at the end of the week.",
    category: "support",
    valueType: "number",
    unit: "tickets",
    direction: "lower_is_better",
    normalization: "none",
    stalenessDays: 14,
    source: "api",
    cadence: 7,
    sample: (h, a, r) => ({ value: Math.max(0, Math.round((a.seats / 60 + 1) * (1.4 - h) * 2 + r.normal(0, 1))) }),
  },
  {
    key: "p1_incidents_90d",
    name: "P1 incidents (90 days)",
    description: "Priority-1 incidents in the trailing 90 days.",
    category: "support",
    valueType: "number",
    unit: "incidents",
    direction: "lower_is_better",
    normalization: "none",
    stalenessDays: 30,
    source: "api",
    cadence: 30,
    sample: (h, _a, r) => ({ value: Math.max(0, Math.round(4 * (1 - h) ** 2 + r.normal(0, 0.5))) }),
  },
  {
    key: "csat",
    name: "Support CSAT",
    description: "Average satisfaction with closed tickets (1–5).",
    category: "support",
    valueType: "number",
    unit: "/5",
    direction: "higher_is_better",
    normalization: "none",
    stalenessDays: 45,
    source: "api",
    cadence: 14,
    sample: (h, _a, r) => ({ value: round1(clamp(2.2 + 2.7 * h + r.normal(0, 0.25), 1, 5)) }),
  },
  {
    key: "days_invoice_overdue",
    name: "Days invoice overdue",
    description: "Days the oldest open invoice is past due.",
    category: "financial",
    valueType: "number",
    unit: "days",
    direction: "lower_is_better",
    normalization: "none",
    stalenessDays: 45,
    source: "import",
    cadence: 30,
    sample: (h, _a, r) => ({
      value: h > 0.45 && r.chance(0.9) ? 0 : Math.round(clamp((0.6 - h) * 120 + r.normal(0, 10), 0, 180)),
    }),
  },
  {
    key: "expansion_opportunity",
    name: "Open expansion opportunity",
    description: "Whether sales has an open expansion opportunity.",
    category: "financial",
    valueType: "boolean",
    unit: null,
    direction: "higher_is_better",
    normalization: "none",
    stalenessDays: 90,
    source: "import",
    cadence: 30,
    sample: (h, _a, r) => ({ value: r.chance(clamp(h * h, 0.02, 0.9)) ? 1 : 0 }),
  },
  {
    key: "csm_sentiment",
    name: "CSM sentiment",
    description: "The CSM's own read of the relationship.",
    category: "sentiment",
    valueType: "categorical",
    unit: null,
    direction: "higher_is_better",
    normalization: "none",
    stalenessDays: 45,
    source: "manual",
    cadence: 30,
    options: ["good", "neutral", "bad"],
    sample: (h, _a, r) => {
      const x = h + r.normal(0, 0.12);
      return { value: null, text: x > 0.62 ? "good" : x > 0.38 ? "neutral" : "bad" };
    },
  },
  {
    key: "nps",
    name: "NPS",
    description: "Net Promoter Score of the account's survey respondents (−100 to +100).",
    category: "nps",
    valueType: "number",
    unit: "NPS",
    direction: "higher_is_better",
    normalization: "none",
    stalenessDays: 120,
    source: "import",
    cadence: 90,
    sample: (h, a, r) => {
      const respondents = Math.max(3, Math.round(Math.sqrt(a.seats)));
      const answers = Array.from({ length: respondents }, () => Math.round(clamp(r.normal(3 + 7 * h, 1.6), 0, 10)));
      return { value: npsFromAnswers(answers) };
    },
  },
];
