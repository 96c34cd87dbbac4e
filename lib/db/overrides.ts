import type { TenantContext } from "../tenant";
import { db, type Tx } from "./client";

export interface OverrideRow {
  id: string;
  scorecardId: string;
  accountId: string;
  score: number | null;
  tierKey: string | null;
  reason: string;
  authorId: string;
  authorName: string | null;
  expiresAt: Date;
  createdAt: Date;
}

const select = {
  id: true,
  scorecardId: true,
  accountId: true,
  score: true,
  tierKey: true,
  reason: true,
  authorId: true,
  expiresAt: true,
  createdAt: true,
} as const;

async function withAuthors<T extends { authorId: string }>(rows: T[]) {
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } },
    select: { id: true, name: true },
  });
  return rows.map((r) => ({ ...r, authorName: users.find((u) => u.id === r.authorId)?.name ?? null }));
}

/** The overrides in effect on an account at `now`, one per scorecard (the latest). */
export async function listActiveOverrides(
  ctx: TenantContext,
  accountId: string,
  now = new Date(),
): Promise<OverrideRow[]> {
  const rows = await db().scoreOverride.findMany({
    where: {
      organizationId: ctx.organizationId,
      accountId,
      revokedAt: null,
      expiresAt: { gt: now },
      createdAt: { lte: now },
    },
    orderBy: { createdAt: "desc" },
    distinct: ["scorecardId"],
    select,
  });
  return withAuthors(rows);
}

export async function getOverride(ctx: TenantContext, id: string) {
  return db().scoreOverride.findFirst({
    where: { organizationId: ctx.organizationId, id },
    select: { ...select, revokedAt: true },
  });
}

/** Ends every override in effect on the account and scorecard; returns what was ended. */
export async function revokeActiveOverrides(
  ctx: TenantContext,
  target: { accountId: string; scorecardId: string },
  now: Date,
  tx: Tx,
) {
  const active = await tx.scoreOverride.findMany({
    where: { organizationId: ctx.organizationId, ...target, revokedAt: null, expiresAt: { gt: now } },
    select,
  });
  if (active.length > 0)
    await tx.scoreOverride.updateMany({
      where: { organizationId: ctx.organizationId, id: { in: active.map((o) => o.id) } },
      data: { revokedAt: now },
    });
  return active;
}

export async function insertOverride(
  ctx: TenantContext,
  data: {
    accountId: string;
    scorecardId: string;
    score: number | null;
    tierKey: string;
    reason: string;
    expiresAt: Date;
  },
  tx: Tx,
) {
  return tx.scoreOverride.create({
    data: { organizationId: ctx.organizationId, authorId: ctx.userId, ...data },
    select,
  });
}

/**
 * Accounts (per organisation) whose override expired within the last day while
 * today's snapshot still carries it: they need rescoring to show the computed value again.
 */
export async function listLapsedOverrides(
  now: Date,
  organizationIds: string[] | null = null,
): Promise<{ organizationId: string; accountIds: string[] }[]> {
  return db().$queryRaw<{ organizationId: string; accountIds: string[] }[]>`
    SELECT o."organizationId"::text, array_agg(DISTINCT o."accountId"::text) AS "accountIds"
    FROM "ScoreOverride" o
    JOIN "ScoreSnapshot" s ON s."organizationId" = o."organizationId" AND s."scorecardId" = o."scorecardId"
     AND s."accountId" = o."accountId" AND s."day" = ${now}::date
     AND (s."overriddenScore" IS NOT NULL OR s."overriddenTier" IS NOT NULL)
    WHERE (${organizationIds}::uuid[] IS NULL OR o."organizationId" = ANY(${organizationIds}::uuid[]))
      AND o."expiresAt" <= ${now} AND o."expiresAt" > ${now}::timestamptz - interval '1 day'
      AND NOT EXISTS (SELECT 1 FROM "ScoreOverride" x WHERE x."organizationId" = o."organizationId"
        AND x."scorecardId" = o."scorecardId" AND x."accountId" = o."accountId" AND x."revokedAt" IS NULL AND x."expiresAt" > ${now})
    GROUP BY o."organizationId"`;
}
