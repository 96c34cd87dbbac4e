import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import { db } from "./client";

export type ApiScope = "read" | "write";

export async function insertApiKey(
  ctx: TenantContext,
  input: { name: string; prefix: string; keyHash: string; scopes: ApiScope[] },
) {
  return db().apiKey.create({
    data: {
      organizationId: ctx.organizationId,
      name: input.name,
      prefix: input.prefix,
      keyHash: input.keyHash,
      scopes: input.scopes,
      createdById: ctx.userId,
    },
    select: { id: true },
  });
}

export async function listApiKeys(ctx: TenantContext) {
  const rows = await db().apiKey.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

export async function revokeApiKeyRow(ctx: TenantContext, id: string) {
  const { count } = await db().apiKey.updateMany({
    where: { organizationId: ctx.organizationId, id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new NotFoundError("API key");
}

/** The live key with this hash (any organisation: the key itself says which). */
export async function findApiKeyByHash(keyHash: string) {
  return db().apiKey.findUnique({
    where: { keyHash },
    select: { id: true, organizationId: true, scopes: true, revokedAt: true, createdById: true, lastUsedAt: true },
  });
}

export async function touchApiKey(organizationId: string, id: string) {
  await db().apiKey.update({ where: { organizationId_id: { organizationId, id } }, data: { lastUsedAt: new Date() } });
}
