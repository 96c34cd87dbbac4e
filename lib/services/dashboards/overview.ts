import { getLatestScoredDay, loadDistribution, loadMovement, loadTrend } from "../../db/dashboards";
import { rollupSliceFor } from "../../db/portfolio-view";
import { HISTOGRAM_BUCKETS } from "../../db/score-writes";
import { dayRange, histogram, movementMatrix, summarize, trendSeries } from "../../dashboards/overview";
import { INSUFFICIENT_DATA } from "../../scoring";
import type { TenantContext } from "../../tenant";
import type { OverviewQuery, PortfolioFilters } from "../../validation/dashboards";
import { addDays, dayDate, isoDay, resolveScorecard, type ScorecardView } from "./scorecard";

/** Most points a trend drawn from raw snapshots reads (rollups give every day). */

export const filtersOf = (q: PortfolioFilters): PortfolioFilters => ({
  segment: q.segment,
  team: q.team,
  owner: q.owner,
  stage: q.stage,
});

/**
 * The average-score and tier-mix series of a view over the `range` days ending
 * on the last scored day: every day from the rollups when they cover the view,
 * else every n-th day from the snapshots (at most `maxPoints` days read).
 */
export async function viewTrend(
  ctx: TenantContext,
  card: ScorecardView,
  filters: PortfolioFilters,
  latest: string,
  range: number,
  maxPoints: number,
) {
  const step = rollupSliceFor(ctx, filters) ? 1 : Math.max(1, Math.ceil(range / maxPoints));
  const days = dayRange(latest, Math.ceil(range / step), step);
  const trend = await loadTrend(ctx, card.id, filters, dayDate(days[0]!), dayDate(latest), step);
  return { ...trendSeries(trend.rows, days, card.tiers, INSUFFICIENT_DATA.key), source: trend.source, step };
}

/**
 * Everything the portfolio overview shows for the caller's view: headline figures,
 * tier breakdown, histogram, trend of the average and of the tier mix, and the
 * tier movement between two days (default: 30 days before the last scored day, and that day).
 */
export async function loadOverview(ctx: TenantContext, q: OverviewQuery) {
  const { options, selected: card } = await resolveScorecard(ctx, q.scorecard);
  if (!card) return { scorecards: options, card: null } as const;
  const latestDate = await getLatestScoredDay(ctx, card.id);
  if (!latestDate) return { scorecards: options, card, latest: null } as const;
  const latest = isoDay(latestDate);
  const filters = filtersOf(q);
  const to = q.to && q.to <= latest ? q.to : latest;
  const from = q.from && q.from < to ? q.from : addDays(to, -30);
  const [distribution, trend, movement] = await Promise.all([
    loadDistribution(ctx, card.id, filters, card.range, HISTOGRAM_BUCKETS),
    viewTrend(ctx, card, filters, latest, q.range, 60),
    loadMovement(ctx, card.id, filters, dayDate(from), dayDate(to), to === latest && from === addDays(latest, -30)),
  ]);
  return {
    scorecards: options,
    card: { id: card.id, name: card.name, versionNumber: card.versionNumber, range: card.range, tiers: card.tiers },
    latest,
    summary: summarize(distribution, card.tiers),
    histogram: histogram(distribution, card.tiers, card.range, HISTOGRAM_BUCKETS),
    trend,
    movement: { from, to, ...movementMatrix(movement, card.tiers, INSUFFICIENT_DATA.key) },
  } as const;
}

export type Overview = Awaited<ReturnType<typeof loadOverview>>;
