import type { Metadata } from "next";
import { z } from "zod";
import { RuleForm, type RuleInitial } from "@/components/alerts/rule-form";
import { RulesTable } from "@/components/alerts/rules-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { describeParams, type AlertKind } from "@/lib/alerts/rules";
import { requirePageTenant } from "@/lib/auth/page";
import { listAccountFilterOptions } from "@/lib/db/accounts";
import { listRuleMetrics, listRulesWithOutcomes } from "@/lib/db/alert-rules";
import { INSUFFICIENT_DATA } from "@/lib/scoring";
import { ruleSpec } from "@/lib/services/alerts/evaluate";
import { publishedTiers } from "@/lib/services/alerts/tiers";
import { resolveScorecard } from "@/lib/services/dashboards/scorecard";

export const metadata: Metadata = { title: "Alert rules" };

export default async function AlertRulesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { tenant } = await requirePageTenant("alertRules:manage");
  const editId = z.uuid().safeParse((await searchParams).edit);
  const [rules, filters, metrics, tiers, { options: scorecards }] = await Promise.all([
    listRulesWithOutcomes(tenant),
    listAccountFilterOptions(tenant),
    listRuleMetrics(tenant),
    publishedTiers(tenant.organizationId),
    resolveScorecard(tenant),
  ]);
  const editing = editId.success ? rules.find((r) => r.id === editId.data) : undefined;
  const initial: RuleInitial | undefined = editing && {
    id: editing.id,
    name: editing.name,
    kind: editing.kind as AlertKind,
    scorecardId: editing.scorecardId ?? "",
    scope: editing.scope as RuleInitial["scope"],
    severity: editing.severity,
    cooldownHours: editing.cooldownHours,
    params: editing.params as Record<string, unknown>,
  };
  const names = new Map(
    [...filters.segments, ...filters.teams, ...filters.stages, ...scorecards].map((x) => [x.id, x.name]),
  );
  const describe = Object.fromEntries(
    rules.map((r) => {
      const spec = ruleSpec(r);
      const labels = new Map((tiers.get(r.scorecardId ?? "") ?? []).map((t) => [t.key, t.label]));
      const scope = r.scope as { segmentId?: string; teamId?: string; stageId?: string };
      const where = [scope.segmentId, scope.teamId, scope.stageId].flatMap((id) => (id ? [names.get(id) ?? "?"] : []));
      return [
        r.id,
        [
          spec ? describeParams(spec, (k) => labels.get(k) ?? k) : "invalid parameters",
          names.get(r.scorecardId ?? "") ?? "unpublished scorecard",
          where.length ? where.join(", ") : "all accounts",
          `cooldown ${r.cooldownHours} h`,
        ].join(" · "),
      ];
    }),
  );
  const options = {
    scorecards: scorecards.map((s) => ({
      ...s,
      tiers: (tiers.get(s.id) ?? [])
        .filter((t) => t.key !== INSUFFICIENT_DATA.key)
        .map((t) => ({ key: t.key, label: t.label })),
    })),
    segments: filters.segments,
    teams: filters.teams,
    stages: filters.stages,
    metrics,
  };
  return (
    <>
      <PageHeader
        title="Alert rules"
        description="Rules run after every scoring run. Each raises one alert per episode, routed to the account's owner; hysteresis and cooldowns keep the noise down."
      />
      <div className="stack">
        <RulesTable rules={rules} describe={describe} />
        {options.scorecards.length === 0 ? (
          <div className="card">
            <EmptyState title="Publish a scorecard first">
              Alert rules watch a published scorecard&rsquo;s scores.
            </EmptyState>
          </div>
        ) : (
          <RuleForm key={initial?.id ?? "new"} options={options} initial={initial} />
        )}
      </div>
    </>
  );
}
