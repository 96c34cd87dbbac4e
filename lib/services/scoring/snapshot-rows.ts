import type { SnapshotRows } from "../../db/score-writes";
import type { PortfolioScores } from "../../scoring";

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
    const score = scores.score[a]!;
    rows.day.push(day);
    rows.accountId.push(accountIds[a]!);
    rows.variantKey.push(scores.variant[a] ?? null);
    rows.score.push(Number.isNaN(score) ? null : score);
    rows.tierKey.push(scores.tier[a]!.key);
    rows.coverage.push(scores.coverage[a]!);
    rows.detail.push(JSON.stringify({ version: versionNumber, ...scores.explain(a) }));
  }
}
