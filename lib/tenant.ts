import type { Role } from "./auth/permissions";

/** Which accounts a caller may see inside their organisation. */
export type AccountScope =
  { kind: "organization" } | { kind: "teams"; teamIds: string[] } | { kind: "own"; userId: string };

/**
 * Who is acting and for which organisation. Built only from the authenticated
 * session (or an API key) — never from anything the client sends — and passed to
 * every repository, which puts `organizationId` in its `where`.
 */
export interface TenantContext {
  organizationId: string;
  userId: string;
  role: Role;
  scope: AccountScope;
}
