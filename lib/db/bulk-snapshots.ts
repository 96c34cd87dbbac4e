import type { BulkClient } from "./bulk-observations";
import { sqlTxFor } from "./client";
import { copyField, copyIn } from "./copy";
import { analyzeIfGrown } from "./statistics";

const CHUNK = 2_000;

export interface SnapshotRow {
  variantKey: string | null;
  score: number | null;
  tierKey: string;
  coverage: number;
  /** JSON text of the explanation. */
  detail: string;
}

/** One day's snapshots: the accounts in order, and each one's row, built when asked for. */
export interface DaySnapshots {
  accountIds: string[];
  row(index: number): SnapshotRow;
}

/**
 * Replaces one day's snapshots of a scorecard — of `accountIds` only, when given —
 * with `rows`, streamed in with COPY (a recompute writes 100k explanations; COPY
 * moves them at about twice the speed of INSERT … SELECT unnest). Rows are built
 * batch by batch as the COPY asks for them. Runs inside the caller's bulk transaction.
 */
export async function replaceDaySnapshots(
  client: BulkClient,
  target: { organizationId: string; scorecardId: string; modelVersionId: string; day: Date },
  rows: DaySnapshots,
  accountIds: string[] | null,
) {
  const day = target.day.toISOString().slice(0, 10);
  await client.query(
    `DELETE FROM "ScoreSnapshot" WHERE "organizationId" = $1 AND "scorecardId" = $2 AND "day" = $3::date
       AND ($4::uuid[] IS NULL OR "accountId" = ANY($4::uuid[]))`,
    [target.organizationId, target.scorecardId, day, accountIds],
  );
  const prefix = `${target.organizationId}\t${target.scorecardId}\t`;
  const count = rows.accountIds.length;
  function* chunks() {
    for (let start = 0; start < count; start += CHUNK) {
      let chunk = "";
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        const r = rows.row(i);
        chunk += `${prefix}${rows.accountIds[i]}\t${day}\t${target.modelVersionId}\t${copyField(r.variantKey)}\t${
          r.score === null ? "\\N" : r.score
        }\t${copyField(r.tierKey)}\t${r.coverage}\t${copyField(r.detail)}\n`;
      }
      yield chunk;
    }
  }
  await copyIn(
    client,
    `COPY "ScoreSnapshot" ("organizationId", "scorecardId", "accountId", "day", "modelVersionId", "variantKey", "score", "tierKey", "coverage", "detail") FROM STDIN`,
    chunks(),
  );
  if (count >= 1000) await analyzeIfGrown(sqlTxFor(client), "ScoreSnapshot", count);
}
