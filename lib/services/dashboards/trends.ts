import { getLatestScoredDay, listBooks, loadTrend } from "../../db/dashboards";
import { rollupSliceFor } from "../../db/portfolio-view";
import { compareBooks, dayRange, trendSeries } from "../../dashboards/overview";
import { INSUFFICIENT_DATA } from "../../scoring";
import type { TenantContext } from "../../tenant";
import type { OverviewQuery } from "../../validation/dashboards";
import { filtersOf } from "./overview";
import { dayDate, isoDay, resolveScorecard } from "./scorecard";

const SNAPSHOT_POINTS = 45;

/**
 * Managers' view: a small trend chart per segment and per team (within the
 * caller's scope and filters) and the CSMs' books side by side.
 */
export async function loadTrends(
  ctx: TenantContext,
  q: OverviewQuery,
  groups: { segments: { id: string; name: string }[]; teams: { id: string; name: string }[] },
) {
  const { options, selected: card } = await resolveScorecard(ctx, q.scorecard);
  if (!card) return { scorecards: options, card: null } as const;
  const latestDate = await getLatestScoredDay(ctx, card.id);
  if (!latestDate) return { scorecards: options, card, latest: null } as const;
  const latest = isoDay(latestDate);
  const base = filtersOf(q);
  const series = async (extra: { segment?: string; team?: string }) => {
    const filters = { ...base, ...extra };
    const step = rollupSliceFor(ctx, filters) ? 1 : Math.max(1, Math.ceil(q.range / SNAPSHOT_POINTS));
    const days = dayRange(latest, Math.ceil(q.range / step), step);
    const trend = await loadTrend(ctx, card.id, filters, dayDate(days[0]!), latestDate, step);
    return trendSeries(trend.rows, days, card.tiers, INSUFFICIENT_DATA.key);
  };
  const segments = base.segment ? groups.segments.filter((s) => s.id === base.segment) : groups.segments;
  const teams = base.team ? groups.teams.filter((t) => t.id === base.team) : groups.teams;
  const [bySegment, byTeam, books] = await Promise.all([
    Promise.all(segments.map(async (s) => ({ ...s, trend: await series({ segment: s.id }) }))),
    Promise.all(teams.map(async (t) => ({ ...t, trend: await series({ team: t.id }) }))),
    listBooks(ctx, card.id, base, card.tiers[0]!.key),
  ]);
  return {
    scorecards: options,
    card: { id: card.id, name: card.name, range: card.range },
    latest,
    bySegment: bySegment.filter((s) => s.trend.average.some((v) => v !== null)),
    byTeam: byTeam.filter((t) => t.trend.average.some((v) => v !== null)),
    books: compareBooks(books),
  } as const;
}
