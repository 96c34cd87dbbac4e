import type { DaySnapshots, SnapshotRow } from "../../db/bulk-snapshots";
import type { SnapshotRows } from "../../db/score-writes";
import type { PortfolioScores } from "../../scoring";

/** Account `a`'s snapshot columns. */
function snapshotRow(scores: PortfolioScores, a: number): SnapshotRow {
  const score = scores.score[a]!;
  return {
    variantKey: scores.variant[a] ?? null,
    score: Number.isNaN(score) ? null : score,
    tierKey: scores.tier[a]!.key,
    coverage: scores.coverage[a]!,
  };
}

/** Account `a`'s full explanation as JSON text. */
const explanation = (scores: PortfolioScores, a: number, versionNumber: number) =>
  JSON.stringify({ version: versionNumber, ...scores.explain(a) });

/** Appends one day's scores of the accounts at `indices` to the snapshot rows, each with its full explanation. */
export function appendSnapshotRows(
  rows: SnapshotRows,
  day: Date,
  accountIds: string[],
  indices: Iterable<number>,
  scores: PortfolioScores,
  versionNumber: number,
) {
  for (const a of indices) {
    const row = snapshotRow(scores, a);
    rows.day.push(day);
    rows.accountId.push(accountIds[a]!);
    rows.variantKey.push(row.variantKey);
    rows.score.push(row.score);
    rows.tierKey.push(row.tierKey);
    rows.coverage.push(row.coverage);
    rows.detail.push(explanation(scores, a, versionNumber));
  }
}

/**
 * Today's snapshots of every scored account, each row and explanation built
 * only as it is written, so building one batch overlaps with the database
 * storing the one before, and 100k explanations are never in memory at once.
 */
export function daySnapshots(accountIds: string[], scores: PortfolioScores, versionNumber: number): DaySnapshots {
  return { accountIds, row: (a) => snapshotRow(scores, a), detail: (a) => explanation(scores, a, versionNumber) };
}
