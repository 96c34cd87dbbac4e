/**
 * `npm run bench`: on a throwaway database, a synthetic organisation of 100k
 * accounts × 20 metrics and a 1M-row observations CSV. Each figure is printed
 * next to its baseline, measured in the same run, and written to bench/RESULTS.md.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { db, disconnectDb } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { createPublishedScorecard } from "../lib/db/scorecards";
import { recomputeOrganization } from "../lib/services/scoring/recompute";
import type { TenantContext } from "../lib/tenant";
import { measureAccountImport } from "./lib/account-import";
import { measureAlertEvaluation } from "./lib/alerts";
import { measureBackfill } from "./lib/backfill";
import { measureImpactPreview } from "./lib/impact";
import { measureObservationImport } from "./lib/observation-import";
import { createThrowawayDatabase, sql } from "./lib/database";
import { seconds, timed } from "./lib/measure";
import { writeResults, type Figure } from "./lib/results";
import { benchModel, createSyntheticOrganization, METRICS, SQL_SCORES } from "./lib/synthetic";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const CSV_ROWS_PER_ACCOUNT = Number(process.env.BENCH_ROWS_PER_ACCOUNT ?? 10);
const NAIVE_SAMPLE = Number(process.env.BENCH_NAIVE_SAMPLE ?? 500);

/**
 * The least a recompute that keeps explainable history writes: day $3's snapshot
 * and explanation rows, as the recompute wrote them, inserted again as the next
 * day's in one statement. No reading of inputs, no scoring, no current scores or
 * rollups. REMOVE_REWRITTEN_DAY takes them out again.
 */
const REWRITE_DAY = `
  WITH snapshots AS (
    INSERT INTO "ScoreSnapshot" ("organizationId", "scorecardId", "accountId", "day", "modelVersionId", "variantKey",
                                 "score", "overriddenScore", "tierKey", "overriddenTier", "coverage")
    SELECT "organizationId", "scorecardId", "accountId", "day" + 1, "modelVersionId", "variantKey",
           "score", "overriddenScore", "tierKey", "overriddenTier", "coverage"
    FROM "ScoreSnapshot" WHERE "organizationId" = $1 AND "scorecardId" = $2 AND "day" = $3::date
  )
  INSERT INTO "ScoreExplanation" ("organizationId", "scorecardId", "day", "accountId", "detail")
  SELECT "organizationId", "scorecardId", "day" + 1, "accountId", "detail"
  FROM "ScoreExplanation" WHERE "organizationId" = $1 AND "scorecardId" = $2 AND "day" = $3::date`;

const REMOVE_REWRITTEN_DAY = `
  WITH explanations AS (
    DELETE FROM "ScoreExplanation" WHERE "organizationId" = $1 AND "scorecardId" = $2 AND "day" = $3::date + 1
  )
  DELETE FROM "ScoreSnapshot" WHERE "organizationId" = $1 AND "scorecardId" = $2 AND "day" = $3::date + 1`;

/** The other baseline: what a per-account ORM loop would do, on a sample. */
async function naiveLoop(organizationId: string, scorecardId: string, versionId: string, sample: number) {
  const prisma = db();
  const accounts = await prisma.account.findMany({ where: { organizationId }, select: { id: true }, take: sample });
  const day = new Date(Date.UTC(2030, 0, 1));
  for (const a of accounts) {
    const values = await prisma.metricCurrentValue.findMany({
      where: { organizationId, accountId: a.id },
      select: { value: true },
    });
    const score = values.reduce((s, v) => s + Math.min(100, Math.max(0, v.value ?? 0)), 0) / values.length;
    const data = {
      modelVersionId: versionId,
      score,
      tierKey: score >= 70 ? "healthy" : score >= 40 ? "neutral" : "at_risk",
      coverage: 1,
    };
    await prisma.scoreSnapshot.upsert({
      where: { organizationId_scorecardId_day_accountId: { organizationId, scorecardId, accountId: a.id, day } },
      create: { organizationId, scorecardId, accountId: a.id, day, ...data },
      update: data,
    });
    await prisma.scoreExplanation.upsert({
      where: { organizationId_scorecardId_day_accountId: { organizationId, scorecardId, day, accountId: a.id } },
      create: { organizationId, scorecardId, accountId: a.id, day, detail: {} },
      update: { detail: {} },
    });
    await prisma.currentScore.upsert({
      where: { organizationId_scorecardId_accountId: { organizationId, scorecardId, accountId: a.id } },
      create: { organizationId, scorecardId, accountId: a.id, ...data, computedAt: new Date() },
      update: { ...data, computedAt: new Date() },
    });
  }
  return accounts.length;
}

async function main() {
  const started = new Date();
  const database = await createThrowawayDatabase();
  const work = await mkdtemp(path.join(tmpdir(), "pulseboard-bench-"));
  process.env.DATABASE_URL = database.url;
  process.env.PULSEBOARD_UPLOAD_DIR = path.join(work, "uploads");
  const figures: Figure[] = [];
  const log = (line: string) => console.log(line);
  try {
    await migrateDatabase(database.url);
    const setup = await timed(() => createSyntheticOrganization(database.url, ACCOUNTS));
    const organizationId = setup.result;
    log(
      `synthetic organisation: ${ACCOUNTS.toLocaleString("en-US")} accounts × ${METRICS} metrics (${seconds(setup.ms)})`,
    );
    // Measure on a settled database, not against autovacuum catching up with the setup's two million rows.
    await sql(database.url, `VACUUM (ANALYZE)`);
    await sql(database.url, `CHECKPOINT`);
    const { scorecardId, versionId } = await createPublishedScorecard(organizationId, {
      key: "bench",
      name: "Bench",
      definition: benchModel(),
      changeNote: "bench",
    });

    const ctx = {
      organizationId,
      userId: organizationId,
      role: "admin",
      scope: { kind: "organization" },
    } as TenantContext;
    const observations = await measureObservationImport(database.url, ctx, work, ACCOUNTS, CSV_ROWS_PER_ACCOUNT, log);
    figures.push(...observations.figures);
    // The import's other figure goes before its peak memory.
    const newestAt = figures.length - 1;

    // Recompute vs one SQL statement.
    const now = new Date();
    const recompute = await timed(() => recomputeOrganization(organizationId, { trigger: "bench", now }));
    const baseline = await timed(() => sql(database.url, SQL_SCORES, [organizationId]));
    const diff = await sql(
      database.url,
      `SELECT max(abs(c."score" - b.score)) AS d, count(*) AS n FROM "CurrentScore" c JOIN bench_sql_scores b ON b.account_id = c."accountId" WHERE c."organizationId" = $1`,
      [organizationId],
    );
    figures.push({
      name: "Full recompute (read current values → score with explanations → write snapshots, current scores, rollups)",
      ours: recompute.ms,
      baseline: baseline.ms,
      baselineName: "one set-based SQL statement computing the same weighted scores",
      goal: "≤ 2×",
      ratio: recompute.ms / baseline.ms,
      note: `${recompute.result.accounts.toLocaleString("en-US")} accounts; largest difference from the SQL scores: ${Number(diff.rows[0].d).toExponential(2)} over ${diff.rows[0].n} accounts`,
    });
    log(`recompute ${seconds(recompute.ms)} vs SQL ${seconds(baseline.ms)}`);

    const today = now.toISOString().slice(0, 10);
    const history = await timed(() => sql(database.url, REWRITE_DAY, [organizationId, scorecardId, today]));
    await sql(database.url, REMOVE_REWRITTEN_DAY, [organizationId, scorecardId, today]);
    if (!history.result.rowCount) throw new Error(`the recompute wrote no explanations for ${today}`);
    figures.push({
      name: `Writing one day of explainable history alone: the recompute's ${history.result.rowCount.toLocaleString("en-US")} snapshots and their explanations inserted again as the next day's (no reading, no scoring, no current scores or rollups) — the least a recompute that keeps history writes`,
      ours: history.ms,
      baseline: baseline.ms,
      baselineName: "the same SQL statement",
      goal: "(context)",
      ratio: history.ms / baseline.ms,
    });
    log(`one day of history written again: ${seconds(history.ms)}`);

    // Recompute vs a naive per-account Prisma loop (on a sample, scaled).
    const naive = await timed(() => naiveLoop(organizationId, scorecardId, versionId, NAIVE_SAMPLE));
    const naiveScaled = (naive.ms / naive.result) * ACCOUNTS;
    figures.push({
      name: "Full recompute vs a naive per-account Prisma loop",
      ours: recompute.ms,
      baseline: naiveScaled,
      baselineName: `naive loop on ${naive.result} accounts (${seconds(naive.ms)}), scaled to ${ACCOUNTS.toLocaleString("en-US")}`,
      goal: "≥ 20× faster",
      ratio: naiveScaled / recompute.ms,
      higherIsBetter: true,
    });
    log(`naive loop ${seconds(naive.ms)} for ${naive.result} accounts → ${seconds(naiveScaled)} scaled`);

    figures.push(await measureAlertEvaluation(ctx, scorecardId, log));
    figures.push(await measureImpactPreview(ctx, scorecardId, log));
    figures.push(...(await measureBackfill(database.url, organizationId, now, recompute.ms, log)));

    figures.splice(newestAt, 0, await observations.newest());

    // Changes every account (segments, ARR): last of all.
    figures.push(...(await measureAccountImport(database.url, ctx, work, ACCOUNTS, log)));

    await writeResults({ started, accounts: ACCOUNTS, metrics: METRICS, csvRows: observations.rows, figures });
    log("wrote bench/RESULTS.md");
  } finally {
    await disconnectDb();
    await database.drop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
