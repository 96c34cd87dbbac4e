"use server";

import { revalidatePath } from "next/cache";
import { acceptInvitation, revokeInvitation } from "../services/invitations";
import { addMember, changeMemberRole, changeMemberTeam, removeMember, setMemberActive } from "../services/members";
import {
  acceptInvitationSchema,
  addMemberSchema,
  changeRoleSchema,
  changeTeamSchema,
  invitationIdSchema,
  memberIdSchema,
  setMemberActiveSchema,
} from "../validation/members";
import { defineAction, defineTokenAction } from "./define-action";

const MEMBERS_PATH = "/settings/members";

export const addMemberAction = defineAction(
  { permission: "members:manage", input: addMemberSchema },
  async (input, ctx) => {
    const result = await addMember(ctx, input);
    revalidatePath(MEMBERS_PATH);
    return result;
  },
);

export const changeMemberRoleAction = defineAction(
  { permission: "members:manage", input: changeRoleSchema },
  async ({ userId, role }, ctx) => {
    await changeMemberRole(ctx, userId, role);
    revalidatePath(MEMBERS_PATH);
  },
);

export const changeMemberTeamAction = defineAction(
  { permission: "members:manage", input: changeTeamSchema },
  async ({ userId, teamId }, ctx) => {
    await changeMemberTeam(ctx, userId, teamId);
    revalidatePath(MEMBERS_PATH);
  },
);

export const setMemberActiveAction = defineAction(
  { permission: "members:manage", input: setMemberActiveSchema },
  async ({ userId, active }, ctx) => {
    await setMemberActive(ctx, userId, active);
    revalidatePath(MEMBERS_PATH);
  },
);

export const removeMemberAction = defineAction(
  { permission: "members:manage", input: memberIdSchema },
  async ({ userId }, ctx) => {
    await removeMember(ctx, userId);
    revalidatePath(MEMBERS_PATH);
  },
);

export const revokeInvitationAction = defineAction(
  { permission: "members:manage", input: invitationIdSchema },
  async ({ invitationId }, ctx) => {
    await revokeInvitation(ctx, invitationId);
    revalidatePath(MEMBERS_PATH);
  },
);

/** Taken by the invitee, who has no session yet: the link's secret is what authenticates it. */
export const acceptInvitationAction = defineTokenAction(
  { input: acceptInvitationSchema },
  ({ token, name, password }) => acceptInvitation(token, { name, password }),
);
