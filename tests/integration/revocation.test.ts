import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { tenantFromPrincipal } from "@/lib/auth/tenant";
import { createAuthSession, loadSessionPrincipal, revokeAuthSession } from "@/lib/db/sessions";
import { setUserDisabled, setUserPassword } from "@/lib/db/users";
import { changeMemberRole, removeMember, setMemberActive } from "@/lib/services/members";
import { createTestOrg, type TestOrg } from "../support/factories";

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg({ accounts: 10, days: 7 });
});

async function sessionOf(key: string) {
  return (await createAuthSession({ userId: org.userIds[key]! })).id;
}

describe("revocation takes effect on the next request", () => {
  it("logout", async () => {
    const sid = await sessionOf("csm:0:1");
    expect(await loadSessionPrincipal(sid)).not.toBeNull();
    await revokeAuthSession(sid);
    expect(await loadSessionPrincipal(sid)).toBeNull();
  });

  it("disabling the user", async () => {
    const sid = await sessionOf("csm:0:2");
    await setUserDisabled(org.userIds["csm:0:2"]!, true);
    expect(await loadSessionPrincipal(sid)).toBeNull();
    await setUserDisabled(org.userIds["csm:0:2"]!, false);
  });

  it("a password change ends every earlier session", async () => {
    const a = await sessionOf("csm:1:1");
    const b = await sessionOf("csm:1:1");
    await setUserPassword(org.userIds["csm:1:1"]!, await hashPassword("a brand new password"));
    expect(await loadSessionPrincipal(a)).toBeNull();
    expect(await loadSessionPrincipal(b)).toBeNull();
  });

  it("a role change", async () => {
    const admin = await org.contextFor("admin");
    const sid = await sessionOf("csm:1:2");
    await changeMemberRole(admin, org.userIds["csm:1:2"]!, "viewer");
    const principal = await loadSessionPrincipal(sid);
    expect(tenantFromPrincipal(principal!)?.tenant.role).toBe("viewer");
  });

  it("deactivation and removal from the organisation", async () => {
    const admin = await org.contextFor("admin");
    const deactivated = await sessionOf("csm:2:1");
    await setMemberActive(admin, org.userIds["csm:2:1"]!, false);
    expect(tenantFromPrincipal((await loadSessionPrincipal(deactivated))!)).toBeNull();

    const removed = await sessionOf("csm:2:2");
    await removeMember(admin, org.userIds["csm:2:2"]!);
    expect(tenantFromPrincipal((await loadSessionPrincipal(removed))!)).toBeNull();
  });
});
