import { describe, expect, it } from "vitest";
import {
  accountScopeKind,
  can,
  canAssignRole,
  PERMISSION_NAMES,
  ROLES,
  type Permission,
  type Role,
} from "@/lib/auth/permissions";

// The matrix as the product defines it, written out independently of the code:
// O = owner, A = admin, M = manager, C = CSM, V = viewer.
const EXPECTED: Record<Permission, string> = {
  "profile:manage": "OAMCV",
  "accounts:read": "OAMCV",
  "accounts:write": "OA",
  "notes:write": "OAMC",
  "members:read": "OAM",
  "members:manage": "OA",
  "owners:manage": "O",
  "teams:manage": "OA",
  "models:read": "OAM",
  "models:edit": "OA",
  "imports:run": "OA",
  "apiKeys:manage": "OA",
  "webhooks:manage": "OA",
  "alerts:work": "OAMC",
  "alertRules:manage": "OA",
  "overrides:write": "OAMC",
  "scores:recompute": "OA",
  "audit:read": "OA",
  "org:manage": "OA",
  "trends:read": "OAMV",
  "priorities:manage": "OA",
};
const LETTER: Record<Role, string> = { owner: "O", admin: "A", manager: "M", csm: "C", viewer: "V" };

describe("permission matrix", () => {
  it("declares exactly the permissions the product defines", () => {
    expect([...PERMISSION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(LETTER[role]);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(allowed);
      });
    }
  }

  it("gives owners every permission and viewers only reading", () => {
    expect(PERMISSION_NAMES.every((p) => can("owner", p))).toBe(true);
    expect(PERMISSION_NAMES.filter((p) => can("viewer", p)).sort()).toEqual([
      "accounts:read",
      "profile:manage",
      "trends:read",
    ]);
  });
});

describe("account scope", () => {
  it.each([
    ["csm", "own"],
    ["manager", "teams"],
    ["admin", "organization"],
    ["owner", "organization"],
    ["viewer", "organization"],
  ] as const)("%s sees %s accounts", (role, scope) => {
    expect(accountScopeKind(role)).toBe(scope);
  });
});

describe("role assignment", () => {
  it("lets only owners grant or take the owner role", () => {
    expect(canAssignRole("owner", "owner")).toBe(true);
    expect(canAssignRole("admin", "owner")).toBe(false);
    expect(canAssignRole("admin", "admin")).toBe(true);
    expect(canAssignRole("admin", "csm")).toBe(true);
  });

  it("refuses anyone without members:manage", () => {
    for (const role of ["manager", "csm", "viewer"] as const) {
      for (const target of ROLES) expect(canAssignRole(role, target)).toBe(false);
    }
  });
});
