import type { Role } from "../auth/permissions";
import type { TenantContext } from "../tenant";
import { db, Prisma } from "./client";
import { portfolioWhere } from "./portfolio-view";

export interface TierChange {
  id: string;
  name: string;
  fromTier: string;
  toTier: string;
  score: number | null;
}

/** The caller's accounts whose tier on `day` differs from the day before (largest ARR first). */
export async function listTierChanges(ctx: TenantContext, scorecardId: string, day: Date, limit = 25) {
  const snap = (d: Prisma.Sql) => Prisma.sql`SELECT "accountId", "tierKey", "score" FROM "ScoreSnapshot"
    WHERE "organizationId" = ${ctx.organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid AND "day" = ${d}`;
  return db().$queryRaw<TierChange[]>`
    SELECT a."id"::text, a."name", f."tierKey" AS "fromTier", t."tierKey" AS "toTier", t."score"
    FROM (${snap(Prisma.sql`${day}::date`)}) t
    JOIN (${snap(Prisma.sql`${day}::date - 1`)}) f ON f."accountId" = t."accountId"
    JOIN "Account" a ON a."organizationId" = ${ctx.organizationId}::uuid AND a."id" = t."accountId"
    WHERE t."tierKey" <> f."tierKey" AND ${portfolioWhere(ctx, {})}
    ORDER BY a."arr" DESC, a."id" LIMIT ${limit}`;
}

export interface DigestRecipient {
  organizationId: string;
  organizationName: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  teamIds: string[];
}

/** Members who work alerts and have not had `day`'s digest yet. */
export async function listDigestRecipients(day: Date, organizationIds: string[] | null): Promise<DigestRecipient[]> {
  const rows = await db().membership.findMany({
    where: {
      disabledAt: null,
      role: { in: ["owner", "admin", "manager", "csm"] },
      ...(organizationIds ? { organizationId: { in: organizationIds } } : {}),
    },
    select: {
      organizationId: true,
      userId: true,
      role: true,
      organization: { select: { name: true } },
      user: { select: { name: true, email: true } },
      teams: { select: { teamId: true } },
    },
  });
  const sent = await db().digestDelivery.findMany({
    where: { day, ...(organizationIds ? { organizationId: { in: organizationIds } } : {}) },
    select: { organizationId: true, userId: true },
  });
  const done = new Set(sent.map((s) => `${s.organizationId}:${s.userId}`));
  return rows
    .filter((r) => !done.has(`${r.organizationId}:${r.userId}`))
    .map((r) => ({
      organizationId: r.organizationId,
      organizationName: r.organization.name,
      userId: r.userId,
      name: r.user.name,
      email: r.user.email,
      role: r.role,
      teamIds: r.teams.map((t) => t.teamId),
    }));
}

/** Claims a user's digest for the day; false when another worker pass already has. */
export async function claimDigest(organizationId: string, userId: string, day: Date): Promise<boolean> {
  const n = await db().$executeRaw`
    INSERT INTO "DigestDelivery" ("organizationId", "userId", "day") VALUES (${organizationId}::uuid, ${userId}::uuid, ${day}::date)
    ON CONFLICT DO NOTHING`;
  return n === 1;
}

/** Gives a claim back after a failed send, so the next pass retries. */
export async function releaseDigest(organizationId: string, userId: string, day: Date) {
  await db().digestDelivery.deleteMany({ where: { organizationId, userId, day } });
}
