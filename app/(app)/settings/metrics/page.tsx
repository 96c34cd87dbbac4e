import type { Metadata } from "next";
import { z } from "zod";
import { MetricForm } from "@/components/metrics/metric-form";
import { MetricsTable } from "@/components/metrics/metrics-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listMetricCatalogue } from "@/lib/db/metrics";
import { metricUsage } from "@/lib/services/metrics";

export const metadata: Metadata = { title: "Metrics" };

export default async function MetricsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { tenant } = await requirePageTenant("models:read");
  const editId = z.uuid().safeParse((await searchParams).edit);
  const [metrics, usage] = await Promise.all([listMetricCatalogue(tenant), metricUsage(tenant.organizationId)]);
  const canEdit = can(tenant.role, "models:edit");
  const editing = canEdit && editId.success ? metrics.find((m) => m.id === editId.data) : undefined;
  return (
    <>
      <PageHeader
        title="Metrics"
        description="The signals accounts are scored on. A metric a published scorecard uses can be retired (its history stays) but not deleted."
      />
      <div className="stack">
        <MetricsTable metrics={metrics} usage={Object.fromEntries(usage)} canEdit={canEdit} />
        {canEdit && <MetricForm key={editing?.id ?? "new"} initial={editing} />}
      </div>
    </>
  );
}
