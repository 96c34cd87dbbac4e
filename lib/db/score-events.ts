import type { SqlTx } from "./client";
import { activeOverridesQuery } from "./overrides";

/**
 * What a recompute changes beyond the scores themselves, written in its
 * transaction: overrides stamped on today's snapshots, and "tier.changed" webhook
 * events for accounts whose current tier moved.
 */

interface Target {
  organizationId: string;
  scorecardId: string;
}

/** Stamps the override in effect at `now` (if any) on each of today's snapshots; expired ones simply stop applying. */
export async function applyActiveOverrides(tx: SqlTx, t: Target, day: Date, now: Date) {
  await tx.$executeRaw`
    UPDATE "ScoreSnapshot" s SET "overriddenScore" = o."score", "overriddenTier" = o."tierKey"
    FROM (${activeOverridesQuery(t.organizationId, t.scorecardId, now)}) o
    WHERE s."organizationId" = ${t.organizationId}::uuid AND s."scorecardId" = ${t.scorecardId}::uuid
      AND s."day" = ${day}::date AND s."accountId" = o."accountId"`;
}

/** Keeps the current tiers (of `accountIds`, or all) before they are rewritten, for `queueTierChanges`. */
export async function rememberCurrentTiers(tx: SqlTx, t: Target, accountIds: string[] | null) {
  await tx.$executeRaw`DROP TABLE IF EXISTS pb_previous_tier`;
  await tx.$executeRaw`
    CREATE TEMP TABLE pb_previous_tier ON COMMIT DROP AS
    SELECT "accountId", "tierKey" FROM "CurrentScore"
    WHERE "organizationId" = ${t.organizationId}::uuid AND "scorecardId" = ${t.scorecardId}::uuid
      AND (${accountIds}::uuid[] IS NULL OR "accountId" = ANY(${accountIds}::uuid[]))`;
}

/**
 * Queues "tier.changed" to every subscribed webhook for each account whose current
 * tier differs from the one remembered; `tierOrder` (lowest first) names the direction.
 */
export async function queueTierChanges(tx: SqlTx, t: Target, tierOrder: string[], now: Date): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "WebhookDelivery" ("organizationId", "id", "webhookId", "event", "payload", "status", "nextAttemptAt", "createdAt")
    SELECT w."organizationId", gen_random_uuid(), w."id", 'tier.changed',
      jsonb_build_object('id', gen_random_uuid(), 'event', 'tier.changed', 'organizationId', w."organizationId",
        'occurredAt', ${now.toISOString()}::text,
        'data', jsonb_build_object(
          'scorecardId', c."scorecardId", 'from', p."tierKey", 'to', c."tierKey", 'score', c."score",
          'direction', CASE WHEN array_position(${tierOrder}::text[], c."tierKey") < array_position(${tierOrder}::text[], p."tierKey")
                            THEN 'down' WHEN array_position(${tierOrder}::text[], c."tierKey") > array_position(${tierOrder}::text[], p."tierKey")
                            THEN 'up' ELSE 'none' END,
          'account', jsonb_build_object('id', a."id", 'externalId', a."externalId", 'name', a."name"))),
      'pending', ${now}::timestamptz, ${now}::timestamptz
    FROM pb_previous_tier p
    JOIN "CurrentScore" c ON c."organizationId" = ${t.organizationId}::uuid AND c."scorecardId" = ${t.scorecardId}::uuid
                          AND c."accountId" = p."accountId"
    JOIN "Account" a ON a."organizationId" = c."organizationId" AND a."id" = c."accountId"
    JOIN "Webhook" w ON w."organizationId" = c."organizationId" AND w."enabled" AND 'tier.changed' = ANY(w."events")
    WHERE c."tierKey" <> p."tierKey"`;
}
