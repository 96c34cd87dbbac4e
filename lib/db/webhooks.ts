import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import { db } from "./client";

export interface WebhookInput {
  name: string;
  url: string;
  events: string[];
  secret: string;
}

export async function insertWebhook(ctx: TenantContext, input: WebhookInput) {
  return db().webhook.create({
    data: { organizationId: ctx.organizationId, ...input },
    select: { id: true, name: true, url: true, events: true, enabled: true },
  });
}

export async function getWebhook(ctx: TenantContext, id: string) {
  const hook = await db().webhook.findFirst({
    where: { organizationId: ctx.organizationId, id },
    select: { id: true, name: true, url: true, events: true, enabled: true, secret: true },
  });
  if (!hook) throw new NotFoundError("Webhook");
  return hook;
}

export async function updateWebhookRow(ctx: TenantContext, id: string, data: { enabled?: boolean; events?: string[] }) {
  const { count } = await db().webhook.updateMany({ where: { organizationId: ctx.organizationId, id }, data });
  if (count === 0) throw new NotFoundError("Webhook");
}

export async function deleteWebhookRow(ctx: TenantContext, id: string) {
  const { count } = await db().webhook.deleteMany({ where: { organizationId: ctx.organizationId, id } });
  if (count === 0) throw new NotFoundError("Webhook");
}

/** The organisation's webhooks with their delivery health over the last 7 days. */
export async function listWebhooks(ctx: TenantContext) {
  const [hooks, stats] = await Promise.all([
    db().webhook.findMany({
      where: { organizationId: ctx.organizationId },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, url: true, events: true, enabled: true, secret: true, createdAt: true },
    }),
    db().webhookDelivery.groupBy({
      by: ["webhookId", "status"],
      where: { organizationId: ctx.organizationId, createdAt: { gte: new Date(Date.now() - 7 * 86_400_000) } },
      _count: { _all: true },
    }),
  ]);
  return hooks.map((h) => {
    const mine = stats.filter((s) => s.webhookId === h.id);
    const count = (status: string) => mine.find((s) => s.status === status)?._count._all ?? 0;
    return {
      ...h,
      createdAt: h.createdAt.toISOString(),
      delivered: count("delivered"),
      failed: count("failed"),
      pending: count("pending") + count("sending"),
    };
  });
}

/** The latest deliveries of the organisation's webhooks (or one), newest first. */
export async function listDeliveries(ctx: TenantContext, webhookId?: string, limit = 50) {
  const rows = await db().webhookDelivery.findMany({
    where: { organizationId: ctx.organizationId, ...(webhookId ? { webhookId } : {}) },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      webhookId: true,
      event: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      createdAt: true,
      deliveredAt: true,
      nextAttemptAt: true,
      webhook: { select: { name: true, url: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: r.status === "pending" ? (r.nextAttemptAt?.toISOString() ?? null) : null,
  }));
}

export interface ClaimedDelivery {
  organizationId: string;
  id: string;
  event: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

/** Lease on a claimed delivery: a worker that dies mid-send leaves it to be retried after this. */
const LEASE_MS = 10 * 60_000;

/** Claims up to `limit` deliveries that are due (or whose sender died), oldest first. */
export async function claimDueDeliveries(now: Date, limit = 50, organizationIds: string[] | null = null) {
  return db().$queryRaw<ClaimedDelivery[]>`
    UPDATE "WebhookDelivery" d
    SET "status" = 'sending', "attempts" = d."attempts" + 1, "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    FROM "Webhook" w
    WHERE w."organizationId" = d."organizationId" AND w."id" = d."webhookId"
      AND (d."organizationId", d."id") IN (
        SELECT "organizationId", "id" FROM "WebhookDelivery"
        WHERE "status" IN ('pending', 'sending') AND "nextAttemptAt" <= ${now}
          AND (${organizationIds}::uuid[] IS NULL OR "organizationId" = ANY(${organizationIds}::uuid[]))
        ORDER BY "nextAttemptAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING d."organizationId"::text, d."id"::text, d."event", d."payload"::text AS "body", d."attempts", w."url", w."secret"`;
}

/** Queues one delivery to one webhook (the "send test" button). */
export async function insertDelivery(ctx: TenantContext, webhookId: string, event: string, payload: object) {
  return db().webhookDelivery.create({
    data: {
      organizationId: ctx.organizationId,
      webhookId,
      event,
      payload,
      status: "sending",
      attempts: 1,
      nextAttemptAt: new Date(Date.now() + LEASE_MS),
    },
    select: { id: true, payload: true },
  });
}

export async function recordDeliveryResult(
  d: { organizationId: string; id: string },
  result:
    | { ok: true; statusCode: number; at: Date }
    | { ok: false; statusCode: number | null; error: string; retryAt: Date | null },
) {
  await db().webhookDelivery.update({
    where: { organizationId_id: { organizationId: d.organizationId, id: d.id } },
    data: result.ok
      ? {
          status: "delivered",
          deliveredAt: result.at,
          lastStatusCode: result.statusCode,
          lastError: null,
          nextAttemptAt: null,
        }
      : {
          status: result.retryAt ? "pending" : "failed",
          nextAttemptAt: result.retryAt,
          lastStatusCode: result.statusCode,
          lastError: result.error.slice(0, 500),
        },
  });
}
