import type { Role } from "../auth/permissions";
import { db, readRows } from "./client";
import { isUuid } from "../ids";

export async function createAuthSession(input: { userId: string; ip?: string; userAgent?: string }) {
  return db().authSession.create({
    data: { userId: input.userId, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) },
    select: { id: true },
  });
}

export interface SessionPrincipal {
  sessionId: string;
  user: { id: string; email: string; name: string };
  activeOrganizationId: string | null;
  memberships: {
    organizationId: string;
    organizationName: string;
    role: Role;
    teamIds: string[];
  }[];
}

/**
 * The live state behind a session id, or null when the session is revoked, the
 * user disabled, or the password changed after the session began. Read on every
 * request, which is what makes revocation immediate.
 */
export async function loadSessionPrincipal(sessionId: string): Promise<SessionPrincipal | null> {
  if (!isUuid(sessionId)) return null;
  // One statement: every page and action starts here, so it is one round trip, not one per relation.
  const [session] = await readRows<PrincipalRow[]>`
    SELECT s."id", s."createdAt", s."revokedAt", s."lastSeenAt", s."activeOrganizationId",
           u."id" AS "userId", u."email", u."name", u."disabledAt", u."passwordChangedAt",
           coalesce((SELECT json_agg(json_build_object(
                       'organizationId', m."organizationId", 'organizationName', o."name", 'role', m."role",
                       'teamIds', coalesce((SELECT json_agg(t."teamId" ORDER BY t."teamId") FROM "TeamMembership" t
                                            WHERE t."organizationId" = m."organizationId" AND t."userId" = m."userId"), '[]'))
                     ORDER BY m."createdAt")
                     FROM "Membership" m JOIN "Organization" o ON o."id" = m."organizationId"
                     WHERE m."userId" = u."id" AND m."disabledAt" IS NULL), '[]') AS "memberships"
    FROM "AuthSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}::uuid`;
  if (!session || session.revokedAt || session.disabledAt) return null;
  if (session.passwordChangedAt > session.createdAt) return null;
  if (Date.now() - session.lastSeenAt.getTime() > 5 * 60_000) {
    await db().authSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date() } });
  }
  return {
    sessionId: session.id,
    user: { id: session.userId, email: session.email, name: session.name },
    activeOrganizationId: session.activeOrganizationId,
    memberships: session.memberships,
  };
}

interface PrincipalRow {
  id: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastSeenAt: Date;
  activeOrganizationId: string | null;
  userId: string;
  email: string;
  name: string;
  disabledAt: Date | null;
  passwordChangedAt: Date;
  memberships: SessionPrincipal["memberships"];
}

export async function revokeAuthSession(sessionId: string) {
  await db().authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

export async function setActiveOrganization(sessionId: string, organizationId: string) {
  await db().authSession.update({ where: { id: sessionId }, data: { activeOrganizationId: organizationId } });
}
