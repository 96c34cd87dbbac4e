"use server";

import { revalidatePath } from "next/cache";
import { addMember, changeMemberRole, changeMemberTeam, removeMember, setMemberActive } from "../services/members";
import {
  addMemberSchema,
  changeRoleSchema,
  changeTeamSchema,
  memberIdSchema,
  setMemberActiveSchema,
} from "../validation/members";
import { defineAction } from "./define-action";

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
