import type { Metadata } from "next";
import { BooksTable } from "@/components/dashboards/books-table";
import { PortfolioFilters } from "@/components/dashboards/portfolio-filters";
import { SmallMultiples } from "@/components/dashboards/small-multiples";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { listAccountFilterOptions } from "@/lib/db/accounts";
import { SCOPE_TEXT } from "@/lib/dashboards/scope-text";
import { loadTrends } from "@/lib/services/dashboards/trends";
import { overviewQuerySchema, TREND_RANGES } from "@/lib/validation/dashboards";

export const metadata: Metadata = { title: "Trends" };

export default async function TrendsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { tenant } = await requirePageTenant("trends:read");
  const query = overviewQuerySchema.parse(await searchParams);
  const options = await listAccountFilterOptions(tenant);
  const trends = await loadTrends(tenant, query, options);
  const title = <PageHeader title="Trends" description={`${SCOPE_TEXT[tenant.scope.kind]} by segment, team and CSM`} />;
  if (!trends.card || !trends.latest) {
    return (
      <>
        {title}
        <EmptyState title="Nothing scored yet">
          <p>Trends appear once a published scorecard has scored the accounts.</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {title}
      <PortfolioFilters scorecards={trends.scorecards} options={options} showTeamAndOwner ranges={TREND_RANGES} />
      <div className="stack">
        <section aria-labelledby="segments-heading">
          <h2 id="segments-heading">By segment · last {query.range} days</h2>
          <SmallMultiples items={trends.bySegment} range={trends.card.range} label="segment" />
        </section>
        <section aria-labelledby="teams-heading">
          <h2 id="teams-heading">By team · last {query.range} days</h2>
          <SmallMultiples items={trends.byTeam} range={trends.card.range} label="team" />
        </section>
        <section aria-labelledby="books-heading">
          <h2 id="books-heading">CSMs side by side</h2>
          {trends.books.length ? <BooksTable books={trends.books} /> : <p className="muted">No books in this view.</p>}
        </section>
      </div>
    </>
  );
}
