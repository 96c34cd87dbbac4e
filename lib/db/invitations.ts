import type { Role } from "../auth/permissions";
import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import { db, type Tx } from "./client";

export interface PendingInvitation {
  id: string;
  email: string;
  name: string;
  role: Role;
  team: string | null;
  invitedBy: string;
  expiresAt: Date;
  expired: boolean;
}

export async function createInvitation(
  ctx: TenantContext,
  input: { email: string; name: string; role: Role; teamId: string | null; tokenHash: string; expiresAt: Date },
  tx: Tx = db(),
) {
  return tx.invitation.create({
    data: { organizationId: ctx.organizationId, invitedById: ctx.userId, ...input },
    select: { id: true },
  });
}

/** Invitations not yet accepted, newest first (expired ones too, for the admin to see and revoke). */
export async function listPendingInvitations(ctx: TenantContext, now = new Date()): Promise<PendingInvitation[]> {
  const rows = await db().invitation.findMany({
    where: { organizationId: ctx.organizationId, acceptedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, name: true, role: true, teamId: true, invitedById: true, expiresAt: true },
  });
  const [teams, users] = await Promise.all([
    db().team.findMany({
      where: { organizationId: ctx.organizationId, id: { in: rows.flatMap((r) => (r.teamId ? [r.teamId] : [])) } },
      select: { id: true, name: true },
    }),
    db().user.findMany({ where: { id: { in: rows.map((r) => r.invitedById) } }, select: { id: true, name: true } }),
  ]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    team: r.teamId ? (teamName.get(r.teamId) ?? null) : null,
    invitedBy: userName.get(r.invitedById) ?? "—",
    expiresAt: r.expiresAt,
    expired: r.expiresAt <= now,
  }));
}

/** A pending invitation to the same email, which a new one replaces. */
export async function deletePendingInvitationsTo(ctx: TenantContext, email: string, tx: Tx = db()) {
  await tx.invitation.deleteMany({ where: { organizationId: ctx.organizationId, email, acceptedAt: null } });
}

/** Deletes a pending invitation of the organisation (its link stops working); another organisation's: not found. */
export async function deletePendingInvitation(ctx: TenantContext, id: string, tx: Tx = db()) {
  const gone = await tx.invitation.deleteMany({ where: { organizationId: ctx.organizationId, id, acceptedAt: null } });
  if (gone.count === 0) throw new NotFoundError("Invitation");
}

/** An invitation by its link's hash, with its organisation's name, whatever its state (the page says which). */
export async function findInvitationByTokenHash(tokenHash: string) {
  const invitation = await db().invitation.findUnique({
    where: { tokenHash },
    select: {
      organizationId: true,
      id: true,
      email: true,
      name: true,
      role: true,
      teamId: true,
      expiresAt: true,
      acceptedAt: true,
    },
  });
  if (!invitation) return null;
  const organization = await db().organization.findUnique({
    where: { id: invitation.organizationId },
    select: { name: true },
  });
  return organization ? { ...invitation, organizationName: organization.name } : null;
}

/**
 * Marks the invitation with this link accepted, if it still may be (not
 * accepted, not expired); answers it, or null. Two acceptances at once: one
 * wins, the other waits for it and finds it accepted.
 */
export async function claimInvitation(tokenHash: string, now: Date, tx: Tx) {
  const claimed = await tx.invitation.updateManyAndReturn({
    where: { tokenHash, acceptedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
    select: { organizationId: true, id: true, email: true, role: true, teamId: true },
  });
  return claimed[0] ?? null;
}
