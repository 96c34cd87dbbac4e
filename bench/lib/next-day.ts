import { recomputeOrganization } from "../../lib/services/scoring/recompute";
import { sql } from "./database";
import { seconds, timed } from "./measure";
import { SQL_SCORES } from "./synthetic";

/** What a recompute rewrites for the whole organisation, kept aside (in real tables: each `sql` call is its own session). */
const CURRENT_TABLES = ["CurrentScore", "CurrentRollup"];
const keptCopy = (table: string) => `bench_kept_${table.toLowerCase()}`;

export interface NextDay {
  day: string;
  recomputeMs: number;
  sqlMs: number;
  accounts: number;
}

/**
 * The nightly run on an organisation with history: the next day's full recompute,
 * whose snapshots join a year of others and whose trends read 30 and 90 days back,
 * after a checkpoint (as a run a day after the last one finds the database), next
 * to the SQL statement computing the same weighted scores. The day is then taken
 * out and the current tables put back, so a kept database stays as it was.
 */
export async function measureNextDay(url: string, organizationId: string): Promise<NextDay> {
  const latest = await sql(
    url,
    `SELECT to_char(max("day") + 1, 'YYYY-MM-DD') AS day FROM "ScoreSnapshot" WHERE "organizationId" = $1`,
    [organizationId],
  );
  const day: string = latest.rows[0].day;
  for (const table of CURRENT_TABLES) {
    await sql(url, `DROP TABLE IF EXISTS ${keptCopy(table)}`);
    await sql(url, `CREATE TABLE ${keptCopy(table)} AS SELECT * FROM "${table}" WHERE "organizationId" = $1`, [
      organizationId,
    ]);
  }
  try {
    await sql(url, "CHECKPOINT");
    const run = await timed(() =>
      recomputeOrganization(organizationId, { trigger: "bench", now: new Date(`${day}T06:00:00Z`) }),
    );
    const baseline = await timed(() => sql(url, SQL_SCORES, [organizationId]));
    console.log(`next day's recompute (${day}): ${seconds(run.ms)} vs SQL ${seconds(baseline.ms)}`);
    return { day, recomputeMs: run.ms, sqlMs: baseline.ms, accounts: run.result.accounts };
  } finally {
    await sql(url, "DROP TABLE IF EXISTS bench_sql_scores");
    for (const table of ["ScoreExplanation", "ScoreSnapshot", "ScoreRollup"])
      await sql(url, `DELETE FROM "${table}" WHERE "organizationId" = $1 AND "day" = $2::date`, [organizationId, day]);
    for (const table of CURRENT_TABLES) {
      await sql(url, `DELETE FROM "${table}" WHERE "organizationId" = $1`, [organizationId]);
      await sql(url, `INSERT INTO "${table}" SELECT * FROM ${keptCopy(table)}`);
      await sql(url, `DROP TABLE ${keptCopy(table)}`);
    }
  }
}
