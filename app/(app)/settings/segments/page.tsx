import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { MembersPanel } from "@/components/segments/members-panel";
import { RuleForm } from "@/components/segments/rule-form";
import { RuleTargetsTable } from "@/components/segments/segments-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listManualMembers, listSegmentsWithCounts, listStagesWithCounts } from "@/lib/db/segments";
import { formatRuleFigure } from "@/lib/format";
import { describeRule } from "@/lib/segments/rules";

export const metadata: Metadata = { title: "Segments and stages" };

const id = z.uuid().optional().catch(undefined);
const querySchema = z.object({ segment: id, stage: id, members: id });

export default async function SegmentsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { tenant } = await requirePageTenant("models:read");
  const q = querySchema.parse(await searchParams);
  const canEdit = can(tenant.role, "models:edit");
  const [segments, stages] = await Promise.all([listSegmentsWithCounts(tenant), listStagesWithCounts(tenant)]);
  const editingSegment = canEdit ? segments.find((s) => s.id === q.segment) : undefined;
  const editingStage = canEdit ? stages.find((s) => s.id === q.stage) : undefined;
  const membersOf = canEdit ? segments.find((s) => s.id === q.members) : undefined;
  const members = membersOf ? await listManualMembers(tenant, membersOf.id) : [];
  return (
    <>
      <PageHeader
        title="Segments and lifecycle stages"
        description="Who an account is (segments) and where it is in its life (stages). Scorecard variants match on both; changes re-place every account and queue a rescore."
      />
      <div className="stack">
        <section className="stack" aria-labelledby="segments-heading">
          <h2 id="segments-heading">Segments</h2>
          <RuleTargetsTable
            kind="segment"
            canEdit={canEdit}
            items={segments.map((s) => ({
              id: s.id,
              key: s.key,
              name: s.name,
              ruleText: describeRule(s.rule, formatRuleFigure),
              count: s.byHand > 0 ? `${s.byRule} + ${s.byHand} by hand` : String(s.byRule),
            }))}
          />
          {canEdit && (
            <p className="small">
              Hand-pick accounts:{" "}
              {segments.map((s, i) => (
                <span key={s.id}>
                  {i > 0 && " · "}
                  <Link href={`/settings/segments?members=${s.id}`}>{s.name}</Link>
                </span>
              ))}
            </p>
          )}
          {membersOf && <MembersPanel segment={membersOf} members={members} />}
          {canEdit && <RuleForm key={editingSegment?.id ?? "new-segment"} kind="segment" initial={editingSegment} />}
        </section>
        <section className="stack" aria-labelledby="stages-heading">
          <h2 id="stages-heading">Lifecycle stages</h2>
          <p className="muted">
            Each account takes the first stage, in this order, whose rule it matches; accounts pinned to a stage by hand
            (on the account page) keep it. Rules on days as a customer or to renewal are applied again every day, before
            the daily run scores the accounts.
          </p>
          <RuleTargetsTable
            kind="stage"
            canEdit={canEdit}
            items={stages.map((s) => ({
              id: s.id,
              key: s.key,
              name: s.name,
              ruleText: describeRule(s.rule, formatRuleFigure),
              count: s.pinned > 0 ? `${s.accounts} (${s.pinned} pinned)` : String(s.accounts),
            }))}
          />
          {canEdit && <RuleForm key={editingStage?.id ?? "new-stage"} kind="stage" initial={editingStage} />}
        </section>
      </div>
    </>
  );
}
