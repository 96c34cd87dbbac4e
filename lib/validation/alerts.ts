import { z } from "zod";
import { ALERT_KINDS } from "../alerts/rules";

const optionalId = z.preprocess((v) => (v === "" ? undefined : v), z.uuid("is not a valid choice").optional());
const loose = z.unknown().optional();

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;

/** An alert rule as the form sends it; the kind's own parameters are checked by lib/alerts. */
export const ruleFormSchema = z.object({
  name: z.string().trim().min(2, "Name the rule (at least 2 characters)").max(120),
  kind: z.enum(ALERT_KINDS, { error: "Choose what the rule watches" }),
  scorecardId: z.uuid("Choose a scorecard"),
  segmentId: optionalId,
  teamId: optionalId,
  stageId: optionalId,
  severity: z.enum(SEVERITIES, { error: "Choose a severity" }),
  cooldownHours: z.coerce
    .number({ error: "Cooldown must be a number of hours" })
    .int("Cooldown must be whole hours")
    .min(0, "Cooldown must be from 0 to 2160 hours")
    .max(2160, "Cooldown must be from 0 to 2160 hours"),
  threshold: loose,
  margin: loose,
  direction: loose,
  points: loose,
  days: loose,
  metric: loose,
  staleDays: loose,
  tiers: loose,
  percent: loose,
});
export type RuleForm = z.output<typeof ruleFormSchema>;

/** The kind-specific fields of the form, without the empty ones. */
export function paramFields(form: RuleForm): Record<string, unknown> {
  const fields = ["threshold", "margin", "direction", "points", "days", "metric", "staleDays", "percent"] as const;
  const out: Record<string, unknown> = {};
  for (const f of fields) if (form[f] !== undefined && form[f] !== "") out[f] = form[f];
  if (form.tiers !== undefined && form.tiers !== "") out.tiers = Array.isArray(form.tiers) ? form.tiers : [form.tiers];
  return out;
}

export const ALERT_RESOLUTIONS = ["action_taken", "not_actionable"] as const;

export const alertIdSchema = z.object({ alertId: z.uuid("Choose an alert") });

export const alertWorkSchema = z.discriminatedUnion("op", [
  alertIdSchema.extend({ op: z.literal("acknowledge") }),
  alertIdSchema.extend({ op: z.literal("reopen") }),
  alertIdSchema.extend({
    op: z.literal("snooze"),
    until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the day to snooze until"),
  }),
  alertIdSchema.extend({
    op: z.literal("resolve"),
    resolution: z.enum(ALERT_RESOLUTIONS, { error: "Say whether action was taken" }),
  }),
  alertIdSchema.extend({
    op: z.literal("assign"),
    assigneeId: z.preprocess((v) => (v === "" ? null : v), z.uuid("Choose a member").nullable()),
  }),
]);
export type AlertWork = z.output<typeof alertWorkSchema>;

export const INBOX_VIEWS = ["mine", "team", "all"] as const;
export const ALERT_STATUSES = ["open", "acknowledged", "snoozed", "resolved"] as const;

/** The inbox's URL: bad values fall back to defaults. */
export const inboxQuerySchema = z.object({
  view: z.enum(INBOX_VIEWS).optional().catch(undefined),
  status: z
    .enum([...ALERT_STATUSES, "active"])
    .default("active")
    .catch("active"),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  rule: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});
export type InboxQuery = z.output<typeof inboxQuerySchema>;
