import { z } from "zod";

export const MAX_ITEMS = 10_000;

const text = z.string().max(500);
const date = z.string().max(40);
const scalar = z.union([z.number(), z.string().max(500), z.boolean()]);

export const accountItemSchema = z.object({
  externalId: text,
  name: text,
  domain: text.nullish(),
  ownerEmail: text.nullish(),
  team: text.nullish(),
  arr: z.number().nullish(),
  seats: z.number().nullish(),
  activeUsers: z.number().nullish(),
  plan: text.nullish(),
  region: text.nullish(),
  startDate: date.nullish(),
  renewalDate: date.nullish(),
  traits: z.record(z.string().max(100), scalar).optional(),
});
export const observationItemSchema = z.object({
  account: text,
  metric: text,
  observedAt: date,
  /** Missing or null: rejected with the item ("is required"), like an empty cell, not with the whole request. */
  value: scalar.nullish(),
});
export const outcomeItemSchema = z.object({
  account: text,
  kind: text,
  occurredOn: date,
  arrBefore: z.number().nullish(),
  arrAfter: z.number().nullish(),
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
export const snapshotsQuerySchema = z.object({
  scorecard: z.string().min(1).max(80).optional(),
  from: z.iso.date({ error: "must be a date like 2026-01-31" }).optional(),
  to: z.iso.date({ error: "must be a date like 2026-01-31" }).optional(),
});
