"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAccountNote } from "../services/dashboards/notes";
import { defineAction } from "./define-action";

const optional = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const noteInput = z
  .object({
    accountId: z.uuid({ error: "is not a valid account" }),
    body: optional(z.string().trim().max(5000, "must be at most 5,000 characters")),
    metricId: optional(z.uuid({ error: "is not a valid metric" })),
    option: optional(z.string().trim().max(100)),
  })
  .refine((v) => v.body || (v.metricId && v.option), { path: ["body"], message: "Write a note or pick a value" });

/** A note and/or the CSM's sentiment on an account in the caller's scope. */
export const addAccountNoteAction = defineAction(
  { permission: "notes:write", input: noteInput },
  async (input, ctx) => {
    await recordAccountNote(ctx, input);
    revalidatePath(`/accounts/${input.accountId}`);
    return { saved: true };
  },
);
