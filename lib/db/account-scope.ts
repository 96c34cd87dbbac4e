import type { TenantContext } from "../tenant";
import type { Prisma } from "./client";

/**
 * The `where` that confines account reads to the caller's organisation and
 * scope. Every account query starts from it; an account outside it does not exist
 * as far as the caller can tell.
 */
export function accountScopeWhere(ctx: TenantContext): Prisma.AccountWhereInput {
  const base = { organizationId: ctx.organizationId };
  switch (ctx.scope.kind) {
    case "organization":
      return base;
    case "teams":
      return { ...base, teamId: { in: ctx.scope.teamIds } };
    case "own":
      return { ...base, ownerId: ctx.scope.userId };
  }
}
