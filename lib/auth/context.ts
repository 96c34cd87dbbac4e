import { getServerSession } from "next-auth";
import { cache } from "react";
import { loadSessionPrincipal, type SessionPrincipal } from "../db/sessions";
import { ForbiddenError, UnauthenticatedError } from "../errors";
import type { TenantContext } from "../tenant";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";
import { tenantFromPrincipal } from "./tenant";

export interface RequestContext {
  principal: SessionPrincipal;
  /** Null when the user belongs to no organisation (yet). */
  tenant: TenantContext | null;
  organizationName: string | null;
}

/**
 * The one choke point for "who is calling": the session cookie, then the live
 * session row, user and membership. Cached per request.
 */
export const getRequestContext = cache(async (): Promise<RequestContext | null> => {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  if (!session?.sid) return null;
  const principal = await loadSessionPrincipal(session.sid);
  if (!principal) return null;
  const resolved = tenantFromPrincipal(principal);
  return { principal, tenant: resolved?.tenant ?? null, organizationName: resolved?.organizationName ?? null };
});

/** The tenant for an action or route, with `permission` checked; throws otherwise. */
export async function requireTenant(
  permission: Permission,
): Promise<{ ctx: TenantContext; principal: SessionPrincipal }> {
  const context = await getRequestContext();
  if (!context) throw new UnauthenticatedError();
  if (!context.tenant) throw new ForbiddenError("You are not a member of any organisation.");
  if (!can(context.tenant.role, permission)) throw new ForbiddenError();
  return { ctx: context.tenant, principal: context.principal };
}
