import { wakeSnoozedAlerts } from "../../db/alert-writes";
import { claimQueuedImport } from "../../db/imports";
import { claimQueuedRun, failStaleRuns, listOrganizationsDueSince } from "../../db/scoring-runs";
import { commitImport } from "../imports/commit";
import { sendDueDigests } from "../alerts/digest";
import { deliverDueWebhooks } from "../webhooks/deliver";
import { runBackfill } from "./backfill";
import { recomputeOrganization } from "./recompute";

/** Hour (UTC) of the daily recompute; PULSEBOARD_DAILY_RECOMPUTE_HOUR overrides. */
export function dailyHour(): number {
  const hour = Number(process.env.PULSEBOARD_DAILY_RECOMPUTE_HOUR ?? 2);
  return Number.isInteger(hour) && hour >= 0 && hour < 24 ? hour : 2;
}

/** The most recent scheduled time at or before `now`, and the next one after it. */
export function scheduleWindow(now: Date, hour = dailyHour()): { last: Date; next: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour);
  const last = today <= now.getTime() ? today : today - 86_400_000;
  return { last: new Date(last), next: new Date(last + 86_400_000) };
}

/**
 * One pass of the worker: fail runs orphaned by a crash, run what admins queued
 * ("recompute now", "score the past"), then the daily recompute of every organisation that has not
 * had today's (`organizationIds` narrows both, for tests); then reopen snoozed
 * alerts that are due, send due webhook
 * deliveries (those of this pass included) and the daily digests. Returns what it did.
 */
export async function runDueWork(now = new Date(), organizationIds: string[] | null = null): Promise<string[]> {
  const done: string[] = [];
  await failStaleRuns(new Date(now.getTime() - 60 * 60_000));
  // Imports first: their recompute is queued when they commit.
  for (let job = await claimQueuedImport(organizationIds); job; job = await claimQueuedImport(organizationIds)) {
    const r = await commitImport(job.organizationId, job.id).catch((e: Error) => e);
    done.push(
      r instanceof Error
        ? `import ${job.id} failed: ${r.message}`
        : `import ${job.id}: ${r.accepted} rows accepted (${r.created} new), ${r.rejected} rejected`,
    );
  }
  for (let claimed = await claimQueuedRun(organizationIds); claimed; claimed = await claimQueuedRun(organizationIds)) {
    if (claimed.backfillDays !== null) {
      const days = claimed.backfillDays;
      const b = await runBackfill({ organizationId: claimed.organizationId, id: claimed.id, days }, now).catch(
        (e: Error) => e,
      );
      done.push(
        b instanceof Error
          ? `backfill ${claimed.id} failed: ${b.message}`
          : `backfill ${claimed.id}: ${b.stopped ? "stopped on request" : `${days} days`}, ${b.snapshots} snapshots`,
      );
      continue;
    }
    const r = await recomputeOrganization(claimed.organizationId, {
      trigger: claimed.trigger,
      runId: claimed.id,
      accountIds: claimed.full ? undefined : claimed.accountIds,
    }).catch((e: Error) => e);
    done.push(
      r instanceof Error
        ? `queued run ${claimed.id} failed: ${r.message}`
        : `queued run ${claimed.id}: ${r.accounts} accounts`,
    );
  }
  const { last } = scheduleWindow(now);
  for (const organizationId of await listOrganizationsDueSince(last, organizationIds)) {
    const r = await recomputeOrganization(organizationId, { trigger: "schedule" }).catch((e: Error) => e);
    done.push(
      r instanceof Error
        ? `daily run for ${organizationId} failed: ${r.message}`
        : `daily run for ${organizationId}: ${r.accounts} accounts`,
    );
  }
  const woken = await wakeSnoozedAlerts(now);
  if (woken > 0) done.push(`${woken} snoozed alert(s) reopened`);
  // Events queued during this pass are due now, not at the pass's start.
  const sent = await deliverDueWebhooks(new Date(Math.max(now.getTime(), Date.now())), organizationIds);
  if (sent.delivered + sent.failed > 0) done.push(`webhooks: ${sent.delivered} delivered, ${sent.failed} failed`);
  done.push(...(await sendDueDigests(now, organizationIds)));
  return done;
}
