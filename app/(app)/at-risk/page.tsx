import type { Metadata } from "next";
import { Pagination } from "@/components/data-table/pagination";
import { AtRiskTable } from "@/components/dashboards/at-risk-table";
import { PortfolioFilters } from "@/components/dashboards/portfolio-filters";
import { PriorityWeightsForm } from "@/components/dashboards/priority-weights-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { UrlSelect } from "@/components/ui/url-select";
import { requirePageTenant } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listAccountFilterOptions } from "@/lib/db/accounts";
import { SCOPE_TEXT } from "@/lib/dashboards/scope-text";
import { loadAtRisk } from "@/lib/services/dashboards/at-risk";
import { AT_RISK_PAGE_SIZES, atRiskQuerySchema } from "@/lib/validation/dashboards";

export const metadata: Metadata = { title: "At risk" };

export default async function AtRiskPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { tenant } = await requirePageTenant("accounts:read");
  const raw = await searchParams;
  const query = atRiskQuerySchema.parse(raw);
  const [result, options] = await Promise.all([loadAtRisk(tenant, query), listAccountFilterOptions(tenant)]);
  if (!result.card) {
    return (
      <>
        <PageHeader title="At risk" />
        <EmptyState title="No scorecard is published yet">
          <p>Accounts are ranked here once a scorecard is published and has scored them.</p>
        </EmptyState>
      </>
    );
  }
  const exportHref = `/api/exports/at-risk?${new URLSearchParams(
    Object.entries(raw).filter(([k]) => k !== "page" && k !== "size"),
  )}`;
  const tiers = Object.fromEntries(result.card.tiers.map((t) => [t.key, t]));
  return (
    <>
      <PageHeader
        title="At risk"
        description={`${SCOPE_TEXT[tenant.scope.kind]} · ${result.card.name}, ranked by risk × revenue × renewal urgency`}
        actions={
          <a className="btn" href={exportHref} download>
            Export CSV
          </a>
        }
      />
      <PortfolioFilters scorecards={result.scorecards} options={options} showTeamAndOwner={tenant.scope.kind !== "own"}>
        <UrlSelect name="tier" label="Tier" options={result.card.tiers.map((t) => ({ id: t.key, name: t.label }))} />
      </PortfolioFilters>
      {can(tenant.role, "priorities:manage") && <PriorityWeightsForm weights={result.weights} />}
      <AtRiskTable
        rows={result.items}
        sort={query.sort}
        dir={result.dir}
        tiers={tiers}
        today={new Date().toISOString().slice(0, 10)}
      />
      {result.total > 0 && (
        <Pagination page={query.page} size={query.size} total={result.total} sizes={AT_RISK_PAGE_SIZES} />
      )}
    </>
  );
}
