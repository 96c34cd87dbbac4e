import { db, type Tx } from "./client";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserForLogin(email: string) {
  return db().user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
}

export async function findUserByEmail(email: string) {
  return db().user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, email: true, name: true },
  });
}

export async function getUserPasswordHash(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return user?.passwordHash ?? null;
}

export async function createUser(input: { email: string; name: string; passwordHash: string }, tx: Tx = db()) {
  return tx.user.create({
    data: { email: normalizeEmail(input.email), name: input.name, passwordHash: input.passwordHash },
    select: { id: true, email: true, name: true },
  });
}

/** Sets a new password and revokes every session of the user except `keepSessionId`. */
export async function setUserPassword(userId: string, passwordHash: string, keepSessionId?: string) {
  const now = new Date();
  await db().$transaction([
    db().user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now } }),
    db().authSession.updateMany({
      where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
      data: { revokedAt: now },
    }),
  ]);
}

/** Deployment-wide disable (operators); organisation admins deactivate memberships instead. */
export async function setUserDisabled(userId: string, disabled: boolean) {
  await db().user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
}
