import { generateApiKey } from "../api/keys";
import { insertApiKey, revokeApiKeyRow, type ApiScope } from "../db/api-keys";
import { writeAudit } from "../db/audit";
import type { TenantContext } from "../tenant";

/** Creates a key and returns it in full — the only time it is ever shown; only its hash is kept. */
export async function createApiKey(ctx: TenantContext, input: { name: string; scopes: ApiScope[] }) {
  const { key, prefix, hash } = generateApiKey();
  const row = await insertApiKey(ctx, { name: input.name, prefix, keyHash: hash, scopes: input.scopes });
  await writeAudit(ctx, {
    action: "apiKey.create",
    entityType: "apiKey",
    entityId: row.id,
    after: { name: input.name, prefix, scopes: input.scopes },
  });
  return { id: row.id, key, prefix };
}

export async function revokeApiKey(ctx: TenantContext, id: string) {
  await revokeApiKeyRow(ctx, id);
  await writeAudit(ctx, { action: "apiKey.revoke", entityType: "apiKey", entityId: id });
}
