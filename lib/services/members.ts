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
import { findUserByEmail } from "../db/users";
import { ConflictError, ForbiddenError, ValidationError } from "../errors";
import type { TenantContext } from "../tenant";
import { inviteMember, type SentInvitation } from "./invitations";

function assertMayAssign(ctx: TenantContext, role: Role) {
  if (!canAssignRole(ctx.role, role)) throw new ForbiddenError("Only an owner can grant or remove the owner role.");
}

/** What adding a member did: an existing login joined at once, or a new person was sent an invitation. */
export type AddedMember = { joined: true; userId: string } | ({ joined: false } & SentInvitation);

/**
 * Adds a person to the organisation. Someone who has a Pulseboard login joins
 * at once; anyone else is invited, and chooses their own password through the
 * invitation's link (no administrator ever sees it).
 */
export async function addMember(
  ctx: TenantContext,
  input: { email: string; name: string; role: Role; teamId: string | null },
): Promise<AddedMember> {
  assertMayAssign(ctx, input.role);
  if (input.teamId) await getTeamOrThrow(ctx, input.teamId);
  const existing = await findUserByEmail(input.email);
  if (!existing) return { joined: false, ...(await inviteMember(ctx, input)) };
  await withTransaction(async (tx) => {
    if (await membershipExists(ctx, existing.id, tx))
      throw new ConflictError(`${existing.email} is already a member.`, { email: ["is already a member"] });
    await createMembership(ctx, { userId: existing.id, role: input.role, teamId: input.teamId }, tx);
    await writeAudit(
      ctx,
      {
        action: "member.add",
        entityType: "member",
        entityId: existing.id,
        after: { email: existing.email, role: input.role, teamId: input.teamId },
      },
      tx,
    );
  });
  return { joined: true, userId: existing.id };
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
