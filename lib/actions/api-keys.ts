"use server";

import { revalidatePath } from "next/cache";
import { createApiKey, revokeApiKey } from "../services/api-keys";
import { apiKeyIdSchema, createApiKeySchema } from "../validation/api-keys";
import { defineAction } from "./define-action";

export const createApiKeyAction = defineAction(
  { permission: "apiKeys:manage", input: createApiKeySchema },
  async (input, ctx) => {
    const created = await createApiKey(ctx, input);
    revalidatePath("/settings/api-keys");
    return created;
  },
);

export const revokeApiKeyAction = defineAction(
  { permission: "apiKeys:manage", input: apiKeyIdSchema },
  async ({ id }, ctx) => {
    await revokeApiKey(ctx, id);
    revalidatePath("/settings/api-keys");
  },
);
