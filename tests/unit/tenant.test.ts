import { describe, expect, it } from "vitest";
import { tenantFromPrincipal } from "@/lib/auth/tenant";
import type { SessionPrincipal } from "@/lib/db/sessions";

const principal = (memberships: SessionPrincipal["memberships"], active: string | null = null): SessionPrincipal => ({
  sessionId: "s",
  user: { id: "u1", email: "u@x.test", name: "U" },
  activeOrganizationId: active,
  memberships,
});
const org = (id: string, role: SessionPrincipal["memberships"][number]["role"], teamIds: string[] = []) => ({
  organizationId: id,
  organizationName: id.toUpperCase(),
  role,
  teamIds,
});

describe("tenant of a request", () => {
  it("uses the active organisation when the user is still a member", () => {
    const t = tenantFromPrincipal(principal([org("a", "csm"), org("b", "admin")], "b"));
    expect(t?.tenant).toEqual({ organizationId: "b", userId: "u1", role: "admin", scope: { kind: "organization" } });
  });

  it("falls back to the first membership when the active one is gone", () => {
    expect(tenantFromPrincipal(principal([org("a", "viewer")], "gone"))?.tenant.organizationId).toBe("a");
  });

  it("scopes CSMs to their own book and managers to their teams", () => {
    expect(tenantFromPrincipal(principal([org("a", "csm")]))?.tenant.scope).toEqual({ kind: "own", userId: "u1" });
    expect(tenantFromPrincipal(principal([org("a", "manager", ["t1", "t2"])]))?.tenant.scope).toEqual({
      kind: "teams",
      teamIds: ["t1", "t2"],
    });
  });

  it("has no tenant without a membership", () => {
    expect(tenantFromPrincipal(principal([]))).toBeNull();
  });
});
