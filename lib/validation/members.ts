import { z } from "zod";
import { MIN_PASSWORD_LENGTH_CLIENT } from "./limits";

export const roleSchema = z.enum(["owner", "admin", "manager", "csm", "viewer"], {
  error: "must be one of owner, admin, manager, CSM or viewer",
});

const optionalTeam = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(z.uuid({ error: "is not a team of this organisation" }).nullable());

export const addMemberSchema = z.object({
  email: z.email({ error: "must be a valid email address" }).trim().max(200),
  name: z.string().trim().min(1, "is required").max(120),
  role: roleSchema,
  teamId: optionalTeam.optional().default(null),
});

export const changeRoleSchema = z.object({ userId: z.uuid({ error: "is not a member" }), role: roleSchema });
export const changeTeamSchema = z.object({ userId: z.uuid({ error: "is not a member" }), teamId: optionalTeam });
export const memberIdSchema = z.object({ userId: z.uuid({ error: "is not a member" }) });
export const setMemberActiveSchema = z.object({
  userId: z.uuid({ error: "is not a member" }),
  active: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});

export const invitationIdSchema = z.object({ invitationId: z.uuid({ error: "is not an invitation" }) });

const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH_CLIENT, `must be at least ${MIN_PASSWORD_LENGTH_CLIENT} characters`)
  .max(200);

/** Accepting an invitation: its link's secret, and the invitee's name and chosen password (typed twice). */
export const acceptInvitationSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "is not an invitation link"),
    name: z.string().trim().min(1, "is required").max(120),
    password: newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "does not match the password",
  });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "is required"),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "does not match the new password",
  });

export const switchOrganizationSchema = z.object({ organizationId: z.uuid({ error: "is not an organisation" }) });
