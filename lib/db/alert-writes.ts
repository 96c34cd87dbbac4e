import type { EpisodeState } from "../alerts/episodes";
import { RULE_SELECT } from "./alert-rules";
import { db, withTransaction, type Tx } from "./client";
import { enqueueWebhookEvents, type OutboundEvent } from "./webhook-queue";

export interface StoredRule {
  id: string;
  name: string;
  kind: string;
  scorecardId: string | null;
  scope: unknown;
  params: unknown;
  severity: "low" | "medium" | "high" | "critical";
  cooldownHours: number;
  enabled: boolean;
}

/** The organisation's enabled rules (on `scorecardIds` when given), oldest first. */
export async function listEnabledRules(organizationId: string, scorecardIds?: string[]): Promise<StoredRule[]> {
  return db().alertRule.findMany({
    where: { organizationId, enabled: true, ...(scorecardIds ? { scorecardId: { in: scorecardIds } } : {}) },
    orderBy: { createdAt: "asc" },
    select: RULE_SELECT,
  });
}

/** Stored episode states of a rule (accounts without a row are fresh: armed, never raised). */
export async function loadRuleStates(
  organizationId: string,
  ruleId: string,
  accountIds: string[] | null,
): Promise<Map<string, EpisodeState>> {
  const rows = await db().alertRuleState.findMany({
    where: { organizationId, ruleId, ...(accountIds ? { accountId: { in: accountIds } } : {}) },
    select: { accountId: true, armed: true, lastRaisedAt: true },
  });
  return new Map(rows.map((r) => [r.accountId, { armed: r.armed, lastRaisedAt: r.lastRaisedAt?.getTime() ?? null }]));
}

export interface RaisedAlert {
  accountId: string;
  title: string;
  detail: Record<string, unknown>;
}

export interface EvaluationWrite {
  rule: StoredRule;
  changedStates: { accountId: string; state: EpisodeState }[];
  raised: RaisedAlert[];
  recovered: string[];
  now: Date;
}

export interface AlertEventRow {
  id: string;
  accountId: string;
  externalId: string;
  accountName: string;
  title: string;
  severity: string;
  status: string;
  assigneeId: string | null;
  at: Date;
}

const alertEvent = (event: "alert.raised" | "alert.resolved", rule: StoredRule, r: AlertEventRow): OutboundEvent => ({
  event,
  data: {
    alert: {
      id: r.id,
      title: r.title,
      severity: r.severity,
      status: r.status,
      rule: { id: rule.id, name: rule.name, kind: rule.kind },
      scorecardId: rule.scorecardId,
      assigneeId: r.assigneeId,
      at: r.at.toISOString(),
    },
    account: { id: r.accountId, externalId: r.externalId, name: r.accountName },
  },
});

async function insertAlerts(tx: Tx, organizationId: string, w: EvaluationWrite): Promise<AlertEventRow[]> {
  if (w.raised.length === 0) return [];
  const ids = w.raised.map((r) => r.accountId);
  const titles = w.raised.map((r) => r.title);
  const details = w.raised.map((r) => JSON.stringify(r.detail));
  // Routed to the account's owner; the account's team sees it in its queue either way.
  return tx.$queryRaw<AlertEventRow[]>`
    WITH ins AS (
      INSERT INTO "Alert" ("organizationId", "id", "ruleId", "accountId", "scorecardId", "status", "severity", "title",
                           "detail", "assigneeId", "teamId", "raisedAt", "updatedAt")
      SELECT a."organizationId", gen_random_uuid(), ${w.rule.id}::uuid, a."id", ${w.rule.scorecardId}::uuid, 'open',
             ${w.rule.severity}::"Severity", r.title, r.detail::jsonb, a."ownerId", a."teamId", ${w.now}, ${w.now}
      FROM unnest(${ids}::uuid[], ${titles}::text[], ${details}::text[]) AS r("accountId", title, detail)
      JOIN "Account" a ON a."organizationId" = ${organizationId}::uuid AND a."id" = r."accountId"
      RETURNING "id", "accountId", "title", "severity", "status", "assigneeId", "raisedAt")
    SELECT ins."id"::text, ins."accountId"::text, a."externalId", a."name" AS "accountName", ins."title",
           ins."severity"::text, ins."status"::text, ins."assigneeId"::text, ins."raisedAt" AS "at"
    FROM ins JOIN "Account" a ON a."organizationId" = ${organizationId}::uuid AND a."id" = ins."accountId"`;
}

async function resolveRecovered(tx: Tx, organizationId: string, w: EvaluationWrite): Promise<AlertEventRow[]> {
  if (w.recovered.length === 0) return [];
  return tx.$queryRaw<AlertEventRow[]>`
    WITH upd AS (
      UPDATE "Alert" SET "status" = 'resolved', "resolution" = 'recovered', "resolvedAt" = ${w.now}, "updatedAt" = ${w.now}
      WHERE "organizationId" = ${organizationId}::uuid AND "ruleId" = ${w.rule.id}::uuid
        AND "accountId" = ANY(${w.recovered}::uuid[]) AND "status" <> 'resolved'
      RETURNING "id", "accountId", "title", "severity", "status", "assigneeId", "resolvedAt")
    SELECT upd."id"::text, upd."accountId"::text, a."externalId", a."name" AS "accountName", upd."title",
           upd."severity"::text, upd."status"::text, upd."assigneeId"::text, upd."resolvedAt" AS "at"
    FROM upd JOIN "Account" a ON a."organizationId" = ${organizationId}::uuid AND a."id" = upd."accountId"`;
}

/**
 * Writes one rule's evaluation at once: changed episode states, new alerts (routed
 * to the owner and team), alerts of recovered episodes resolved, and the webhook
 * events for both — all or nothing.
 */
export async function writeEvaluation(
  organizationId: string,
  w: EvaluationWrite,
): Promise<{ raised: AlertEventRow[]; resolved: AlertEventRow[] }> {
  return withTransaction(async (tx) => {
    if (w.changedStates.length > 0) {
      const ids = w.changedStates.map((s) => s.accountId);
      const armed = w.changedStates.map((s) => s.state.armed);
      const last = w.changedStates.map((s) =>
        s.state.lastRaisedAt === null ? null : new Date(s.state.lastRaisedAt).toISOString(),
      );
      await tx.$executeRaw`
        INSERT INTO "AlertRuleState" ("organizationId", "ruleId", "accountId", "armed", "lastRaisedAt")
        SELECT ${organizationId}::uuid, ${w.rule.id}::uuid, s."accountId", s.armed, s.last
        FROM unnest(${ids}::uuid[], ${armed}::boolean[], ${last}::timestamptz[]) AS s("accountId", armed, last)
        ON CONFLICT ("organizationId", "ruleId", "accountId")
        DO UPDATE SET "armed" = EXCLUDED."armed", "lastRaisedAt" = EXCLUDED."lastRaisedAt"`;
    }
    const raised = await insertAlerts(tx, organizationId, w);
    const resolved = await resolveRecovered(tx, organizationId, w);
    await enqueueWebhookEvents(tx, organizationId, [
      ...raised.map((r) => alertEvent("alert.raised", w.rule, r)),
      ...resolved.map((r) => alertEvent("alert.resolved", w.rule, r)),
    ]);
    return { raised, resolved };
  });
}

/** Snoozed alerts whose date has come are open again. */
export async function wakeSnoozedAlerts(now: Date): Promise<number> {
  return db().$executeRaw`
    UPDATE "Alert" SET "status" = 'open', "snoozedUntil" = NULL, "updatedAt" = ${now}
    WHERE "status" = 'snoozed' AND "snoozedUntil" <= ${now}`;
}
