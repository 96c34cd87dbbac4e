import { z } from "zod";
import { WEBHOOK_EVENTS } from "../webhooks/signature";

export const webhookFormSchema = z.object({
  name: z.string().trim().min(2, "Name the webhook (at least 2 characters)").max(80),
  url: z
    .url({ error: "Enter the receiver's full URL, e.g. https://example.com/hooks/pulseboard" })
    .refine((u) => /^https?:\/\//i.test(u), "Use an http:// or https:// URL")
    .refine((u) => u.length <= 2000, "The URL is too long"),
  events: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(WEBHOOK_EVENTS, { error: "is not an event Pulseboard sends" })).min(1, "Choose at least one event"),
  ),
});
export type WebhookForm = z.output<typeof webhookFormSchema>;

export const webhookIdSchema = z.object({ webhookId: z.uuid("Choose a webhook") });
