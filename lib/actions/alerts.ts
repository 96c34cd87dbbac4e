"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workAlert } from "../services/alerts/inbox";
import { createRule, deleteRule, previewRuleImpact, toggleRule, updateRule } from "../services/alerts/rules";
import { alertWorkSchema, ruleFormSchema } from "../validation/alerts";
import { defineAction } from "./define-action";

/** Acknowledge, snooze, resolve, reopen or assign an alert on an account in scope. */
export const workAlertAction = defineAction(
  { permission: "alerts:work", input: alertWorkSchema },
  async (work, ctx) => {
    await workAlert(ctx, work);
    revalidatePath("/alerts");
    return { done: work.op };
  },
);

/** What a rule would have raised over the last 90 days; nothing is saved. */
export const previewAlertRuleAction = defineAction(
  { permission: "alertRules:manage", input: ruleFormSchema },
  async (form, ctx) => previewRuleImpact(ctx, form),
);

export const createAlertRuleAction = defineAction(
  { permission: "alertRules:manage", input: ruleFormSchema },
  async (form, ctx) => {
    const created = await createRule(ctx, form);
    revalidatePath("/settings/alerts");
    return created;
  },
);

/** Tunes an existing rule; its episodes carry on under the new parameters. */
export const updateAlertRuleAction = defineAction(
  { permission: "alertRules:manage", input: ruleFormSchema.extend({ ruleId: z.uuid("Choose a rule") }) },
  async ({ ruleId, ...form }, ctx) => {
    await updateRule(ctx, ruleId, form);
    revalidatePath("/settings/alerts");
    return { updated: true };
  },
);

const ruleToggle = z.object({ ruleId: z.uuid("Choose a rule"), enabled: z.boolean() });

export const toggleAlertRuleAction = defineAction(
  { permission: "alertRules:manage", input: ruleToggle },
  async ({ ruleId, enabled }, ctx) => {
    await toggleRule(ctx, ruleId, enabled);
    revalidatePath("/settings/alerts");
    return { enabled };
  },
);

export const deleteAlertRuleAction = defineAction(
  { permission: "alertRules:manage", input: z.object({ ruleId: z.uuid("Choose a rule") }) },
  async ({ ruleId }, ctx) => {
    await deleteRule(ctx, ruleId);
    revalidatePath("/settings/alerts");
    return { deleted: true };
  },
);
