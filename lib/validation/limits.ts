/** Shared with forms in the browser; keep in step with lib/auth/password.ts. */
export const MIN_PASSWORD_LENGTH_CLIENT = 10;
