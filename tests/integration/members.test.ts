import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries } from "@/lib/db/audit";
import { listAccounts } from "@/lib/db/accounts";
import { listMembers } from "@/lib/db/memberships";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { login } from "@/lib/services/auth";
import { db } from "@/lib/db/client";
import { acceptInvitation, viewInvitation } from "@/lib/services/invitations";
import { addMember, changeMemberRole, changeMemberTeam, removeMember } from "@/lib/services/members";
import type { TenantContext } from "@/lib/tenant";
import { accountListQuerySchema } from "@/lib/validation/accounts";
import { createTestOrg, type TestOrg } from "../support/factories";

let org: TestOrg;
let admin: TenantContext;
let owner: TenantContext;
beforeAll(async () => {
  org = await createTestOrg({ accounts: 30, days: 7, seed: 9 });
  admin = await org.contextFor("admin");
  owner = await org.contextFor("owner");
});

describe("managing members", () => {
  it("invites a new person, who chooses their password through the link and signs in", async () => {
    const email = `new.csm@${org.plan.slug}.test`;
    const added = await addMember(admin, { email, name: "New CSM", role: "csm", teamId: org.teamIds[0]! });
    if (added.joined) throw new Error("a new person should be invited");
    const token = added.link.split("/invite/")[1]!;
    // Only the link's hash is stored.
    const stored = await db().invitation.findFirstOrThrow({ where: { organizationId: org.organizationId, email } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await listMembers(admin)).some((m) => m.email === email)).toBe(false);
    expect(await viewInvitation(token)).toMatchObject({ state: "open", email, name: "New CSM", role: "csm" });

    await acceptInvitation(token, { name: "Nadia New", password: "a-password-of-my-own" });
    const session = await login({ email, password: "a-password-of-my-own", ip: "127.0.0.9" });
    const row = (await listMembers(admin)).find((m) => m.userId === session.userId)!;
    expect(row).toMatchObject({
      name: "Nadia New",
      role: "csm",
      teams: [expect.objectContaining({ id: org.teamIds[0] })],
    });
    // The link works once.
    expect(await viewInvitation(token)).toMatchObject({ state: "accepted" });
    await expect(acceptInvitation(token, { name: "Again", password: "another-password" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const actions = (await listAuditEntries(admin, { page: 1 })).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["member.invite", "member.join"]));
  });

  it("lets an existing user of another organisation join at once, without an invitation", async () => {
    const other = await createTestOrg({ accounts: 1, days: 1 });
    const result = await addMember(admin, {
      email: other.emailOf("viewer"),
      name: "ignored",
      role: "viewer",
      teamId: null,
    });
    expect(result).toEqual({ joined: true, userId: other.userIds.viewer });
    await expect(
      addMember(admin, { email: other.emailOf("viewer"), name: "x", role: "viewer", teamId: null }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("only owners grant the owner role", async () => {
    await expect(changeMemberRole(admin, org.userIds["viewer"]!, "owner")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeMemberRole(admin, org.userIds.owner!, "viewer")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("never leaves the organisation without an owner", async () => {
    const secondOwner = await org.contextFor("manager:2");
    await changeMemberRole(owner, secondOwner.userId, "owner");
    await changeMemberRole(owner, secondOwner.userId, "manager");
    // The last owner cannot remove or demote themselves, and nobody else can remove them.
    await expect(changeMemberRole(owner, owner.userId, "admin")).rejects.toBeInstanceOf(ValidationError);
    await expect(removeMember(owner, owner.userId)).rejects.toBeInstanceOf(ValidationError);
  });

  it("removing a CSM unassigns their accounts and is audited", async () => {
    const csm = org.userIds["csm:1:1"]!;
    const before = await listAccounts(admin, accountListQuerySchema.parse({ owner: csm }));
    expect(before.total).toBeGreaterThan(0);
    await removeMember(admin, csm);
    expect((await listAccounts(admin, accountListQuerySchema.parse({ owner: csm }))).total).toBe(0);
    const unassigned = await listAccounts(admin, accountListQuerySchema.parse({ owner: "none", size: "100" }));
    expect(unassigned.total).toBeGreaterThanOrEqual(before.total);
    const audit = await listAuditEntries(admin, { area: "member", page: 1 });
    expect(audit.items.find((e) => e.action === "member.remove" && e.entityId === csm)).toMatchObject({
      actorId: admin.userId,
      actorName: expect.any(String),
    });
  });

  it("moves a manager to another team, which changes what they see", async () => {
    const manager = org.userIds["manager:0"]!;
    await changeMemberTeam(admin, manager, org.teamIds[2]!);
    const m = (await listMembers(admin)).find((x) => x.userId === manager)!;
    expect(m.teams).toEqual([{ id: org.teamIds[2], name: "SMB Team", isManager: true }]);
    const ctx = await org.contextFor("manager:0");
    expect(ctx.scope).toEqual({ kind: "teams", teamIds: [org.teamIds[2]] });
  });
});
