import { can } from "../../auth/permissions";
import { getScopedAlert, updateAlertRow } from "../../db/alert-inbox";
import { writeAudit } from "../../db/audit";
import { withTransaction } from "../../db/client";
import { getMemberOrThrow } from "../../db/memberships";
import { enqueueWebhookEvents } from "../../db/webhook-queue";
import { ValidationError } from "../../errors";
import type { TenantContext } from "../../tenant";
import type { AlertWork } from "../../validation/alerts";

const MAX_SNOOZE_DAYS = 90;

/**
 * Works one alert in the caller's scope: acknowledge, snooze until a day, resolve
 * with an outcome (action taken / not actionable), reopen, or assign to a member
 * who works alerts. Each step is audited; resolving tells the webhooks.
 */
export async function workAlert(ctx: TenantContext, work: AlertWork, now = new Date()) {
  await withTransaction(async (tx) => {
    const alert = await getScopedAlert(ctx, work.alertId, tx);
    let data: Parameters<typeof updateAlertRow>[2];
    switch (work.op) {
      case "acknowledge":
        if (alert.status === "resolved") throw new ValidationError("This alert is resolved; reopen it first.");
        data = { status: "acknowledged", acknowledgedAt: now, snoozedUntil: null };
        break;
      case "reopen":
        data = { status: "open", snoozedUntil: null, resolution: null, resolvedAt: null, resolvedById: null };
        break;
      case "snooze": {
        const until = new Date(`${work.until}T00:00:00Z`);
        if (until <= now || until.getTime() - now.getTime() > MAX_SNOOZE_DAYS * 86_400_000)
          throw new ValidationError(`Snooze until a day within the next ${MAX_SNOOZE_DAYS} days.`, {
            until: [`must be after today and within ${MAX_SNOOZE_DAYS} days`],
          });
        if (alert.status === "resolved") throw new ValidationError("This alert is resolved; reopen it first.");
        data = { status: "snoozed", snoozedUntil: until };
        break;
      }
      case "resolve":
        if (alert.status === "resolved") throw new ValidationError("This alert is already resolved.");
        data = {
          status: "resolved",
          resolution: work.resolution,
          resolvedAt: now,
          resolvedById: ctx.userId,
          snoozedUntil: null,
        };
        break;
      case "assign":
        if (work.assigneeId) {
          const member = await getMemberOrThrow(ctx, work.assigneeId, tx);
          if (!can(member.role, "alerts:work"))
            throw new ValidationError("That member cannot work alerts.", { assigneeId: ["cannot work alerts"] });
        }
        data = { assigneeId: work.assigneeId };
        break;
    }
    await updateAlertRow(ctx, alert.id, { ...data, updatedAt: now }, tx);
    await writeAudit(
      ctx,
      {
        action: `alert.${work.op}`,
        entityType: "Alert",
        entityId: alert.id,
        before: { status: alert.status, assigneeId: alert.assigneeId },
        after: data,
      },
      tx,
    );
    if (work.op === "resolve")
      await enqueueWebhookEvents(
        tx,
        ctx.organizationId,
        [
          {
            event: "alert.resolved",
            data: {
              alert: {
                id: alert.id,
                title: alert.title,
                severity: alert.severity,
                status: "resolved",
                resolution: work.resolution,
                rule: { id: alert.ruleId, name: alert.rule.name, kind: alert.rule.kind },
                scorecardId: alert.scorecardId,
                at: now.toISOString(),
              },
              account: alert.account,
            },
          },
        ],
        now,
      );
  });
}
