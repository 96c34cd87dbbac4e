import { wakeSnoozedAlerts } from "../../db/alert-writes";
import { claimQueuedImport } from "../../db/imports";
import { claimQueuedRun, failStaleRuns, listOrganizationsDueSince } from "../../db/scoring-runs";
import { commitImport } from "../imports/commit";
import { placeAsDaysPass } from "../segments/manage";
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
 * One pass of the worker: fail runs orphaned by a crash, do the work that is
 * due (see `runWorkBesideBackfills`), then the queued backfills ("score the
 * past"). A year of a large portfolio takes half an hour, so the due work runs
 * again between a backfill's days, at most once a second: no organisation's
 * imports, recomputes or daily run wait for it. `organizationIds` narrows the
 * pass (for tests); `log` hears each line as it happens; a backfill under way
 * when `shuttingDown` answers true goes back in the queue after the day it is
 * scoring. Returns what it did.
 */
export async function runDueWork(
  now = new Date(),
  organizationIds: string[] | null = null,
  options: { log?: (line: string) => void; shuttingDown?: () => boolean } = {},
): Promise<string[]> {
  const done: string[] = [];
  const report = (line: string) => {
    done.push(line);
    options.log?.(line);
  };
  const shuttingDown = options.shuttingDown ?? (() => false);
  // The pass's clock: `now` when it started, moving on with the time it takes.
  const started = Date.now();
  const clock = () => new Date(now.getTime() + Date.now() - started);
  await failStaleRuns(new Date(now.getTime() - 60 * 60_000));
  await runWorkBesideBackfills(now, organizationIds, report);
  for (;;) {
    // A worker shutting down leaves the queued backfills to the next one.
    const claimed = shuttingDown() ? null : await claimQueuedRun("backfill", organizationIds);
    if (!claimed) break;
    const run = { organizationId: claimed.organizationId, id: claimed.id, days: claimed.backfillDays! };
    // A failure of the work beside it is reported; it does not end the backfill.
    const beside = () =>
      runWorkBesideBackfills(clock(), organizationIds, report).catch((e: Error) =>
        report(`work beside backfill ${run.id} failed: ${e.message}`),
      );
    const b = await runBackfill(run, clock(), beside, shuttingDown).catch((e: Error) => e);
    report(
      b instanceof Error
        ? `backfill ${run.id} failed: ${b.message}`
        : b.requeued
          ? `backfill ${run.id}: back in the queue as the worker stops, after ${b.daysDone} of ${run.days} days`
          : `backfill ${run.id}: ${b.stopped ? "stopped on request" : `${run.days} days`}, ${b.snapshots} snapshots`,
    );
  }
  return done;
}

/**
 * Everything due but backfills: queued imports, queued recomputes ("recompute
 * now", data changes), the daily recompute of every organisation that has not
 * had today's; then reopening snoozed alerts that are due, sending due webhook
 * deliveries (those of this pass included) and the daily digests.
 */
async function runWorkBesideBackfills(now: Date, organizationIds: string[] | null, report: (line: string) => void) {
  // Imports first: their recompute is queued when they commit.
  for (let job = await claimQueuedImport(organizationIds); job; job = await claimQueuedImport(organizationIds)) {
    const r = await commitImport(job.organizationId, job.id).catch((e: Error) => e);
    report(
      r instanceof Error
        ? `import ${job.id} failed: ${r.message}`
        : `import ${job.id}: ${r.accepted} rows accepted (${r.created} new), ${r.rejected} rejected`,
    );
  }
  for (
    let claimed = await claimQueuedRun("recompute", organizationIds);
    claimed;
    claimed = await claimQueuedRun("recompute", organizationIds)
  ) {
    const r = await recomputeOrganization(claimed.organizationId, {
      trigger: claimed.trigger,
      runId: claimed.id,
      accountIds: claimed.full ? undefined : claimed.accountIds,
    }).catch((e: Error) => e);
    report(
      r instanceof Error
        ? `queued run ${claimed.id} failed: ${r.message}`
        : `queued run ${claimed.id}: ${r.accounts} accounts`,
    );
  }
  const { last } = scheduleWindow(now);
  for (const organizationId of await listOrganizationsDueSince(last, organizationIds)) {
    // Stages and segments by days as a customer or to renewal first: today's scores use today's variants.
    const placed = await placeAsDaysPass(organizationId, now).catch((e: Error) => e);
    if (placed instanceof Error) report(`placing ${organizationId}'s accounts failed: ${placed.message}`);
    else if (placed > 0) report(`${organizationId}: ${placed} accounts moved stage or segment as the days passed`);
    const r = await recomputeOrganization(organizationId, { trigger: "schedule" }).catch((e: Error) => e);
    report(
      r instanceof Error
        ? `daily run for ${organizationId} failed: ${r.message}`
        : `daily run for ${organizationId}: ${r.accounts} accounts`,
    );
  }
  const woken = await wakeSnoozedAlerts(now);
  if (woken > 0) report(`${woken} snoozed alert(s) reopened`);
  // Events queued during this pass are due now, not at the pass's start.
  const sent = await deliverDueWebhooks(new Date(Math.max(now.getTime(), Date.now())), organizationIds);
  if (sent.delivered + sent.failed > 0) report(`webhooks: ${sent.delivered} delivered, ${sent.failed} failed`);
  for (const line of await sendDueDigests(now, organizationIds)) report(line);
}
