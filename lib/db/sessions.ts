import type { Role } from "../auth/permissions";
import { db } from "./client";

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
  const session = await db().authSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      createdAt: true,
      revokedAt: true,
      lastSeenAt: true,
      activeOrganizationId: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          disabledAt: true,
          passwordChangedAt: true,
          memberships: {
            where: { disabledAt: null },
            orderBy: { createdAt: "asc" },
            select: {
              organizationId: true,
              role: true,
              organization: { select: { name: true } },
              teams: { select: { teamId: true } },
            },
          },
        },
      },
    },
  });
  if (!session || session.revokedAt || session.user.disabledAt) return null;
  if (session.user.passwordChangedAt > session.createdAt) return null;
  if (Date.now() - session.lastSeenAt.getTime() > 5 * 60_000) {
    await db().authSession.update({ where: { id: sessionId }, data: { lastSeenAt: new Date() } });
  }
  const { user } = session;
  return {
    sessionId: session.id,
    user: { id: user.id, email: user.email, name: user.name },
    activeOrganizationId: session.activeOrganizationId,
    memberships: user.memberships.map((m) => ({
      organizationId: m.organizationId,
      organizationName: m.organization.name,
      role: m.role,
      teamIds: m.teams.map((t) => t.teamId),
    })),
  };
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
