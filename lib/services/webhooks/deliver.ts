import { claimDueDeliveries, recordDeliveryResult, type ClaimedDelivery } from "../../db/webhooks";
import { MAX_DELIVERY_ATTEMPTS, retryDelaySeconds, signPayload, SIGNATURE_HEADER } from "../../webhooks/signature";

const TIMEOUT_MS = Number(process.env.PULSEBOARD_WEBHOOK_TIMEOUT_MS ?? 10_000);

export type DeliveryOutcome =
  { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

/** POSTs one signed delivery; any 2xx is success, anything else (or no answer in time) a failure. */
export async function send(d: Pick<ClaimedDelivery, "id" | "event" | "body" | "url" | "secret">, now = new Date()) {
  try {
    const response = await fetch(d.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Pulseboard-Webhooks/1",
        "Pulseboard-Event": d.event,
        "Pulseboard-Delivery": d.id,
        [SIGNATURE_HEADER]: signPayload(d.secret, d.body, Math.floor(now.getTime() / 1000)),
      },
      body: d.body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok
      ? ({ ok: true, statusCode: response.status } as const)
      : ({ ok: false, statusCode: response.status, error: `HTTP ${response.status}` } as const);
  } catch (error) {
    const cause =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return { ok: false, statusCode: null, error: cause } as const;
  }
}

/** Sends a claimed delivery and records the result: delivered, retried later with backoff, or failed for good. */
export async function attempt(d: ClaimedDelivery, now = new Date()): Promise<DeliveryOutcome> {
  const outcome = await send(d, now);
  await recordDeliveryResult(
    d,
    outcome.ok
      ? { ...outcome, at: new Date() }
      : {
          ...outcome,
          retryAt:
            d.attempts >= MAX_DELIVERY_ATTEMPTS ? null : new Date(now.getTime() + retryDelaySeconds(d.attempts) * 1000),
        },
  );
  return outcome;
}

/** One worker pass: every due delivery, a few at a time. Returns how many were delivered and failed. */
export async function deliverDueWebhooks(now = new Date(), organizationIds: string[] | null = null) {
  const totals = { delivered: 0, failed: 0 };
  for (let batch = await claimDueDeliveries(now, 20, organizationIds); batch.length > 0;) {
    const results = await Promise.all(batch.map((d) => attempt(d, now)));
    for (const r of results) totals[r.ok ? "delivered" : "failed"] += 1;
    batch = await claimDueDeliveries(now, 20, organizationIds);
  }
  return totals;
}
