import { listPublishedModels } from "../../db/scorecards";
import {
  emptySnapshotRows,
  rebuildCurrentRollups,
  rebuildRollups,
  refreshCurrentScores,
  withScoringTransaction,
  writeSnapshots,
} from "../../db/score-writes";
import { getPriorityWeights } from "../../db/priorities";
import { loadMetricKeys, loadObservationHistory, loadPortfolioAccounts } from "../../db/scoring-inputs";
import { scorePortfolio, validateModel, variantCompiler, type PortfolioInput } from "../../scoring";
import { emptyPortfolio, subPortfolio } from "./portfolio-input";
import { utcDay } from "../../dates";
import { appendSnapshotRows } from "./snapshot-rows";

const DAY = 86_400_000;
const FLUSH_ROWS = 20_000;

/**
 * Scores the past from stored observations: for each of the `days` days ending
 * `today`, every account that was a customer that day is scored with only the
 * observations made at or before the end of that day (point-in-time), and the
 * snapshots, rollups and current scores are written. Existing snapshots of past
 * days are kept (they are immutable).
 */
export async function backfillHistory(organizationId: string, options: { days: number; today: Date }) {
  const lastDay = utcDay(options.today);
  const firstDay = new Date(lastDay.getTime() - (options.days - 1) * DAY);
  const [models, accounts, metricKeyById, weights] = await Promise.all([
    listPublishedModels(organizationId),
    loadPortfolioAccounts(organizationId),
    loadMetricKeys(organizationId),
    getPriorityWeights(organizationId),
  ]);
  const history = await loadObservationHistory(organizationId, new Date(lastDay.getTime() + DAY - 1));
  const portfolio = emptyPortfolio(accounts, [...new Set(metricKeyById.values())].sort());
  const cursor = historyCursor(portfolio, new Map(accounts.ids.map((id, i) => [id, i])), metricKeyById, history);
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
  for (let t = firstDay.getTime(); t <= lastDay.getTime(); t += DAY) {
    const asOf = t + DAY - 1;
    cursor.advanceTo(asOf);
    // Customers that day: started on or before it, and not churned before it.
    const customers = accounts.ids.flatMap((_, a) => {
      const started = accounts.startedAt[a]!;
      const churned = accounts.churnedAt[a]!;
      return (Number.isNaN(started) || started <= asOf) && (Number.isNaN(churned) || churned >= t) ? [a] : [];
    });
    // Only that day's customers are scored, and only they are each other's percentile peers.
    const day = subPortfolio(portfolio, customers);
    const ids = customers.map((a) => accounts.ids[a]!);
    for (const entry of parsed) {
      const scores = scorePortfolio(entry.model, day, asOf, entry.scorecardName, entry.compiledFor);
      appendSnapshotRows(entry.rows, new Date(t), ids, ids.keys(), scores, entry.versionNumber);
      written += customers.length;
      if (entry.rows.accountId.length >= FLUSH_ROWS) await flush(entry);
    }
  }
  for (const entry of parsed) {
    await flush(entry);
    await withScoringTransaction(async (tx) => {
      // The last day's rollups come with the current ones: its snapshots are the current scores.
      await rebuildRollups(organizationId, entry.scorecardId, firstDay, new Date(lastDay.getTime() - DAY), tx);
      await refreshCurrentScores(organizationId, entry.scorecardId, lastDay, null, tx, {
        priority: { range: entry.model.range, weights, today: lastDay },
      });
      await rebuildCurrentRollups(organizationId, entry.scorecardId, entry.model.range, lastDay, tx);
    });
  }
  return { days: options.days, snapshots: written };
}

/** Walks every (account, metric) series forward in time, keeping each cell at its latest observation. */
function historyCursor(
  portfolio: PortfolioInput,
  accountIndex: Map<string, number>,
  metricKeyById: Map<string, string>,
  rows: SnapshotHistory,
) {
  const column = new Map(portfolio.metricKeys.map((k, j) => [k, j]));
  const width = portfolio.metricKeys.length;
  const times = rows.observedAt;
  // Series are contiguous runs of one account and metric (the rows are sorted).
  const series: { cell: number; next: number; end: number }[] = [];
  for (let r = 0; r < times.length;) {
    let end = r + 1;
    while (end < times.length && rows.accountId[end] === rows.accountId[r] && rows.metricId[end] === rows.metricId[r])
      end++;
    const a = accountIndex.get(rows.accountId[r]!);
    const j = column.get(metricKeyById.get(rows.metricId[r]!) ?? "");
    if (a !== undefined && j !== undefined) series.push({ cell: a * width + j, next: r, end });
    r = end;
  }
  return {
    advanceTo(asOf: number) {
      for (const s of series) {
        while (s.next < s.end && times[s.next]! <= asOf) {
          portfolio.values[s.cell] = rows.value[s.next] ?? NaN;
          portfolio.texts[s.cell] = rows.text[s.next] ?? null;
          portfolio.observedAt[s.cell] = times[s.next]!;
          s.next++;
        }
      }
    },
  };
}

type SnapshotHistory = Awaited<ReturnType<typeof loadObservationHistory>>;
