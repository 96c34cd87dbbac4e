import { hashPassword, verifyPassword } from "../auth/password";
import type { SessionPrincipal } from "../db/sessions";
import { setActiveOrganization } from "../db/sessions";
import { getUserPasswordHash, setUserPassword } from "../db/users";
import { NotFoundError, ValidationError } from "../errors";

/** Changes the password and signs out every other session of the user. */
export async function changePassword(principal: SessionPrincipal, currentPassword: string, newPassword: string) {
  const stored = await getUserPasswordHash(principal.user.id);
  if (!stored || !(await verifyPassword(currentPassword, stored))) {
    throw new ValidationError("The current password is incorrect.", { currentPassword: ["is incorrect"] });
  }
  // The current session began before the change, so it is replaced: the user signs in again.
  await setUserPassword(principal.user.id, await hashPassword(newPassword));
}

/** Makes `organizationId` the session's working organisation; only one the user belongs to. */
export async function switchOrganization(principal: SessionPrincipal, organizationId: string) {
  if (!principal.memberships.some((m) => m.organizationId === organizationId)) throw new NotFoundError("Organisation");
  await setActiveOrganization(principal.sessionId, organizationId);
}
