import { randomUUID } from "node:crypto";
import type { SqlTx } from "./client";
import { db } from "./client";

/** An event as webhooks receive it (the envelope adds id, organisation and time). */
export interface OutboundEvent {
  event: string;
  data: Record<string, unknown>;
}

/**
 * Queues a delivery of each event to every enabled webhook of the organisation
 * that subscribed to it, in the caller's transaction (an event exists exactly when
 * what it reports was written). The worker sends them.
 */
export async function enqueueWebhookEvents(
  tx: SqlTx,
  organizationId: string,
  events: OutboundEvent[],
  now = new Date(),
) {
  if (events.length === 0) return 0;
  const names = events.map((e) => e.event);
  const payloads = events.map((e) =>
    JSON.stringify({ id: randomUUID(), event: e.event, organizationId, occurredAt: now.toISOString(), data: e.data }),
  );
  return tx.$executeRaw`
    INSERT INTO "WebhookDelivery" ("organizationId", "id", "webhookId", "event", "payload", "status", "nextAttemptAt", "createdAt")
    SELECT w."organizationId", gen_random_uuid(), w."id", e.event, e.payload::jsonb, 'pending', ${now}, ${now}
    FROM "Webhook" w CROSS JOIN unnest(${names}::text[], ${payloads}::text[]) AS e(event, payload)
    WHERE w."organizationId" = ${organizationId}::uuid AND w."enabled" AND e.event = ANY(w."events")`;
}

/** Whether any enabled webhook of the organisation listens for `event` (skips work nobody receives). */
export async function hasSubscribers(organizationId: string, event: string): Promise<boolean> {
  const n = await db().webhook.count({ where: { organizationId, enabled: true, events: { has: event } } });
  return n > 0;
}
