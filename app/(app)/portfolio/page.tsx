import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { LineChart } from "@/components/charts/line-chart";
import { KpiGrid } from "@/components/dashboards/kpi-grid";
import { MovementMatrix } from "@/components/dashboards/movement-matrix";
import { PortfolioFilters } from "@/components/dashboards/portfolio-filters";
import { TierBreakdown } from "@/components/dashboards/tier-breakdown";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listAccountFilterOptions } from "@/lib/db/accounts";
import { SCOPE_TEXT } from "@/lib/dashboards/scope-text";
import { formatDay, formatMoneyCompact, formatNumber } from "@/lib/format";
import { loadOverview } from "@/lib/services/dashboards/overview";
import { overviewQuerySchema, TREND_RANGES } from "@/lib/validation/dashboards";

export const metadata: Metadata = { title: "Portfolio" };

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { tenant } = await requirePageTenant("accounts:read");
  const query = overviewQuerySchema.parse(await searchParams);
  const [overview, options] = await Promise.all([loadOverview(tenant, query), listAccountFilterOptions(tenant)]);
  const header = (detail?: string) => (
    <PageHeader title="Portfolio" description={`${SCOPE_TEXT[tenant.scope.kind]}${detail ? ` · ${detail}` : ""}`} />
  );
  if (!overview.card) {
    return (
      <>
        {header()}
        <EmptyState title="No scorecard is published yet">
          {can(tenant.role, "models:edit") ? (
            <p>Publish a scorecard to score your accounts; the portfolio fills in after the first run.</p>
          ) : (
            <p>Ask an admin to publish a scorecard; the portfolio fills in after the first run.</p>
          )}
        </EmptyState>
      </>
    );
  }
  if (!overview.latest) {
    return (
      <>
        {header(overview.card.name)}
        <EmptyState title="Not scored yet">
          <p>
            The first scoring run has not finished.{" "}
            {can(tenant.role, "scores:recompute") && <Link href="/settings/scoring">Recompute now</Link>}
          </p>
        </EmptyState>
      </>
    );
  }
  const { card, summary, histogram, trend, movement } = overview;
  const keep = {
    scorecard: query.scorecard,
    segment: query.segment,
    team: query.team,
    owner: query.owner,
    stage: query.stage,
  };
  const params = (extra: Record<string, string>) =>
    new URLSearchParams(
      Object.entries({ ...keep, ...extra }).filter((e): e is [string, string] => Boolean(e[1])),
    ).toString();
  const scored = trend.tierShare;
  return (
    <>
      {header(`${card.name} v${card.versionNumber} · scored through ${formatDay(overview.latest)}`)}
      <PortfolioFilters
        scorecards={overview.scorecards}
        options={options}
        showTeamAndOwner={tenant.scope.kind !== "own"}
        ranges={TREND_RANGES}
      />
      {summary.accounts === 0 ? (
        <EmptyState title="No scored accounts in this view">
          <p>Clear a filter, or check that the accounts have data and an owner.</p>
        </EmptyState>
      ) : (
        <div className="stack">
          <KpiGrid
            items={[
              {
                label: "Accounts scored",
                value: formatNumber(summary.accounts),
                hint: "current customers; churned accounts are not scored",
              },
              {
                label: "Average score",
                value: formatNumber(summary.averageScore),
                hint: `range ${card.range.min}–${card.range.max}`,
              },
              { label: "Total ARR", value: formatMoneyCompact(summary.totalArr) },
              {
                label: "ARR at risk",
                value: formatMoneyCompact(summary.arrAtRisk),
                hint: `${summary.accountsAtRisk} accounts in ${card.tiers[0]?.label ?? "the lowest tier"}`,
                tone: summary.arrAtRisk > 0 ? "danger" : undefined,
              },
              {
                label: "Average coverage",
                value: summary.averageCoverage === null ? "—" : `${Math.round(summary.averageCoverage * 100)} %`,
                hint: "share of the model with usable data",
              },
            ]}
          />
          <div className="grid grid-2">
            <section className="card" aria-labelledby="tiers-heading">
              <h2 id="tiers-heading">Tiers</h2>
              <TierBreakdown tiers={summary.tiers} />
            </section>
            <section className="card" aria-labelledby="histogram-heading">
              <h2 id="histogram-heading">Score distribution</h2>
              <BarChart
                title="Accounts per score band, by tier"
                labels={histogram.labels}
                series={histogram.series.map((s) => ({ label: s.label, color: s.color, values: s.counts }))}
                stacked
              />
            </section>
          </div>
          <section className="card" aria-labelledby="trend-heading">
            <h2 id="trend-heading">Trend over the last {query.range} days</h2>
            <div className="grid grid-2">
              <LineChart
                title="Average score per day"
                labels={trend.days}
                series={[{ label: "Average score", color: "#3451d1", values: trend.average }]}
                yMin={card.range.min}
                yMax={card.range.max}
              />
              <LineChart
                title="Tier mix per day (% of accounts)"
                labels={trend.days}
                series={scored.map((t) => ({ label: t.label, color: t.color, values: t.values }))}
                stacked
                yMin={0}
                yMax={100}
                unit=" %"
              />
            </div>
            {trend.source === "snapshots" && trend.step > 1 && (
              <p className="muted">This combination of filters is drawn from every {trend.step}th day of history.</p>
            )}
          </section>
          <section className="card" aria-labelledby="movement-heading">
            <h2 id="movement-heading">Tier movement</h2>
            <p className="muted">
              {movement.down} accounts moved down ({formatMoneyCompact(movement.arrDown)} ARR), {movement.up} moved up,{" "}
              {movement.same} stayed between {formatDay(movement.from)} and {formatDay(movement.to)}.
            </p>
            <MovementMatrix
              from={movement.from}
              to={movement.to}
              tiers={movement.tiers}
              cells={movement.cells}
              keep={{ ...keep, range: String(query.range) }}
              hrefFor={(fromTier, toTier) =>
                `/portfolio/movement?${params({ from: movement.from, to: movement.to, fromTier, toTier })}`
              }
            />
          </section>
        </div>
      )}
    </>
  );
}
