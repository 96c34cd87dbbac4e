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
}

/** One day's snapshots: the accounts in order, each one's row and explanation (JSON text), built when asked for. */
export interface DaySnapshots {
  accountIds: string[];
  row(index: number): SnapshotRow;
  detail(index: number): string;
}

/**
 * Replaces one day's snapshots of a scorecard — of `accountIds` only, when given —
 * with `rows`, and their explanations, each streamed in with COPY (a recompute
 * writes 100k explanations; COPY moves them at about twice the speed of INSERT …
 * SELECT unnest). Explanations are built batch by batch as the COPY asks for them.
 * Runs inside the caller's bulk transaction.
 */
export async function replaceDaySnapshots(
  client: BulkClient,
  target: { organizationId: string; scorecardId: string; modelVersionId: string; day: Date },
  rows: DaySnapshots,
  accountIds: string[] | null,
) {
  const day = target.day.toISOString().slice(0, 10);
  for (const table of ["ScoreSnapshot", "ScoreExplanation"])
    await client.query(
      `DELETE FROM "${table}" WHERE "organizationId" = $1 AND "scorecardId" = $2 AND "day" = $3::date
         AND ($4::uuid[] IS NULL OR "accountId" = ANY($4::uuid[]))`,
      [target.organizationId, target.scorecardId, day, accountIds],
    );
  const prefix = `${target.organizationId}\t${target.scorecardId}\t`;
  const count = rows.accountIds.length;
  function* chunks(line: (i: number) => string) {
    for (let start = 0; start < count; start += CHUNK) {
      let chunk = "";
      for (let i = start; i < Math.min(count, start + CHUNK); i++) chunk += line(i);
      yield chunk;
    }
  }
  await copyIn(
    client,
    `COPY "ScoreSnapshot" ("organizationId", "scorecardId", "accountId", "day", "modelVersionId", "variantKey", "score", "tierKey", "coverage") FROM STDIN`,
    chunks((i) => {
      const r = rows.row(i);
      return `${prefix}${rows.accountIds[i]}\t${day}\t${target.modelVersionId}\t${copyField(r.variantKey)}\t${
        r.score === null ? "\\N" : r.score
      }\t${copyField(r.tierKey)}\t${r.coverage}\n`;
    }),
  );
  await copyIn(
    client,
    `COPY "ScoreExplanation" ("organizationId", "scorecardId", "accountId", "day", "detail") FROM STDIN`,
    chunks((i) => `${prefix}${rows.accountIds[i]}\t${day}\t${copyField(rows.detail(i))}\n`),
  );
  if (count >= 1000) {
    await analyzeIfGrown(sqlTxFor(client), "ScoreSnapshot", count);
    await analyzeIfGrown(sqlTxFor(client), "ScoreExplanation", count);
  }
}
