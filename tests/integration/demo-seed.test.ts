import { describe, expect, it } from "vitest";
import { tenantFromPrincipal } from "@/lib/auth/tenant";
import { getAccountOrThrow, listAccounts } from "@/lib/db/accounts";
import { createAuthSession, loadSessionPrincipal } from "@/lib/db/sessions";
import { findUserByEmail } from "@/lib/db/users";
import { NotFoundError } from "@/lib/errors";
import { login } from "@/lib/services/auth";
import { DEMO_PASSWORD, seedDemo } from "@/lib/services/demo-seed";
import { accountListQuerySchema } from "@/lib/validation/accounts";

async function tenantOf(email: string, organizationName?: string) {
  const user = await findUserByEmail(email);
  const principal = await loadSessionPrincipal((await createAuthSession({ userId: user!.id })).id);
  const orgId = principal!.memberships.find(
    (m) => !organizationName || m.organizationName === organizationName,
  )!.organizationId;
  return tenantFromPrincipal({ ...principal!, activeOrganizationId: orgId })!.tenant;
}

describe("demo seed", () => {
  it("loads both organisations once, with logins that work, and keeps them apart", { timeout: 120_000 }, async () => {
    const first = await seedDemo();
    const again = await seedDemo();
    expect(again.created).toBe(false);
    expect(first.logins.filter((l) => l.organization === "Acme Cloud")).toHaveLength(12);

    await expect(
      login({ email: "csm1.growth@acme.example", password: DEMO_PASSWORD, ip: "127.0.0.50" }),
    ).resolves.toHaveProperty("sessionId");

    const acmeAdmin = await tenantOf("admin@acme.example", "Acme Cloud");
    const globexOwner = await tenantOf("owner@globex.example");
    const all = accountListQuerySchema.parse({ size: "100" });
    expect((await listAccounts(acmeAdmin, all)).total).toBe(800);
    const globex = await listAccounts(globexOwner, all);
    expect(globex.total).toBe(40);
    await expect(getAccountOrThrow(acmeAdmin, globex.items[0]!.id)).rejects.toBeInstanceOf(NotFoundError);

    // The Acme admin also belongs to Globex (as a viewer) and sees it only after switching.
    const adminInGlobex = await tenantOf("admin@acme.example", "Globex Logistics");
    expect(adminInGlobex.role).toBe("viewer");
    expect((await listAccounts(adminInGlobex, all)).total).toBe(40);
  });
});
