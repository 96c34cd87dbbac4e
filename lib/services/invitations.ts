import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "../auth/password";
import { ROLE_LABELS, type Role } from "../auth/permissions";
import { writeAudit } from "../db/audit";
import { withTransaction } from "../db/client";
import {
  claimInvitation,
  createInvitation,
  deletePendingInvitation,
  deletePendingInvitationsTo,
  findInvitationByTokenHash,
} from "../db/invitations";
import { createMembership } from "../db/memberships";
import { findTeam } from "../db/teams";
import { createUser, findUserByEmail, normalizeEmail } from "../db/users";
import { ConflictError, ValidationError } from "../errors";
import type { TenantContext } from "../tenant";
import { appUrl, mailer, mailFrom } from "./mail";

/** How long an invitation's link works. */
export const INVITATION_DAYS = 7;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface SentInvitation {
  /** The link, shown to the admin once: only its hash is stored. */
  link: string;
  expiresAt: Date;
  /** Whether it went out by email too: "off" without an SMTP server; "failed" leaves the link to pass on by hand. */
  email: "sent" | "failed" | "off";
}

/**
 * Invites someone without a Pulseboard login to the organisation: a link that
 * works once, for INVITATION_DAYS, through which they choose their own
 * password. A new invitation to the same email replaces a pending one. The
 * caller has checked the role may be granted and the team is the organisation's.
 */
export async function inviteMember(
  ctx: TenantContext,
  input: { email: string; name: string; role: Role; teamId: string | null },
  now = new Date(),
): Promise<SentInvitation> {
  const token = randomBytes(32).toString("base64url");
  const email = normalizeEmail(input.email);
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  await withTransaction(async (tx) => {
    await deletePendingInvitationsTo(ctx, email, tx);
    const { id } = await createInvitation(
      ctx,
      { email, name: input.name, role: input.role, teamId: input.teamId, tokenHash: hashToken(token), expiresAt },
      tx,
    );
    await writeAudit(
      ctx,
      {
        action: "member.invite",
        entityType: "invitation",
        entityId: id,
        after: { email, role: input.role, teamId: input.teamId },
      },
      tx,
    );
  });
  const link = `${appUrl()}/invite/${token}`;
  return { link, expiresAt, email: await emailInvitation(email, input.role, link) };
}

/** Emails the link; the invitation stands whatever happens, as the admin is shown the link either way. */
async function emailInvitation(to: string, role: Role, link: string): Promise<SentInvitation["email"]> {
  const transport = mailer();
  if (!transport) return "off";
  try {
    await transport.sendMail({
      from: mailFrom(),
      to,
      subject: "You are invited to Pulseboard",
      text: `You are invited to join Pulseboard as ${ROLE_LABELS[role]}. Choose your password here (the link works once, for ${INVITATION_DAYS} days):\n\n${link}\n`,
    });
    return "sent";
  } catch (error) {
    console.error("invitation email failed", error);
    return "failed";
  }
}

export async function revokeInvitation(ctx: TenantContext, invitationId: string) {
  await withTransaction(async (tx) => {
    await deletePendingInvitation(ctx, invitationId, tx);
    await writeAudit(ctx, { action: "member.invite.revoke", entityType: "invitation", entityId: invitationId }, tx);
  });
}

export type InvitationView =
  | { state: "invalid" }
  | {
      state: "open" | "accepted" | "expired" | "has-login";
      organizationName: string;
      email: string;
      name: string;
      role: Role;
      expiresAt: Date;
    };

/** What an invitation link's page shows: who is invited where, or why the link no longer works. */
export async function viewInvitation(token: string, now = new Date()): Promise<InvitationView> {
  const invitation = await findInvitationByTokenHash(hashToken(token));
  if (!invitation) return { state: "invalid" };
  const view = {
    organizationName: invitation.organizationName,
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
  };
  if (invitation.acceptedAt) return { state: "accepted", ...view };
  if (invitation.expiresAt <= now) return { state: "expired", ...view };
  if (await findUserByEmail(invitation.email)) return { state: "has-login", ...view };
  return { state: "open", ...view };
}

const hasLogin = (email: string, organizationName: string) =>
  new ConflictError(
    `${email} already has a Pulseboard login: sign in with it, and ask an admin to add you to ${organizationName}.`,
  );

const noLongerValid = () =>
  new ValidationError("This invitation link is no longer valid. Ask an admin of the organisation for a new one.");

/**
 * Accepts an invitation: creates the invitee's login with the password they
 * chose and makes them a member with the invited role and team, in one
 * transaction; the link then stops working. A link used, expired or revoked
 * already, or an email that got a login meanwhile, changes nothing.
 */
export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
  now = new Date(),
): Promise<{ organizationName: string; email: string }> {
  // Checked before the password is hashed: a hash costs 32 MiB and tens of milliseconds, which a link that
  // does not work must not buy.
  const view = await viewInvitation(token, now);
  if (view.state === "has-login") throw hasLogin(view.email, view.organizationName);
  if (view.state !== "open") throw noLongerValid();
  const passwordHash = await hashPassword(input.password);
  return withTransaction(async (tx) => {
    const invitation = await claimInvitation(hashToken(token), now, tx);
    if (!invitation) throw noLongerValid();
    // A login made for the same email since the page was read.
    if (await findUserByEmail(invitation.email)) throw hasLogin(invitation.email, view.organizationName);
    const user = await createUser({ email: invitation.email, name: input.name, passwordHash }, tx);
    const ctx: TenantContext = {
      organizationId: invitation.organizationId,
      userId: user.id,
      role: invitation.role,
      scope: { kind: "own", userId: user.id },
    };
    // The team may have been deleted since: then the member joins without one.
    const teamId = invitation.teamId ? ((await findTeam(ctx, invitation.teamId, tx))?.id ?? null) : null;
    await createMembership(ctx, { userId: user.id, role: invitation.role, teamId }, tx);
    await writeAudit(
      ctx,
      {
        action: "member.join",
        entityType: "member",
        entityId: user.id,
        after: { email: user.email, role: invitation.role, teamId, invitation: invitation.id },
      },
      tx,
    );
    return { organizationName: view.organizationName, email: user.email };
  });
}
