import { backfillHistory } from "../../lib/services/scoring/backfill";
import { peakMemory, seconds, timed } from "./measure";
import type { Figure } from "./results";
import { sql } from "./database";

const DAYS = Number(process.env.BENCH_BACKFILL_DAYS ?? 7);

/**
 * "Score the past" over the last DAYS days up to `today` (whose snapshots the
 * recompute has written and the backfill keeps), per day scored, next to the
 * full recompute of one day measured before it; and the process's peak memory,
 * which replaying the observations a batch at a time keeps to one portfolio.
 */
export async function measureBackfill(
  url: string,
  organizationId: string,
  today: Date,
  recomputeMs: number,
  log: (line: string) => void,
): Promise<Figure[]> {
  const observations = await sql(
    url,
    `SELECT count(*)::int AS n FROM "MetricObservation" WHERE "organizationId" = $1 AND "observedAt" <= $2`,
    [organizationId, today],
  );
  const run = await peakMemory(() => timed(() => backfillHistory(organizationId, { days: DAYS, today })));
  const perDay = run.result.ms / DAYS;
  const accounts = run.result.result.accounts.toLocaleString("en-US");
  log(
    `backfill of ${DAYS} days ${seconds(run.result.ms)} (${seconds(perDay)} a day), peak RSS ${run.peakMb.toFixed(0)} MB (${run.startMb.toFixed(0)} MB before)`,
  );
  return [
    {
      name: `History backfill ("score the past") of the last ${DAYS} days, per day: ${accounts} accounts scored point-in-time from ${observations.rows[0].n.toLocaleString("en-US")} observations replayed in time order, lifecycle stages placed as of each day, snapshots with explanations written, rollups rebuilt by each day's stages (today's snapshots kept)`,
      ours: perDay,
      baseline: recomputeMs,
      baselineName: "the full recompute of one day, above",
      goal: "(context)",
      ratio: perDay / recomputeMs,
      note: `${seconds(run.result.ms)} in all`,
    },
    {
      name: "Peak memory (RSS) of the whole process during the backfill",
      ours: run.peakMb,
      unit: "MB",
      goal: "(context)",
      note: `${run.startMb.toFixed(0)} MB when it started`,
    },
  ];
}
