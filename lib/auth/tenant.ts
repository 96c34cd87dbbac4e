import type { SessionPrincipal } from "../db/sessions";
import type { AccountScope, TenantContext } from "../tenant";
import { accountScopeKind, type Role } from "./permissions";

/** The accounts a member with this role sees: their own, their teams', or the organisation's. */
export function scopeFor(role: Role, userId: string, teamIds: string[]): AccountScope {
  const kind = accountScopeKind(role);
  return kind === "own" ? { kind, userId } : kind === "teams" ? { kind, teamIds } : { kind };
}

/**
 * The tenant of a request: the principal's membership in the session's active
 * organisation (or their first, when that membership is gone), with the account
 * scope their role allows.
 */
export function tenantFromPrincipal(
  principal: SessionPrincipal,
): { tenant: TenantContext; organizationName: string } | null {
  const membership =
    principal.memberships.find((m) => m.organizationId === principal.activeOrganizationId) ?? principal.memberships[0];
  if (!membership) return null;
  const scope = scopeFor(membership.role, principal.user.id, membership.teamIds);
  return {
    tenant: { organizationId: membership.organizationId, userId: principal.user.id, role: membership.role, scope },
    organizationName: membership.organizationName,
  };
}
