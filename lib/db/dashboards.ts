import type { BookInput, DistributionInput, TrendInput } from "../dashboards/overview";
import type { TenantContext } from "../tenant";
import type { PortfolioFilters } from "../validation/dashboards";
import { isoDay } from "../dates";
import { Prisma, readRows } from "./client";
import { portfolioWhere, rollupSliceFor } from "./portfolio-view";

/** Current scores of the view by tier and histogram bucket (scores of `range` split into `buckets`). */
export async function loadDistribution(
  ctx: TenantContext,
  scorecardId: string,
  filters: PortfolioFilters,
  range: { min: number; max: number },
  buckets: number,
): Promise<DistributionInput[]> {
  const slice = rollupSliceFor(ctx, filters);
  if (slice) {
    const rows = await readRows<(Omit<DistributionInput, "arr"> & { arr: string })[]>`
      SELECT "tierKey", nullif("bucket", -1) AS "bucket", sum("accounts")::int AS "accounts", sum("scored")::int AS "scored",
             sum("scoreSum")::float8 AS "scoreSum", sum("coverageSum")::float8 AS "coverageSum", sum("arr")::text AS "arr"
      FROM "CurrentRollup"
      WHERE "organizationId" = ${ctx.organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid
        AND "dimension" = ${slice.dimension}::"RollupDimension" AND "dimensionKey" = ANY(${slice.keys}::text[])
      GROUP BY 1, 2`;
    return rows.map((r) => ({ ...r, arr: Number(r.arr) }));
  }
  const rows = await readRows<
    {
      tierKey: string;
      bucket: number | null;
      accounts: number;
      scored: number;
      scoreSum: number;
      coverageSum: number;
      arr: string;
    }[]
  >`
    SELECT c."tierKey", least(${buckets - 1}::int, width_bucket(c."score", ${range.min}::float8, ${range.max}::float8, ${buckets}::int) - 1) AS "bucket",
           count(*)::int AS "accounts", count(c."score")::int AS "scored", coalesce(sum(c."score"), 0)::float8 AS "scoreSum",
           sum(c."coverage")::float8 AS "coverageSum", sum(a."arr")::text AS "arr"
    FROM "CurrentScore" c
    JOIN "Account" a ON a."organizationId" = c."organizationId" AND a."id" = c."accountId"
    WHERE c."organizationId" = ${ctx.organizationId}::uuid AND c."scorecardId" = ${scorecardId}::uuid
      AND ${portfolioWhere(ctx, filters)}
    GROUP BY 1, 2`;
  return rows.map((r) => ({ ...r, bucket: r.bucket === null ? null : Math.max(0, r.bucket), arr: Number(r.arr) }));
}

/**
 * Per day and tier of `from`..`to`: account count, score sum and ARR of the view
 * — from the daily rollups when they cover the view exactly, else from the
 * snapshots, every `step`-th day (ending on `to`) to bound the work.
 */
export async function loadTrend(
  ctx: TenantContext,
  scorecardId: string,
  filters: PortfolioFilters,
  from: Date,
  to: Date,
  step = 1,
): Promise<{ rows: TrendInput[]; source: "rollups" | "snapshots" }> {
  const slice = rollupSliceFor(ctx, filters);
  type Raw = { day: Date; tierKey: string; accounts: number; scoreSum: number; arr: string };
  let raw: Raw[];
  if (slice) {
    raw = await readRows<Raw[]>`
      SELECT "day", "tierKey", sum("accounts")::int AS "accounts", sum("scoreSum")::float8 AS "scoreSum", sum("arr")::text AS "arr"
      FROM "ScoreRollup"
      WHERE "organizationId" = ${ctx.organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid
        AND "dimension" = ${slice.dimension}::"RollupDimension" AND "dimensionKey" = ANY(${slice.keys}::text[])
        AND "day" BETWEEN ${from}::date AND ${to}::date
      GROUP BY 1, 2 ORDER BY 1`;
  } else {
    raw = await readRows<Raw[]>`
      SELECT s."day", s."tierKey", count(*)::int AS "accounts", coalesce(sum(s."score"), 0)::float8 AS "scoreSum", sum(a."arr")::text AS "arr"
      FROM "ScoreSnapshot" s
      JOIN "Account" a ON a."organizationId" = s."organizationId" AND a."id" = s."accountId"
      WHERE s."organizationId" = ${ctx.organizationId}::uuid AND s."scorecardId" = ${scorecardId}::uuid
        AND s."day" BETWEEN ${from}::date AND ${to}::date AND (${to}::date - s."day") % ${step}::int = 0
        AND ${portfolioWhere(ctx, filters)}
      GROUP BY 1, 2 ORDER BY 1`;
  }
  return {
    rows: raw.map((r) => ({
      day: isoDay(r.day),
      tierKey: r.tierKey,
      accounts: r.accounts,
      scoreSum: r.scoreSum,
      arr: Number(r.arr),
    })),
    source: slice ? "rollups" : "snapshots",
  };
}

/**
 * The view's accounts with their snapshots of two days, as `f` (from) and `t` (to),
 * either missing when the account was not scored that day; joined to `a` ("Account").
 */
function twoDays(ctx: TenantContext, scorecardId: string, from: Date, to: Date) {
  const day = (d: Date) => Prisma.sql`SELECT "accountId", "tierKey", "score" FROM "ScoreSnapshot"
    WHERE "organizationId" = ${ctx.organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid AND "day" = ${d}::date`;
  return Prisma.sql`(${day(from)}) f FULL JOIN (${day(to)}) t ON t."accountId" = f."accountId"
    JOIN "Account" a ON a."organizationId" = ${ctx.organizationId}::uuid AND a."id" = coalesce(f."accountId", t."accountId")`;
}

/**
 * How the view's accounts moved between tiers from one day's snapshots to
 * another's ("none": not scored that day). `current`: the days are the last
 * scored day and 30 days before it, which the current rollups hold precomputed
 * for the accounts scored today.
 */
export async function loadMovement(
  ctx: TenantContext,
  scorecardId: string,
  filters: PortfolioFilters,
  from: Date,
  to: Date,
  current = false,
) {
  const slice = current ? rollupSliceFor(ctx, filters) : null;
  if (slice) {
    const rows = await readRows<{ fromTier: string; toTier: string; accounts: number; arr: string }[]>`
      SELECT "tier30" AS "fromTier", "tierKey" AS "toTier", sum("accounts")::int AS "accounts", sum("arr")::text AS "arr"
      FROM "CurrentRollup"
      WHERE "organizationId" = ${ctx.organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid
        AND "dimension" = ${slice.dimension}::"RollupDimension" AND "dimensionKey" = ANY(${slice.keys}::text[])
      GROUP BY 1, 2`;
    return rows.map((r) => ({ ...r, arr: Number(r.arr) }));
  }
  const rows = await readRows<{ fromTier: string; toTier: string; accounts: number; arr: string }[]>`
    SELECT coalesce(f."tierKey", 'none') AS "fromTier", coalesce(t."tierKey", 'none') AS "toTier",
           count(*)::int AS "accounts", sum(a."arr")::text AS "arr"
    FROM ${twoDays(ctx, scorecardId, from, to)}
    WHERE ${portfolioWhere(ctx, filters)}
    GROUP BY 1, 2`;
  return rows.map((r) => ({ ...r, arr: Number(r.arr) }));
}

export interface MovedAccount {
  id: string;
  name: string;
  arr: number;
  owner: string | null;
  fromScore: number | null;
  toScore: number | null;
}

/** The accounts behind one cell of the movement matrix, largest ARR first. */
export async function listMovedAccounts(
  ctx: TenantContext,
  scorecardId: string,
  filters: PortfolioFilters,
  move: { from: Date; to: Date; fromTier: string; toTier: string },
  page: { offset: number; limit: number },
) {
  const rows = await readRows<(Omit<MovedAccount, "arr"> & { arr: string; total: number })[]>`
    SELECT a."id", a."name", a."arr"::text AS "arr", u."name" AS "owner", f."score" AS "fromScore", t."score" AS "toScore",
           count(*) OVER ()::int AS "total"
    FROM ${twoDays(ctx, scorecardId, move.from, move.to)}
    LEFT JOIN "User" u ON u."id" = a."ownerId"
    WHERE ${portfolioWhere(ctx, filters)}
      AND coalesce(f."tierKey", 'none') = ${move.fromTier} AND coalesce(t."tierKey", 'none') = ${move.toTier}
    ORDER BY a."arr" DESC, a."id"
    OFFSET ${page.offset} LIMIT ${page.limit}`;
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r): MovedAccount => ({
      id: r.id,
      name: r.name,
      owner: r.owner,
      fromScore: r.fromScore,
      toScore: r.toScore,
      arr: Number(r.arr),
    })),
  };
}

/** The last day with rollups for the scorecard (the dashboards' "today"), or null before any scoring. */
export async function getLatestScoredDay(ctx: TenantContext, scorecardId: string): Promise<Date | null> {
  const [row] = await readRows<{ day: Date }[]>`
    SELECT "day" FROM "ScoreRollup"
    WHERE "organizationId" = ${ctx.organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid
    ORDER BY "day" DESC
    LIMIT 1`;
  return row?.day ?? null;
}

/** Each owner's book within the view, from the current scores (`lowestTier`: the tier counted as at risk). */
export async function listBooks(
  ctx: TenantContext,
  scorecardId: string,
  filters: PortfolioFilters,
  lowestTier: string,
) {
  const rows = await readRows<(Omit<BookInput, "arr" | "atRiskArr"> & { arr: string; atRiskArr: string })[]>`
    SELECT a."ownerId", u."name" AS "owner", count(*)::int AS "accounts", count(c."score")::int AS "scored",
           coalesce(sum(c."score"), 0)::float8 AS "scoreSum", sum(a."arr")::text AS "arr",
           coalesce(sum(a."arr") FILTER (WHERE c."tierKey" = ${lowestTier}), 0)::text AS "atRiskArr",
           count(*) FILTER (WHERE c."tierKey" = ${lowestTier})::int AS "atRiskAccounts",
           coalesce(sum(c."delta30"), 0)::float8 AS "delta30Sum", count(c."delta30")::int AS "withDelta30"
    FROM "CurrentScore" c
    JOIN "Account" a ON a."organizationId" = c."organizationId" AND a."id" = c."accountId"
    LEFT JOIN "User" u ON u."id" = a."ownerId"
    WHERE c."organizationId" = ${ctx.organizationId}::uuid AND c."scorecardId" = ${scorecardId}::uuid
      AND ${portfolioWhere(ctx, filters)}
    GROUP BY a."ownerId", u."name"`;
  return rows.map((r): BookInput => ({ ...r, arr: Number(r.arr), atRiskArr: Number(r.atRiskArr) }));
}
