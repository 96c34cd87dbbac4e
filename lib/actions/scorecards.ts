"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { previewImpact } from "../services/scorecards/impact";
import { publishVersion } from "../services/scorecards/publish";
import { variantReach } from "../services/scorecards/variant-reach";
import { createFromTemplate, restoreAsDraft, saveDraft } from "../services/scorecards/versions";
import { SCORECARD_TEMPLATES, type TemplateKey } from "../templates/scorecards";
import { defineAction } from "./define-action";

const PAGE = "/settings/scorecards";
const version = z.object({ scorecardId: z.uuid("Choose a scorecard"), versionId: z.uuid("Choose a version") });

export const createFromTemplateAction = defineAction(
  {
    permission: "models:edit",
    input: z.object({
      template: z.enum(Object.keys(SCORECARD_TEMPLATES) as [TemplateKey, ...TemplateKey[]], {
        error: "Choose a template",
      }),
      key: z
        .string()
        .trim()
        .regex(/^[a-z][a-z0-9_-]{1,62}$/, "Use 2–63 lowercase letters, digits, - and _, starting with a letter"),
      name: z.string().trim().min(2, "Name the scorecard (at least 2 characters)").max(120),
    }),
  },
  async (input, ctx) => {
    const created = await createFromTemplate(ctx, input);
    revalidatePath(PAGE);
    return created;
  },
);

export const restoreVersionAction = defineAction({ permission: "models:edit", input: version }, async (input, ctx) => {
  const draft = await restoreAsDraft(ctx, input.scorecardId, input.versionId);
  revalidatePath(PAGE);
  return draft;
});

/** Publishes a draft with a change note; every account is rescored with it. */
export const publishVersionAction = defineAction(
  {
    permission: "models:edit",
    input: version.extend({
      changeNote: z.string().trim().min(5, "Say what changed and why (at least 5 characters)").max(500),
    }),
  },
  async (input, ctx) => {
    const published = await publishVersion(ctx, input);
    revalidatePath(PAGE);
    return { number: published.number };
  },
);

const definition = z.string().max(500_000, "The definition is too large");

export const saveDraftAction = defineAction(
  { permission: "models:edit", input: version.extend({ definition }) },
  async (input, ctx) => {
    const saved = await saveDraft(ctx, input.scorecardId, input.versionId, input.definition);
    revalidatePath(PAGE);
    return saved;
  },
);

const parsedDefinition = definition.transform((text, c) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    c.addIssue({ code: "custom", message: "The definition is not valid JSON" });
    return z.NEVER;
  }
});

/** How many accounts each variant of a draft would score, and for one account which variant applies and why. */
export const variantReachAction = defineAction(
  {
    permission: "models:read",
    input: z.object({
      definition: parsedDefinition,
      account: z
        .string()
        .trim()
        .max(200)
        .optional()
        .transform((a) => a || undefined),
    }),
  },
  async (input, ctx) => variantReach(ctx, input),
);

/** The impact of a draft as it is being edited (unsaved changes included) against the published version. */
export const previewDraftImpactAction = defineAction(
  { permission: "models:edit", input: version.extend({ definition: parsedDefinition }) },
  async (input, ctx) => previewImpact(ctx, input.scorecardId, input.versionId, new Date(), input.definition),
);
