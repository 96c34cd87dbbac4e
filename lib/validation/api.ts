import { z } from "zod";

export const MAX_ITEMS = 10_000;

const text = z.string().max(500);
const date = z.string().max(40);
const scalar = z.union([z.number(), z.string().max(500), z.boolean()]);

const ISO_DATE = "ISO 8601 (2026-06-14, or 2026-06-14T09:30:00Z; a time without an offset is UTC)";
const ACCOUNT = "The account's external id (its id in your CRM), as imported.";
const ARR = "Annual recurring revenue, in the organisation's currency; 0 or more.";

/**
 * An item's fields are exactly its schema's: a field it does not have (a typo such
 * as "owner_email", or a custom field outside "traits") is refused by name, rather
 * than dropped without a word. `hint` says where such a field belongs.
 */
const item = <S extends z.ZodRawShape>(shape: S, hint = "") =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `has unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.join(", ")} (its fields: ${Object.keys(shape).join(", ")})${hint}`
        : undefined,
  });

// Absent or null optional fields of an account keep what is stored.
export const accountItemSchema = item(
  {
    externalId: text.describe("The account's id in your CRM: the key it is created or updated by."),
    name: text,
    domain: text.nullish(),
    ownerEmail: text.nullish().describe("The owning CSM, a member of the organisation, by email or name."),
    team: text.nullish().describe("Name of one of the organisation's teams."),
    arr: z.number().nullish().describe(ARR),
    seats: z.number().nullish().describe("Licensed seats, a whole number."),
    activeUsers: z.number().nullish().describe("Active users, a whole number."),
    plan: text.nullish(),
    region: text.nullish(),
    startDate: date.nullish().describe(`Contract start, ${ISO_DATE}.`),
    renewalDate: date.nullish().describe(`Next renewal, ${ISO_DATE}; not before the start.`),
    traits: z
      .record(z.string().max(100), scalar)
      .optional()
      .describe("Custom fields, by name; segment rules can test them."),
  },
  "; custom fields go in traits",
);
export const observationItemSchema = item({
  account: text.describe(ACCOUNT),
  metric: text.describe("The metric's key, as defined under Settings → Metrics."),
  observedAt: date.describe(`When the value was observed, ${ISO_DATE}; not in the future.`),
  /** Missing or null: rejected with the item ("is required"), like an empty cell, not with the whole request. */
  value: scalar
    .nullish()
    .describe(
      "A number (a percent metric's in percent: 55 for 55 %), true or false for a yes/no metric, or one of a categorical metric's options (any case). Required: an item without one is rejected on its own.",
    ),
});
export const outcomeItemSchema = item({
  account: text.describe(ACCOUNT),
  kind: text.describe(
    "renewed, churned, expanded or contracted (or as CRMs word them: renewal, churn, cancelled, upsell, expansion, downsell…).",
  ),
  occurredOn: date.describe(`When it happened, ${ISO_DATE}; not in the future.`),
  arrBefore: z.number().nullish().describe(ARR),
  arrAfter: z
    .number()
    .nullish()
    .describe(`${ARR} Above arrBefore for an expansion, below it for a contraction, 0 for a churn.`),
  note: z.string().max(2000).nullish(),
});

const list = <T extends z.ZodType>(item: T, name: string) =>
  z.array(item).min(1, `send at least one ${name}`).max(MAX_ITEMS, `send at most ${MAX_ITEMS} items per request`);

export const accountsBodySchema = z.object({ accounts: list(accountItemSchema, "account") });
export const observationsBodySchema = z.object({ observations: list(observationItemSchema, "observation") });
export const outcomesBodySchema = z.object({ outcomes: list(outcomeItemSchema, "outcome") });

export const scoresQuerySchema = z.object({
  scorecard: z.string().min(1).max(80).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.uuid({ error: "is not a cursor from a previous page" }).optional(),
});
export const snapshotsQuerySchema = z
  .object({
    scorecard: z.string().min(1).max(80).optional(),
    from: z.iso.date({ error: "must be a date like 2026-01-31" }).optional(),
    to: z.iso.date({ error: "must be a date like 2026-01-31" }).optional(),
  })
  // Days the other way round would answer an empty list, as if the account had no history.
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "is before from" });
