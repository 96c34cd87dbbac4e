import { listPublishedModels } from "../../db/scorecards";
import {
  emptySnapshotRows,
  finishScoringRun,
  rebuildCurrentRollups,
  rebuildRollups,
  refreshCurrentScores,
  withScoringTransaction,
  writeSnapshots,
} from "../../db/score-writes";
import { getPriorityWeights } from "../../db/priorities";
import {
  backfillUnderWay,
  cancelBackfillRun,
  getScoringRun,
  queueBackfillRun,
  reportBackfillProgress,
  requeueBackfillRun,
} from "../../db/scoring-runs";
import { ValidationError } from "../../errors";
import type { TenantContext } from "../../tenant";
import { loadMetricKeys, loadPortfolioAccounts } from "../../db/scoring-inputs";
import { forEachObservationInTime } from "../../db/observation-history";
import { scorePortfolio, validateModel, variantCompiler } from "../../scoring";
import { emptyPortfolio, subPortfolio } from "./portfolio-input";
import { utcDay } from "../../dates";
import { appendSnapshotRows } from "./snapshot-rows";
import { loadPastPlacement } from "./past-placement";
import { placementSpanRecorder } from "./placement-spans";

const DAY = 86_400_000;
/** Snapshot rows (each with its explanation, about a kilobyte) held before they are written. */
const FLUSH_ROWS = 5_000;

function* range(from: number, to: number) {
  for (let i = from; i < to; i++) yield i;
}

/**
 * Scores the past from stored observations: for each of the `days` days ending
 * `today`, every account that was a customer that day is scored with only the
 * observations made at or before the end of that day (point-in-time), and the
 * snapshots, rollups and current scores are written. Existing snapshots of past
 * days are kept (they are immutable), and days before the first observation are
 * not scored (nothing would score them). The state before the first day is read
 * first, then the observations are replayed in time order, a batch at a time, so
 * memory holds one portfolio and one batch however long the history. Stages
 * and segments by days as a customer or to renewal are placed as of each day.
 * `onDay` hears of each day scored (the run's progress) and may answer true to
 * stop there: the days scored are kept, rolled up and trended.
 */
export async function backfillHistory(
  organizationId: string,
  options: { days: number; today: Date; onDay?: (done: number, days: number) => Promise<boolean | void> },
) {
  const lastDay = utcDay(options.today).getTime();
  const firstDay = lastDay - (options.days - 1) * DAY;
  const [models, accounts, metricKeyById, weights] = await Promise.all([
    listPublishedModels(organizationId),
    loadPortfolioAccounts(organizationId),
    loadMetricKeys(organizationId),
    getPriorityWeights(organizationId),
  ]);
  const placementOn = await loadPastPlacement(organizationId, accounts);
  const spans = placementOn ? placementSpanRecorder(accounts.ids) : null;
  const portfolio = emptyPortfolio(accounts, [...new Set(metricKeyById.values())].sort());
  const width = portfolio.metricKeys.length;
  const column = new Map(portfolio.metricKeys.map((k, j) => [k, j]));
  const columnOf = new Map([...metricKeyById].map(([id, key]) => [id, column.get(key)!]));
  const parsed = models.map((m) => {
    const validation = validateModel(m.definition);
    if (!validation.ok) throw new Error(`${m.scorecardName} v${m.versionNumber} is not a valid model`);
    return { ...m, model: validation.model, compiledFor: variantCompiler(validation.model), rows: emptySnapshotRows() };
  });

  const flush = async (entry: (typeof parsed)[number]) => {
    const rows = entry.rows;
    entry.rows = emptySnapshotRows();
    await writeSnapshots(organizationId, entry.scorecardId, entry.versionId, rows);
  };

  let written = 0;
  let lastCustomers = 0;
  let observed = false;
  let stopped = false;
  // The next day to score: each is scored once every observation made by its end is in the portfolio.
  let next = firstDay;
  const scoreDaysEndingBefore = async (time: number) => {
    for (; !stopped && next <= lastDay && next + DAY - 1 < time; next += DAY) {
      const asOf = next + DAY - 1;
      // Customers that day: started on or before it, and not churned before it.
      const customers = accounts.ids.flatMap((_, a) => {
        const started = accounts.startedAt[a]!;
        const churned = accounts.churnedAt[a]!;
        return (Number.isNaN(started) || started <= asOf) && (Number.isNaN(churned) || churned >= next) ? [a] : [];
      });
      // Only that day's customers are scored, and only they are each other's percentile peers.
      const placed = placementOn?.(new Date(next), customers);
      if (placed) spans!.day(next, customers, placed);
      const day = { ...subPortfolio(portfolio, customers), ...placed };
      const ids = customers.map((a) => accounts.ids[a]!);
      lastCustomers = ids.length;
      for (const entry of parsed) {
        const scores = scorePortfolio(entry.model, day, asOf, entry.scorecardName, entry.compiledFor);
        // A day of 100k accounts is written a few thousand rows at a time; small days share a write.
        for (let from = 0; from < ids.length;) {
          const to = Math.min(ids.length, from + FLUSH_ROWS - entry.rows.accountId.length);
          appendSnapshotRows(entry.rows, new Date(next), ids, range(from, to), scores, entry.versionNumber);
          from = to;
          if (entry.rows.accountId.length >= FLUSH_ROWS) await flush(entry);
        }
        written += customers.length;
      }
      stopped = (await options.onDay?.((next - firstDay) / DAY + 1, options.days)) === true;
    }
  };
  const window = { from: new Date(firstDay), until: new Date(lastDay + DAY - 1) };
  await forEachObservationInTime(organizationId, window, accounts.ids, columnOf, async (batch) => {
    for (let i = 0; i < batch.length; i++) {
      const at = batch.observedAt[i]!;
      if (!observed) {
        // The first observation of all: the days before it had nothing to be scored with.
        observed = true;
        next = Math.max(next, at - (at % DAY));
      }
      if (at >= next + DAY) await scoreDaysEndingBefore(at);
      if (stopped) return false;
      const cell = batch.account[i]! * width + batch.column[i]!;
      // The state before the window comes in no order: an earlier observation does not replace a later one.
      if (at < portfolio.observedAt[cell]!) continue;
      portfolio.values[cell] = batch.value[i]!;
      portfolio.texts[cell] = batch.text[i]!;
      portfolio.observedAt[cell] = at;
    }
  });
  if (observed && !stopped) await scoreDaysEndingBefore(Infinity);
  const placedByDay = spans?.finish();
  for (const entry of parsed) {
    await flush(entry);
    await withScoringTransaction(async (tx) => {
      // Past days roll up by the stages and segments of each day; the last day's rollups come with the current
      // ones: its snapshots are the current scores.
      await rebuildRollups(
        organizationId,
        entry.scorecardId,
        new Date(firstDay),
        new Date(lastDay - DAY),
        tx,
        placedByDay,
      );
      await refreshCurrentScores(organizationId, entry.scorecardId, new Date(lastDay), null, tx, {
        priority: { range: entry.model.range, weights, today: new Date(lastDay) },
      });
      await rebuildCurrentRollups(organizationId, entry.scorecardId, entry.model.range, new Date(lastDay), tx);
    });
  }
  return { days: options.days, snapshots: written, accounts: lastCustomers, stopped };
}

/** "Score the past": queues a backfill of `days` days for the worker, one at a time per organisation. */
export async function requestBackfill(ctx: TenantContext, days: number) {
  if (await backfillUnderWay(ctx)) throw new ValidationError("A backfill is already under way: wait for it to finish.");
  if ((await listPublishedModels(ctx.organizationId)).length === 0)
    throw new ValidationError("Publish a scorecard first: the past is scored with the published scorecards.");
  return queueBackfillRun(ctx, days);
}

const PROGRESS_EVERY_MS = 1000;

/**
 * Runs a queued backfill as of `now`, keeping its run's progress (days scored)
 * and marking it finished; asked to stop, it stops after the day it is scoring.
 * `between` runs after a day whose progress is reported (at most once a second),
 * so that other work need not wait for the whole backfill. When `shuttingDown`
 * answers true (the worker is stopping), it stops after the day it is scoring
 * too, and the run goes back in the queue for the next worker (`requeued`).
 */
export async function runBackfill(
  run: { organizationId: string; id: string; days: number },
  now = new Date(),
  between: () => Promise<void> = async () => {},
  shuttingDown: () => boolean = () => false,
) {
  let reportedAt = 0;
  let done = 0;
  let requeued = false;
  try {
    const result = await backfillHistory(run.organizationId, {
      days: run.days,
      today: now,
      onDay: async (day, days) => {
        done = day;
        if (day < days && shuttingDown()) return (requeued = true);
        if (day < days && Date.now() - reportedAt < PROGRESS_EVERY_MS) return false;
        reportedAt = Date.now();
        const { cancelRequested } = await reportBackfillProgress(run.organizationId, run.id, day);
        if (cancelRequested && day < days) return true;
        await between();
        return false;
      },
    });
    if (requeued)
      await requeueBackfillRun(
        run.organizationId,
        run.id,
        `The worker stopped after ${done} of ${run.days} days; it starts again from the first day when the worker is back (the days scored are kept).`,
      );
    else
      await finishScoringRun(
        run.organizationId,
        run.id,
        result.stopped
          ? {
              status: "stopped",
              accounts: result.accounts,
              error: `Stopped on request after ${done} of ${run.days} days; the days scored are kept.`,
            }
          : { status: "succeeded", accounts: result.accounts },
      );
    return { ...result, requeued, daysDone: done };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishScoringRun(run.organizationId, run.id, { status: "failed", accounts: 0, error: message });
    throw error;
  }
}

/** Stops a backfill of the organisation: at once if it is waiting, after the day it is scoring if it runs. */
export async function cancelBackfill(ctx: TenantContext, runId: string) {
  await getScoringRun(ctx, runId);
  if (!(await cancelBackfillRun(ctx, runId)))
    throw new ValidationError("This is not a backfill under way, so there is nothing to stop.");
}
