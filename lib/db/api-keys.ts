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
    select: { id: true, organizationId: true, scopes: true, revokedAt: true, createdById: true },
  });
}

/**
 * Takes one request from the key's allowance: a bucket that holds `limit`
 * requests and drains at `limit` per minute, kept on the key's row so that every
 * web process (and every host) counts the same requests. A request that fits
 * fills the bucket by one and marks the key used; one that does not changes
 * nothing. Returns 0 when the request may go ahead, else the seconds until it
 * would fit. `at` is the moment of the request (the database's clock unless given).
 */
export async function takeApiRequest(
  organizationId: string,
  id: string,
  limit: number,
  at: Date | null = null,
): Promise<number> {
  const [row] = await db().$queryRaw<{ wait: number }[]>`
    WITH k AS (
      SELECT k."organizationId", k."id", n.t,
             greatest(0, k."requestLevel" - greatest(0, extract(epoch FROM n.t - coalesce(k."requestLevelAt", n.t))) * ${limit}::float8 / 60) AS level
      FROM "ApiKey" k, (SELECT coalesce(${at}::timestamptz, clock_timestamp()) AS t) n
      WHERE k."organizationId" = ${organizationId}::uuid AND k."id" = ${id}::uuid
      FOR UPDATE OF k)
    UPDATE "ApiKey" a SET
      "requestLevel" = CASE WHEN k.level + 1 <= ${limit}::float8 THEN k.level + 1 ELSE a."requestLevel" END,
      "requestLevelAt" = CASE WHEN k.level + 1 <= ${limit}::float8 THEN k.t ELSE a."requestLevelAt" END,
      "lastUsedAt" = CASE WHEN k.level + 1 <= ${limit}::float8 THEN k.t ELSE a."lastUsedAt" END
    FROM k WHERE a."organizationId" = k."organizationId" AND a."id" = k."id"
    RETURNING CASE WHEN k.level + 1 <= ${limit}::float8 THEN 0 ELSE ceil((k.level + 1 - ${limit}::float8) * 60 / ${limit}::float8) END::int AS wait`;
  if (!row) throw new NotFoundError("API key");
  return row.wait;
}
