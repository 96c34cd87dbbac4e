import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Outbound webhook signatures. Every delivery carries
 *
 *   Pulseboard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the webhook's secret>
 *
 * A receiver recomputes the HMAC over the raw body it got, compares in constant
 * time, and rejects timestamps older than a few minutes (replays).
 */
export const SIGNATURE_HEADER = "Pulseboard-Signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signPayload(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** Checks a signature header against the raw body, at `now` (unix seconds). */
export function verifySignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  now: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): VerifyResult {
  const parts = new Map((header ?? "").split(",").map((p) => p.split("=", 2) as [string, string]));
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(timestamp) || !given) return { ok: false, reason: "malformed signature header" };
  if (Math.abs(now - timestamp) > toleranceSeconds) return { ok: false, reason: "timestamp outside tolerance" };
  const expected = Buffer.from(hmac(secret, timestamp, body), "hex");
  const actual = Buffer.from(given, "hex");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return { ok: false, reason: "signature does not match" };
  }
  return { ok: true };
}

/** Seconds to wait before retry number `attempt` (1-based): 1 min, 4, 16, 64, then 256. */
export function retryDelaySeconds(attempt: number): number {
  return 60 * 4 ** Math.min(Math.max(attempt - 1, 0), 4);
}

export const MAX_DELIVERY_ATTEMPTS = 6;

export const WEBHOOK_EVENTS = ["alert.raised", "alert.resolved", "tier.changed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
