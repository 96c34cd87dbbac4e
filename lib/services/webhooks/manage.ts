import { writeAudit } from "../../db/audit";
import {
  deleteWebhookRow,
  getWebhook,
  insertDelivery,
  insertWebhook,
  recordDeliveryResult,
  updateWebhookRow,
} from "../../db/webhooks";
import type { TenantContext } from "../../tenant";
import type { WebhookForm } from "../../validation/webhooks";
import { newWebhookSecret } from "../../webhooks/signature";
import { send } from "./deliver";

/** A new webhook with a fresh signing secret (shown to admins in settings). */
export async function createWebhook(ctx: TenantContext, form: WebhookForm) {
  const secret = newWebhookSecret();
  const hook = await insertWebhook(ctx, { ...form, secret });
  await writeAudit(ctx, { action: "webhook.create", entityType: "Webhook", entityId: hook.id, after: form });
  return { ...hook, secret };
}

export async function setWebhookEnabled(ctx: TenantContext, id: string, enabled: boolean) {
  const before = await getWebhook(ctx, id);
  await updateWebhookRow(ctx, id, { enabled });
  await writeAudit(ctx, {
    action: "webhook.update",
    entityType: "Webhook",
    entityId: id,
    before: { enabled: before.enabled },
    after: { enabled },
  });
}

export async function deleteWebhook(ctx: TenantContext, id: string) {
  const before = await getWebhook(ctx, id);
  await deleteWebhookRow(ctx, id);
  await writeAudit(ctx, {
    action: "webhook.delete",
    entityType: "Webhook",
    entityId: id,
    before: { name: before.name, url: before.url, events: before.events },
  });
}

/** Sends a signed "test" event right away and records it in the delivery log; returns what the receiver answered. */
export async function sendTestEvent(ctx: TenantContext, id: string, now = new Date()) {
  const hook = await getWebhook(ctx, id);
  const payload = {
    id: crypto.randomUUID(),
    event: "test",
    organizationId: ctx.organizationId,
    occurredAt: now.toISOString(),
    data: { message: "A test event from Pulseboard. Verify its signature with your webhook's secret." },
  };
  const delivery = await insertDelivery(ctx, hook.id, "test", payload);
  const body = JSON.stringify(delivery.payload);
  const outcome = await send({ id: delivery.id, event: "test", body, url: hook.url, secret: hook.secret }, now);
  await recordDeliveryResult(
    { organizationId: ctx.organizationId, id: delivery.id },
    outcome.ok ? { ...outcome, at: new Date() } : { ...outcome, retryAt: null },
  );
  return outcome;
}
