import type { SessionPrincipal } from "../db/sessions";
import type { TenantContext } from "../tenant";
import { accountScopeKind } from "./permissions";

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
  const kind = accountScopeKind(membership.role);
  const scope =
    kind === "own"
      ? ({ kind, userId: principal.user.id } as const)
      : kind === "teams"
        ? ({ kind, teamIds: membership.teamIds } as const)
        : ({ kind } as const);
  return {
    tenant: { organizationId: membership.organizationId, userId: principal.user.id, role: membership.role, scope },
    organizationName: membership.organizationName,
  };
}
