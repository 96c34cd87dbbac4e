import { notFound, redirect } from "next/navigation";
import { getRequestContext, type RequestContext } from "./context";
import { can, type Permission } from "./permissions";
import type { TenantContext } from "../tenant";
import { NotFoundError } from "../errors";

/**
 * For server components: the signed-in user's tenant with `permission` checked.
 * Signed out → login; no organisation → the no-organisation page; a missing
 * permission answers "not found", so pages do not reveal what exists.
 */
export async function requirePageTenant(permission: Permission): Promise<RequestContext & { tenant: TenantContext }> {
  const context = await getRequestContext();
  if (!context) redirect("/login");
  if (!context.tenant) redirect("/no-organization");
  if (!can(context.tenant.role, permission)) notFound();
  return context as RequestContext & { tenant: TenantContext };
}

/** Awaits a read and turns NotFoundError (missing, foreign or out of scope) into the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
