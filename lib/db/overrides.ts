import type { TenantContext } from "../tenant";
import { db, Prisma, readRows, type Tx } from "./client";

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

/** The overrides in effect on an account at `now`, one per scorecard (the latest), with their author's name. */
export function listActiveOverrides(ctx: TenantContext, accountId: string, now = new Date()): Promise<OverrideRow[]> {
  return readRows<OverrideRow[]>`
    SELECT DISTINCT ON (o."scorecardId") o."id", o."scorecardId", o."accountId", o."score", o."tierKey", o."reason",
           o."authorId", u."name" AS "authorName", o."expiresAt", o."createdAt"
    FROM "ScoreOverride" o LEFT JOIN "User" u ON u."id" = o."authorId"
    WHERE o."organizationId" = ${ctx.organizationId}::uuid AND o."accountId" = ${accountId}::uuid
      AND o."revokedAt" IS NULL AND o."expiresAt" > ${now}::timestamptz AND o."createdAt" <= ${now}::timestamptz
    ORDER BY o."scorecardId", o."createdAt" DESC, o."id" DESC`;
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
    where: {
      organizationId: ctx.organizationId,
      accountId: target.accountId,
      scorecardId: target.scorecardId,
      revokedAt: null,
      expiresAt: { gt: now },
    },
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
    createdAt: Date;
  },
  tx: Tx,
) {
  return tx.scoreOverride.create({
    data: { organizationId: ctx.organizationId, authorId: ctx.userId, ...data },
    select,
  });
}

/**
 * The override in effect at `now` for each account of a scorecard (the latest
 * one), as a subquery of ("accountId", "score", "tierKey"): what snapshots are
 * stamped with and what alert rules see.
 */
export function activeOverridesQuery(organizationId: string, scorecardId: string, now: Date): Prisma.Sql {
  return Prisma.sql`SELECT DISTINCT ON ("accountId") "accountId", "score", "tierKey" FROM "ScoreOverride"
    WHERE "organizationId" = ${organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid
      AND "revokedAt" IS NULL AND "expiresAt" > ${now}::timestamptz AND "createdAt" <= ${now}::timestamptz
    ORDER BY "accountId", "createdAt" DESC`;
}
