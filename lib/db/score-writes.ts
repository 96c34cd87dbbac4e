import { BULK_WORK_MEM, db, Prisma, sqlTxFor, withBulkTransaction, type SqlTx, type Tx } from "./client";
import { copyField, copyIn } from "./copy";
import { stagePlacementSpans, type PlacementSpans } from "./placements";
import { priorityExpression, type PriorityParams } from "./priorities";
import { analyzeIfGrown } from "./statistics";

export interface SnapshotRows {
  day: Date[];
  accountId: string[];
  variantKey: (string | null)[];
  score: (number | null)[];
  tierKey: string[];
  coverage: number[];
  /** JSON text of each explanation. */
  detail: string[];
}

export const emptySnapshotRows = (): SnapshotRows => ({
  day: [],
  accountId: [],
  variantKey: [],
  score: [],
  tierKey: [],
  coverage: [],
  detail: [],
});

/**
 * Writes snapshots of past days, with their explanations; past days are
 * immutable, so one already stored is kept and a repeat is a no-op. (Today's,
 * still open, are replaced by replaceDaySnapshots.) The rows go in through COPY
 * into a staging table, then one INSERT … ON CONFLICT DO NOTHING per table:
 * explanations (about a kilobyte each) sent as statement parameters were held
 * on to by the query layer, and a backfill sends millions.
 */
export async function writeSnapshots(
  organizationId: string,
  scorecardId: string,
  modelVersionId: string,
  rows: SnapshotRows,
) {
  const count = rows.accountId.length;
  if (count === 0) return;
  await withBulkTransaction(async (client) => {
    await client.query(`CREATE TEMP TABLE past_snapshots (account_id uuid, day date, variant_key text, score float8,
      tier_key text, coverage float8, detail text) ON COMMIT DROP`);
    function* chunks() {
      for (let start = 0; start < count; start += 1_000) {
        let text = "";
        for (let i = start; i < Math.min(count, start + 1_000); i++)
          text += `${rows.accountId[i]}\t${rows.day[i]!.toISOString().slice(0, 10)}\t${copyField(rows.variantKey[i] ?? null)}\t${
            rows.score[i] ?? "\\N"
          }\t${copyField(rows.tierKey[i]!)}\t${rows.coverage[i]}\t${copyField(rows.detail[i]!)}\n`;
        yield text;
      }
    }
    await copyIn(client, `COPY past_snapshots FROM STDIN`, chunks());
    const target = [organizationId, scorecardId];
    await client.query(
      `INSERT INTO "ScoreSnapshot" ("organizationId", "scorecardId", "accountId", "day", "modelVersionId", "variantKey",
                                    "score", "tierKey", "coverage")
       SELECT $1, $2, account_id, day, $3, variant_key, score, tier_key, coverage FROM past_snapshots
       ON CONFLICT DO NOTHING`,
      [...target, modelVersionId],
    );
    await client.query(
      `INSERT INTO "ScoreExplanation" ("organizationId", "scorecardId", "accountId", "day", "detail")
       SELECT $1, $2, account_id, day, detail::json FROM past_snapshots
       ON CONFLICT DO NOTHING`,
      target,
    );
    if (count >= 1000) {
      await analyzeIfGrown(sqlTxFor(client), "ScoreSnapshot", count);
      await analyzeIfGrown(sqlTxFor(client), "ScoreExplanation", count);
    }
  });
}

/**
 * Brings the current-score rows up to date from the snapshots of `day`, with
 * 7/30/90-day deltas and the 30-day least-squares slope from the history, and
 * drops the current scores of the accounts in scope (`accountIds`, or all) that
 * have no snapshot that day — no longer customers. A whole refresh also writes
 * the at-risk priority (`priority`) in the same pass.
 */
export async function refreshCurrentScores(
  organizationId: string,
  scorecardId: string,
  day: Date,
  accountIds: string[] | null,
  tx: SqlTx = db(),
  options: { priority?: PriorityParams } = {},
) {
  const ids = accountIds;
  // Over every account scored that day, which is every current score once the refresh is done.
  const priority =
    options.priority && ids === null
      ? priorityExpression(
          {
            score: Prisma.sql`s."score"`,
            delta30: Prisma.sql`(s."score" - hist.s30)`,
            coverage: Prisma.sql`s."coverage"`,
            arrRank: Prisma.sql`percent_rank() OVER (ORDER BY a."arr")`,
            renewalDate: Prisma.sql`a."renewalDate"`,
          },
          options.priority,
        )
      : Prisma.sql`0`;
  // One grouped pass over the last 30 days (and days −7/−30/−90) of history, not a lookup per account.
  const written = await tx.$executeRaw`
    WITH hist AS (
      SELECT h."accountId",
             regr_slope(h."score", (h."day" - ${day}::date)::float8) FILTER (WHERE h."day" > ${day}::date - 30) AS slope30,
             max(h."score") FILTER (WHERE h."day" = ${day}::date - 7) AS s7,
             max(h."score") FILTER (WHERE h."day" = ${day}::date - 30) AS s30,
             max(h."score") FILTER (WHERE h."day" = ${day}::date - 90) AS s90,
             max(h."tierKey") FILTER (WHERE h."day" = ${day}::date - 30) AS t30
      FROM "ScoreSnapshot" h
      WHERE h."organizationId" = ${organizationId}::uuid AND h."scorecardId" = ${scorecardId}::uuid
        AND (h."day" > ${day}::date - 30 OR h."day" IN (${day}::date - 30, ${day}::date - 90))
        AND h."day" <= ${day}::date
        AND (${ids}::uuid[] IS NULL OR h."accountId" = ANY(${ids}::uuid[]))
      GROUP BY h."accountId")
    INSERT INTO "CurrentScore" ("organizationId", "scorecardId", "accountId", "modelVersionId", "variantKey", "score", "tierKey",
                                "coverage", "delta7", "delta30", "delta90", "slope30", "tier30", "priority", "computedAt")
    SELECT s."organizationId", s."scorecardId", s."accountId", s."modelVersionId", s."variantKey", s."score", s."tierKey", s."coverage",
           s."score" - hist.s7, s."score" - hist.s30, s."score" - hist.s90, hist.slope30,
           coalesce(hist.t30, 'none'), ${priority}, now()
    FROM "ScoreSnapshot" s
    JOIN "Account" a ON a."organizationId" = s."organizationId" AND a."id" = s."accountId"
    LEFT JOIN hist ON hist."accountId" = s."accountId"
    WHERE s."organizationId" = ${organizationId}::uuid AND s."scorecardId" = ${scorecardId}::uuid AND s."day" = ${day}::date
      AND (${ids}::uuid[] IS NULL OR s."accountId" = ANY(${ids}::uuid[]))
    ON CONFLICT ("organizationId", "scorecardId", "accountId") DO UPDATE SET
      "modelVersionId" = EXCLUDED."modelVersionId", "variantKey" = EXCLUDED."variantKey", "score" = EXCLUDED."score",
      "tierKey" = EXCLUDED."tierKey", "coverage" = EXCLUDED."coverage", "delta7" = EXCLUDED."delta7", "delta30" = EXCLUDED."delta30",
      "delta90" = EXCLUDED."delta90", "slope30" = EXCLUDED."slope30", "tier30" = EXCLUDED."tier30",
      "priority" = CASE WHEN ${ids === null && options.priority !== undefined} THEN EXCLUDED."priority" ELSE "CurrentScore"."priority" END,
      "computedAt" = EXCLUDED."computedAt"`;
  if (ids === null) await analyzeIfGrown(tx, "CurrentScore", written);
  await tx.$executeRaw`
    DELETE FROM "CurrentScore" c
    WHERE c."organizationId" = ${organizationId}::uuid AND c."scorecardId" = ${scorecardId}::uuid
      AND (${ids}::uuid[] IS NULL OR c."accountId" = ANY(${ids}::uuid[]))
      AND NOT EXISTS (SELECT 1 FROM "ScoreSnapshot" s WHERE s."organizationId" = c."organizationId" AND s."scorecardId" = c."scorecardId"
                        AND s."accountId" = c."accountId" AND s."day" = ${day}::date)`;
}

const ACCOUNT_DIMENSIONS = Prisma.sql`
  ('organization'::"RollupDimension", 'all'),
  ('team'::"RollupDimension", coalesce(a."teamId"::text, 'none')),
  ('owner'::"RollupDimension", coalesce(a."ownerId"::text, 'none'))`;

/**
 * Each row of the CTE `s` (with "accountId" and the given columns) once per rollup
 * slice its account belongs to — organisation, team, owner, stage, and each of its
 * segments — with the account's ARR; the caller groups by slice. `placedByDay`:
 * stage and segments as the runs in pb_placement_span place the account on the
 * row's "day" (see stagePlacementSpans), else as it is placed now.
 */
function perSlice(organizationId: string, columns: Prisma.Sql, placedByDay = false) {
  const account = Prisma.sql`s JOIN "Account" a ON a."organizationId" = ${organizationId}::uuid AND a."id" = s."accountId"`;
  const spanOf = (kind: string) => Prisma.sql`p."account_id" = s."accountId" AND p."kind" = ${kind}
    AND s."day" BETWEEN p."first_day" AND p."last_day"`;
  if (!placedByDay)
    return Prisma.sql`
    SELECT d."dimension", d."key", ${columns}, a."arr"
    FROM ${account}
    CROSS JOIN LATERAL (VALUES ${ACCOUNT_DIMENSIONS},
      ('stage'::"RollupDimension", coalesce(a."lifecycleStageId"::text, 'none'))) AS d("dimension", "key")
    UNION ALL
    SELECT 'segment'::"RollupDimension", m."segmentId"::text, ${columns}, a."arr"
    FROM ${account}
    JOIN "AccountSegment" m ON m."organizationId" = ${organizationId}::uuid AND m."accountId" = s."accountId"`;
  return Prisma.sql`
    SELECT d."dimension", d."key", ${columns}, a."arr"
    FROM ${account}
    CROSS JOIN LATERAL (VALUES ${ACCOUNT_DIMENSIONS}) AS d("dimension", "key")
    UNION ALL
    SELECT 'stage'::"RollupDimension",
           CASE WHEN p."account_id" IS NULL THEN coalesce(a."lifecycleStageId"::text, 'none') ELSE coalesce(ls."id"::text, 'none') END,
           ${columns}, a."arr"
    FROM ${account}
    LEFT JOIN pb_placement_span p ON ${spanOf("stage")}
    LEFT JOIN "LifecycleStage" ls ON ls."organizationId" = ${organizationId}::uuid AND ls."key" = p."key"
    UNION ALL
    SELECT 'segment'::"RollupDimension", sg."id"::text, ${columns}, a."arr"
    FROM ${account}
    JOIN pb_placement_span p ON ${spanOf("segment")}
    JOIN "Segment" sg ON sg."organizationId" = ${organizationId}::uuid AND sg."key" = p."key"`;
}

/**
 * Rebuilds the daily rollups of past days `from`..`to` from their snapshots: per
 * organisation, segment, team, owner and lifecycle stage, and per tier — account
 * count, score and coverage sums, ARR. Dashboards read these, never raw history.
 * `placedByDay`: where each account stood on each day, for the stage and
 * segment slices (else today's placement).
 */
export async function rebuildRollups(
  organizationId: string,
  scorecardId: string,
  from: Date,
  to: Date,
  tx: SqlTx = db(),
  placedByDay?: PlacementSpans,
) {
  if (placedByDay) await stagePlacementSpans(tx, placedByDay);
  await tx.$executeRaw`
    DELETE FROM "ScoreRollup" WHERE "organizationId" = ${organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid
      AND "day" BETWEEN ${from}::date AND ${to}::date`;
  await tx.$executeRaw`
    WITH s AS MATERIALIZED (
      SELECT "accountId", "day", "tierKey", "score", "coverage" FROM "ScoreSnapshot"
      WHERE "organizationId" = ${organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid
        AND "day" BETWEEN ${from}::date AND ${to}::date)
    INSERT INTO "ScoreRollup" ("organizationId", "scorecardId", "day", "dimension", "dimensionKey", "tierKey", "accounts", "scoreSum", "coverageSum", "arr")
    SELECT ${organizationId}::uuid, ${scorecardId}::uuid, x."day", x."dimension", x."key", x."tierKey",
           count(*)::int, coalesce(sum(x."score"), 0), sum(x."coverage"), sum(x."arr")
    FROM (${perSlice(organizationId, Prisma.sql`s."day", s."tierKey", s."score", s."coverage"`, placedByDay !== undefined)}) x
    GROUP BY x."day", x."dimension", x."key", x."tierKey"`;
}

/** Score bands of the overview's histogram. */
export const HISTOGRAM_BUCKETS = 20;

/**
 * Rebuilds the scorecard's current rollups from its current scores — per slice,
 * tier, score band and tier 30 days earlier: what the overview's figures,
 * histogram and default tier movement add up — and, summed from those, the
 * daily rollups of `day` (today). Both describe the portfolio as it stands,
 * including accounts a scoped run did not rescore (their latest score).
 */
export async function rebuildCurrentRollups(
  organizationId: string,
  scorecardId: string,
  range: { min: number; max: number },
  day: Date,
  tx: SqlTx = db(),
) {
  await tx.$executeRaw`DELETE FROM "CurrentRollup" WHERE "organizationId" = ${organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid`;
  await tx.$executeRaw`
    WITH s AS MATERIALIZED (
      SELECT "accountId", "tierKey", coalesce("tier30", 'none') AS "tier30", "score", "coverage",
             CASE WHEN "score" IS NULL THEN -1
                  ELSE least(${HISTOGRAM_BUCKETS - 1}::int, greatest(0, width_bucket("score", ${range.min}::float8, ${range.max}::float8, ${HISTOGRAM_BUCKETS}::int) - 1)) END AS "bucket"
      FROM "CurrentScore" WHERE "organizationId" = ${organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid)
    INSERT INTO "CurrentRollup" ("organizationId", "scorecardId", "dimension", "dimensionKey", "tierKey", "bucket", "tier30",
                                 "accounts", "scored", "scoreSum", "coverageSum", "arr")
    SELECT ${organizationId}::uuid, ${scorecardId}::uuid, x."dimension", x."key", x."tierKey", x."bucket", x."tier30",
           count(*)::int, count(x."score")::int, coalesce(sum(x."score"), 0), sum(x."coverage"), sum(x."arr")
    FROM (${perSlice(organizationId, Prisma.sql`s."tierKey", s."bucket", s."tier30", s."score", s."coverage"`)}) x
    GROUP BY x."dimension", x."key", x."tierKey", x."bucket", x."tier30"`;
  // A few thousand rows summed over score band and earlier tier: the same figures as grouping every current score again.
  await tx.$executeRaw`
    DELETE FROM "ScoreRollup" WHERE "organizationId" = ${organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid
      AND "day" = ${day}::date`;
  await tx.$executeRaw`
    INSERT INTO "ScoreRollup" ("organizationId", "scorecardId", "day", "dimension", "dimensionKey", "tierKey", "accounts", "scoreSum", "coverageSum", "arr")
    SELECT ${organizationId}::uuid, ${scorecardId}::uuid, ${day}::date, "dimension", "dimensionKey", "tierKey",
           sum("accounts")::int, sum("scoreSum"), sum("coverageSum"), sum("arr")
    FROM "CurrentRollup" WHERE "organizationId" = ${organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid
    GROUP BY "dimension", "dimensionKey", "tierKey"`;
}

export async function startScoringRun(organizationId: string, trigger: string, accountIds: string[] | null = null) {
  return db().scoringRun.create({
    data: { organizationId, trigger, status: "running", full: accountIds === null, accountIds: accountIds ?? [] },
    select: { id: true },
  });
}

export async function finishScoringRun(
  organizationId: string,
  id: string,
  result: { status: "succeeded" | "failed" | "stopped"; accounts: number; error?: string },
) {
  await db().scoringRun.update({
    where: { organizationId_id: { organizationId, id } },
    data: {
      status: result.status,
      accounts: result.accounts,
      error: result.error?.slice(0, 1000) ?? null,
      finishedAt: new Date(),
    },
  });
}

export function withScoringTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(BULK_WORK_MEM);
      return work(tx);
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
