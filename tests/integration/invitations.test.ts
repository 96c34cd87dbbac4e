import { beforeAll, describe, expect, it, vi } from "vitest";
import * as passwords from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { listPendingInvitations } from "@/lib/db/invitations";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { acceptInvitation, revokeInvitation, viewInvitation } from "@/lib/services/invitations";
import { addMember } from "@/lib/services/members";
import type { TenantContext } from "@/lib/tenant";
import { createTestOrg, type TestOrg } from "../support/factories";
import { startTestSmtp } from "../support/smtp";

vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...original, hashPassword: vi.fn(original.hashPassword) };
});

let org: TestOrg;
let other: TestOrg;
let admin: TenantContext;
beforeAll(async () => {
  [org, other] = await Promise.all([
    createTestOrg({ accounts: 2, days: 1, seed: 71 }),
    createTestOrg({ accounts: 1, days: 1, seed: 72 }),
  ]);
  admin = await org.contextFor("admin");
});

async function invite(email: string, role: "csm" | "owner" = "csm", ctx = admin) {
  const added = await addMember(ctx, { email, name: "Invitee", role, teamId: null });
  if (added.joined) throw new Error(`${email} joined instead of being invited`);
  return added.link.split("/invite/")[1]!;
}

const password = "a-long-enough-password";

describe("invitations", () => {
  it("stop working once expired", async () => {
    const email = `late@${org.plan.slug}.test`;
    const token = await invite(email);
    await db().invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await viewInvitation(token)).toMatchObject({ state: "expired", email });
    await expect(acceptInvitation(token, { name: "Late", password })).rejects.toBeInstanceOf(ValidationError);
    expect(await db().user.count({ where: { email } })).toBe(0);
    expect((await listPendingInvitations(admin)).find((i) => i.email === email)).toMatchObject({ expired: true });
  });

  it("are revoked by an admin of their organisation only, and a revoked link does nothing", async () => {
    const email = `revoked@${org.plan.slug}.test`;
    const token = await invite(email);
    const { id } = (await listPendingInvitations(admin)).find((i) => i.email === email)!;
    await expect(revokeInvitation(await other.contextFor("admin"), id)).rejects.toBeInstanceOf(NotFoundError);
    await revokeInvitation(admin, id);
    expect(await viewInvitation(token)).toEqual({ state: "invalid" });
    await expect(acceptInvitation(token, { name: "Revoked", password })).rejects.toBeInstanceOf(ValidationError);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("are replaced by a new invitation to the same person: only the newest link works", async () => {
    const email = `twice@${org.plan.slug}.test`;
    const first = await invite(email);
    const second = await invite(email);
    expect(await viewInvitation(first)).toEqual({ state: "invalid" });
    expect(await viewInvitation(second)).toMatchObject({ state: "open" });
    expect((await listPendingInvitations(admin)).filter((i) => i.email === email)).toHaveLength(1);
  });

  it("refuse an email that got a login meanwhile, changing nothing", async () => {
    const email = `meanwhile@${org.plan.slug}.test`;
    const token = await invite(email);
    // The same person joins another organisation through its own invitation first.
    const elsewhere = await invite(email, "csm", await other.contextFor("admin"));
    await acceptInvitation(elsewhere, { name: "Meanwhile", password });
    expect(await viewInvitation(token)).toMatchObject({ state: "has-login" });
    const hashes = vi.mocked(passwords.hashPassword).mock.calls.length;
    await expect(acceptInvitation(token, { name: "Meanwhile", password })).rejects.toBeInstanceOf(ConflictError);
    expect(vi.mocked(passwords.hashPassword).mock.calls.length).toBe(hashes);
    // Undone whole: the link still waits (an admin adds the existing login instead).
    expect((await listPendingInvitations(admin)).some((i) => i.email === email)).toBe(true);
  });

  it("accepted twice at once make one login and one member", async () => {
    const email = `race@${org.plan.slug}.test`;
    const token = await invite(email);
    const results = await Promise.allSettled([
      acceptInvitation(token, { name: "Race A", password }),
      acceptInvitation(token, { name: "Race B", password }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { email } })).toBe(1);
  });

  it("grant the owner role only when an owner invites", async () => {
    await expect(invite(`owner@${org.plan.slug}.test`, "owner")).rejects.toBeInstanceOf(ForbiddenError);
    const token = await invite(`owner@${org.plan.slug}.test`, "owner", await org.contextFor("owner"));
    expect(await viewInvitation(token)).toMatchObject({ state: "open", role: "owner" });
  });

  it("an unknown link is not valid", async () => {
    expect(await viewInvitation("x".repeat(43))).toEqual({ state: "invalid" });
    await expect(acceptInvitation("x".repeat(43), { name: "Nobody", password })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("are emailed when SMTP is configured, and a failed email keeps the invitation and its link", async () => {
    const smtp = await startTestSmtp();
    const email = `mailed@${org.plan.slug}.test`;
    let added;
    try {
      added = await addMember(admin, { email, name: "Mailed", role: "viewer", teamId: null });
    } finally {
      await smtp.stop();
    }
    if (added.joined) throw new Error("a new person should be invited");
    expect(added.email).toBe("sent");
    const mail = smtp.mails.find((m) => m.to === email)!;
    expect(mail.body).toContain("Subject: You are invited to Pulseboard");
    expect(mail.body.replace(/=\r?\n/g, "")).toContain(added.link);

    // A mail server that cannot be reached: the admin still gets the link, and it works.
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    const unsent = await addMember(admin, {
      email: `unsent@${org.plan.slug}.test`,
      name: "Unsent",
      role: "viewer",
      teamId: null,
    }).finally(() => delete process.env.SMTP_URL);
    if (unsent.joined) throw new Error("a new person should be invited");
    expect(unsent.email).toBe("failed");
    expect(await viewInvitation(unsent.link.split("/invite/")[1]!)).toMatchObject({ state: "open" });
  });
});
