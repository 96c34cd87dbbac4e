"use server";

import { revalidatePath } from "next/cache";
import { createWebhook, deleteWebhook, sendTestEvent, setWebhookEnabled } from "../services/webhooks/manage";
import { webhookFormSchema, webhookIdSchema } from "../validation/webhooks";
import { z } from "zod";
import { defineAction } from "./define-action";

export const createWebhookAction = defineAction(
  { permission: "webhooks:manage", input: webhookFormSchema },
  async (form, ctx) => {
    const hook = await createWebhook(ctx, form);
    revalidatePath("/settings/webhooks");
    return { id: hook.id, secret: hook.secret };
  },
);

export const toggleWebhookAction = defineAction(
  { permission: "webhooks:manage", input: webhookIdSchema.extend({ enabled: z.boolean() }) },
  async ({ webhookId, enabled }, ctx) => {
    await setWebhookEnabled(ctx, webhookId, enabled);
    revalidatePath("/settings/webhooks");
    return { enabled };
  },
);

export const deleteWebhookAction = defineAction(
  { permission: "webhooks:manage", input: webhookIdSchema },
  async ({ webhookId }, ctx) => {
    await deleteWebhook(ctx, webhookId);
    revalidatePath("/settings/webhooks");
    return { deleted: true };
  },
);

/** Sends a signed "test" event now and reports what the receiver answered. */
export const sendTestWebhookAction = defineAction(
  { permission: "webhooks:manage", input: webhookIdSchema },
  async ({ webhookId }, ctx) => {
    const outcome = await sendTestEvent(ctx, webhookId);
    revalidatePath("/settings/webhooks");
    return outcome;
  },
);
