import { verifyPassword } from "../auth/password";
import { clearLoginFailures, findActiveLock, recordLoginFailure } from "../db/login-throttle";
import { createAuthSession } from "../db/sessions";
import { findUserForLogin, normalizeEmail } from "../db/users";
import { AppError, RateLimitedError } from "../errors";

export const LOGIN_LIMITS = {
  perAccount: 5,
  perClient: 20,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

// Verifying against a real-looking hash when the email is unknown keeps the
// response time the same, so timing does not reveal which emails have accounts.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
  now?: Date;
}

/**
 * Checks credentials and opens a session. Throttled per account and per client:
 * once either is locked, the attempt is refused before any hash is computed.
 */
export async function login(input: LoginInput): Promise<{ userId: string; sessionId: string }> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  const accountKey = `email:${email}`;
  const clientKey = `ip:${input.ip}`;

  const lockedUntil = await findActiveLock([accountKey, clientKey], now);
  if (lockedUntil) {
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
    throw new RateLimitedError(
      `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }

  const user = await findUserForLogin(email);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    await recordLoginFailure(
      [
        { key: accountKey, limit: LOGIN_LIMITS.perAccount },
        { key: clientKey, limit: LOGIN_LIMITS.perClient },
      ],
      now,
      LOGIN_LIMITS.windowMs,
      LOGIN_LIMITS.lockMs,
    );
    throw new AppError("UNAUTHENTICATED", "Email or password is incorrect.");
  }
  if (user.disabledAt) throw new AppError("FORBIDDEN", "This user has been disabled. Ask an administrator.");

  await clearLoginFailures(accountKey);
  const session = await createAuthSession({ userId: user.id, ip: input.ip, userAgent: input.userAgent });
  return { userId: user.id, sessionId: session.id };
}
