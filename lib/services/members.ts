import { generateTemporaryPassword, hashPassword } from "../auth/password";
import { canAssignRole, type Role } from "../auth/permissions";
import { withTransaction } from "../db/client";
import { writeAudit } from "../db/audit";
import {
  countActiveOwners,
  createMembership,
  deleteMembership,
  getMemberOrThrow,
  membershipExists,
  setMemberTeam,
  setMembershipDisabled,
  updateMembershipRole,
} from "../db/memberships";
import { getTeamOrThrow } from "../db/teams";
import { createUser, findUserByEmail } from "../db/users";
import { ConflictError, ForbiddenError, ValidationError } from "../errors";
import type { TenantContext } from "../tenant";

function assertMayAssign(ctx: TenantContext, role: Role) {
  if (!canAssignRole(ctx.role, role)) throw new ForbiddenError("Only an owner can grant or remove the owner role.");
}

/**
 * Adds a person to the organisation. A new user gets a temporary password that
 * is returned once for the admin to pass on; an existing user simply joins.
 */
export async function addMember(
  ctx: TenantContext,
  input: { email: string; name: string; role: Role; teamId: string | null },
): Promise<{ userId: string; temporaryPassword: string | null }> {
  assertMayAssign(ctx, input.role);
  if (input.teamId) await getTeamOrThrow(ctx, input.teamId);
  const existing = await findUserByEmail(input.email);
  const temporaryPassword = existing ? null : generateTemporaryPassword();
  const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : null;
  const userId = await withTransaction(async (tx) => {
    const user =
      existing ?? (await createUser({ email: input.email, name: input.name, passwordHash: passwordHash! }, tx));
    if (await membershipExists(ctx, user.id, tx))
      throw new ConflictError(`${user.email} is already a member.`, { email: ["is already a member"] });
    await createMembership(ctx, { userId: user.id, role: input.role, teamId: input.teamId }, tx);
    await writeAudit(
      ctx,
      {
        action: "member.add",
        entityType: "member",
        entityId: user.id,
        after: { email: user.email, role: input.role, teamId: input.teamId },
      },
      tx,
    );
    return user.id;
  });
  return { userId, temporaryPassword };
}

async function assertKeepsAnOwner(
  ctx: TenantContext,
  userId: string,
  currentRole: Role,
  tx: Parameters<typeof countActiveOwners>[1],
) {
  if (currentRole === "owner" && (await countActiveOwners(ctx, tx)) <= 1) {
    throw new ValidationError("An organisation needs at least one owner; make someone else owner first.", {
      userId: ["is the last owner"],
    });
  }
  void userId;
}

export async function changeMemberRole(ctx: TenantContext, userId: string, role: Role) {
  if (userId === ctx.userId)
    throw new ValidationError("You cannot change your own role.", { role: ["cannot change your own role"] });
  await withTransaction(async (tx) => {
    const member = await getMemberOrThrow(ctx, userId, tx);
    assertMayAssign(ctx, member.role);
    assertMayAssign(ctx, role);
    if (member.role === role) return;
    await assertKeepsAnOwner(ctx, userId, member.role, tx);
    await updateMembershipRole(ctx, userId, role, tx);
    await writeAudit(
      ctx,
      { action: "member.role", entityType: "member", entityId: userId, before: { role: member.role }, after: { role } },
      tx,
    );
  });
}

export async function changeMemberTeam(ctx: TenantContext, userId: string, teamId: string | null) {
  if (teamId) await getTeamOrThrow(ctx, teamId);
  await withTransaction(async (tx) => {
    const member = await getMemberOrThrow(ctx, userId, tx);
    assertMayAssign(ctx, member.role);
    await setMemberTeam(ctx, userId, teamId, member.role, tx);
    await writeAudit(
      ctx,
      {
        action: "member.team",
        entityType: "member",
        entityId: userId,
        before: { teamIds: member.teamIds },
        after: { teamId },
      },
      tx,
    );
  });
}

export async function setMemberActive(ctx: TenantContext, userId: string, active: boolean) {
  if (userId === ctx.userId) throw new ValidationError("You cannot deactivate yourself.", { userId: ["is you"] });
  await withTransaction(async (tx) => {
    const member = await getMemberOrThrow(ctx, userId, tx);
    assertMayAssign(ctx, member.role);
    if (!active) await assertKeepsAnOwner(ctx, userId, member.role, tx);
    await setMembershipDisabled(ctx, userId, !active, tx);
    await writeAudit(
      ctx,
      { action: active ? "member.reactivate" : "member.deactivate", entityType: "member", entityId: userId },
      tx,
    );
  });
}

export async function removeMember(ctx: TenantContext, userId: string) {
  if (userId === ctx.userId) throw new ValidationError("You cannot remove yourself.", { userId: ["is you"] });
  await withTransaction(async (tx) => {
    const member = await getMemberOrThrow(ctx, userId, tx);
    assertMayAssign(ctx, member.role);
    await assertKeepsAnOwner(ctx, userId, member.role, tx);
    await deleteMembership(ctx, userId, tx);
    await writeAudit(
      ctx,
      {
        action: "member.remove",
        entityType: "member",
        entityId: userId,
        before: { role: member.role, teamIds: member.teamIds },
      },
      tx,
    );
  });
}
