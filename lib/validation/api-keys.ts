import { z } from "zod";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "is required").max(80),
  scopes: z
    .union([z.enum(["read", "write"]), z.array(z.enum(["read", "write"]))], { error: "must be read and/or write" })
    .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
    .pipe(z.array(z.enum(["read", "write"])).min(1, "choose at least one scope")),
});

export const apiKeyIdSchema = z.object({ id: z.uuid({ error: "is not an API key" }) });
