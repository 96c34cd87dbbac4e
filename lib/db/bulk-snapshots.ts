import type { BulkClient } from "./bulk-observations";
import { copyField, copyIn } from "./copy";
import type { SnapshotRows } from "./score-writes";

const CHUNK = 2_000;

/**
 * Replaces one day's snapshots of a scorecard — of `accountIds` only, when given —
 * with `rows`, streamed in with COPY (a recompute writes 100k explanations; COPY
 * moves them at about twice the speed of INSERT … SELECT unnest). Runs inside
 * the caller's bulk transaction.
 */
export async function replaceDaySnapshots(
  client: BulkClient,
  target: { organizationId: string; scorecardId: string; modelVersionId: string; day: Date },
  rows: SnapshotRows,
  accountIds: string[] | null,
) {
  const day = target.day.toISOString().slice(0, 10);
  await client.query(
    `DELETE FROM "ScoreSnapshot" WHERE "organizationId" = $1 AND "scorecardId" = $2 AND "day" = $3::date
       AND ($4::uuid[] IS NULL OR "accountId" = ANY($4::uuid[]))`,
    [target.organizationId, target.scorecardId, day, accountIds],
  );
  const prefix = `${target.organizationId}\t${target.scorecardId}\t`;
  function* chunks() {
    for (let start = 0; start < rows.accountId.length; start += CHUNK) {
      let chunk = "";
      for (let i = start; i < Math.min(rows.accountId.length, start + CHUNK); i++) {
        const score = rows.score[i];
        chunk += `${prefix}${rows.accountId[i]}\t${day}\t${target.modelVersionId}\t${copyField(rows.variantKey[i] ?? null)}\t${
          score === null || score === undefined ? "\\N" : score
        }\t${copyField(rows.tierKey[i]!)}\t${rows.coverage[i]}\t${copyField(rows.detail[i]!)}\n`;
      }
      yield chunk;
    }
  }
  await copyIn(
    client,
    `COPY "ScoreSnapshot" ("organizationId", "scorecardId", "accountId", "day", "modelVersionId", "variantKey", "score", "tierKey", "coverage", "detail") FROM STDIN`,
    chunks(),
  );
  // Fresh rows leave the planner's estimates far off until analysed (see writeSnapshots).
  if (rows.accountId.length >= 1000) await client.query(`ANALYZE "ScoreSnapshot"`);
}
