import { getLatestScoredDay, listBooks } from "../../db/dashboards";
import { compareBooks } from "../../dashboards/overview";
import type { TenantContext } from "../../tenant";
import type { OverviewQuery } from "../../validation/dashboards";
import { filtersOf, viewTrend } from "./overview";
import { isoDay, resolveScorecard } from "./scorecard";

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
  const series = (extra: { segment?: string; team?: string }) =>
    viewTrend(ctx, card, { ...base, ...extra }, latest, q.range, 45);
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
