"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createOverride, overrideInputSchema, revokeOverride } from "../services/overrides";
import { defineAction } from "./define-action";

/** Overrides a score or tier on one scorecard (admins, or the account's owner), with a reason and an end date. */
export const createOverrideAction = defineAction(
  { permission: "overrides:write", input: overrideInputSchema },
  async (input, ctx) => {
    const created = await createOverride(ctx, input);
    revalidatePath(`/accounts/${input.accountId}`);
    return { id: created.id };
  },
);

export const revokeOverrideAction = defineAction(
  { permission: "overrides:write", input: z.object({ overrideId: z.uuid("Choose an override") }) },
  async ({ overrideId }, ctx) => {
    const accountId = await revokeOverride(ctx, overrideId);
    revalidatePath(`/accounts/${accountId}`);
    return { revoked: true };
  },
);
