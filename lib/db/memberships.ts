import type { Role } from "../auth/permissions";
import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import { db, type Tx } from "./client";

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  teams: { id: string; name: string; isManager: boolean }[];
  accounts: number;
}

export async function listMembers(ctx: TenantContext): Promise<MemberRow[]> {
  const rows = await db().membership.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: [{ user: { name: "asc" } }],
    select: {
      userId: true,
      role: true,
      disabledAt: true,
      user: { select: { name: true, email: true } },
      teams: { select: { isManager: true, team: { select: { id: true, name: true } } } },
      _count: { select: { ownedAccounts: true } },
    },
  });
  return rows.map((r) => ({
    userId: r.userId,
    name: r.user.name,
    email: r.user.email,
    role: r.role,
    disabled: r.disabledAt !== null,
    teams: r.teams.map((t) => ({ ...t.team, isManager: t.isManager })),
    accounts: r._count.ownedAccounts,
  }));
}

export async function getMemberOrThrow(ctx: TenantContext, userId: string, tx: Tx = db()) {
  const member = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: ctx.organizationId, userId } },
    select: { userId: true, role: true, disabledAt: true, teams: { select: { teamId: true } } },
  });
  if (!member) throw new NotFoundError("Member");
  return { ...member, teamIds: member.teams.map((t) => t.teamId) };
}

export async function membershipExists(ctx: TenantContext, userId: string, tx: Tx = db()) {
  const found = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: ctx.organizationId, userId } },
    select: { userId: true },
  });
  return found !== null;
}

export async function countActiveOwners(ctx: TenantContext, tx: Tx = db()) {
  return tx.membership.count({
    where: { organizationId: ctx.organizationId, role: "owner", disabledAt: null },
  });
}

export async function createMembership(
  ctx: TenantContext,
  input: { userId: string; role: Role; teamId?: string | null },
  tx: Tx = db(),
) {
  await tx.membership.create({
    data: { organizationId: ctx.organizationId, userId: input.userId, role: input.role },
  });
  if (input.teamId) await setMemberTeam(ctx, input.userId, input.teamId, input.role, tx);
}

/** Puts the member in exactly one team (or none); managers lead the team they are in. */
export async function setMemberTeam(
  ctx: TenantContext,
  userId: string,
  teamId: string | null,
  role: Role,
  tx: Tx = db(),
) {
  await tx.teamMembership.deleteMany({ where: { organizationId: ctx.organizationId, userId } });
  if (teamId) {
    await tx.teamMembership.create({
      data: { organizationId: ctx.organizationId, teamId, userId, isManager: role === "manager" },
    });
  }
}

export async function updateMembershipRole(ctx: TenantContext, userId: string, role: Role, tx: Tx = db()) {
  await tx.membership.update({
    where: { organizationId_userId: { organizationId: ctx.organizationId, userId } },
    data: { role },
  });
  await tx.teamMembership.updateMany({
    where: { organizationId: ctx.organizationId, userId },
    data: { isManager: role === "manager" },
  });
}

export async function setMembershipDisabled(ctx: TenantContext, userId: string, disabled: boolean, tx: Tx = db()) {
  await tx.membership.update({
    where: { organizationId_userId: { organizationId: ctx.organizationId, userId } },
    data: { disabledAt: disabled ? new Date() : null },
  });
}

/** Removes the member; their accounts become unassigned rather than deleted. */
export async function deleteMembership(ctx: TenantContext, userId: string, tx: Tx = db()) {
  const organizationId = ctx.organizationId;
  await tx.account.updateMany({ where: { organizationId, ownerId: userId }, data: { ownerId: null } });
  await tx.teamMembership.deleteMany({ where: { organizationId, userId } });
  await tx.membership.delete({ where: { organizationId_userId: { organizationId, userId } } });
}
