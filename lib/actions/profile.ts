"use server";

import { revalidatePath } from "next/cache";
import { changePassword, switchOrganization } from "../services/profile";
import { changePasswordSchema, switchOrganizationSchema } from "../validation/members";
import { defineAction } from "./define-action";

export const changePasswordAction = defineAction(
  { permission: "profile:manage", input: changePasswordSchema },
  async ({ currentPassword, newPassword }, _ctx, principal) => {
    await changePassword(principal, currentPassword, newPassword);
  },
);

export const switchOrganizationAction = defineAction(
  { permission: "profile:manage", input: switchOrganizationSchema },
  async ({ organizationId }, _ctx, principal) => {
    await switchOrganization(principal, organizationId);
    revalidatePath("/", "layout");
  },
);
