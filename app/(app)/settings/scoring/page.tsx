import type { Metadata } from "next";
import { RecomputeButton } from "@/components/scoring/recompute-button";
import { RunsTable } from "@/components/scoring/runs-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listScorecards } from "@/lib/db/scorecards";
import { listScoringRuns } from "@/lib/db/scoring-runs";
import { formatDateTime } from "@/lib/format";
import { scheduleWindow } from "@/lib/services/scoring/scheduler";

export const metadata: Metadata = { title: "Scoring" };

export default async function ScoringPage() {
  const { tenant } = await requirePageTenant("models:read");
  const [scorecards, runs] = await Promise.all([listScorecards(tenant), listScoringRuns(tenant, 15)]);
  const lastFinished = runs.find((r) => r.finishedAt);
  const active = runs.some((r) => r.status === "queued" || r.status === "running");
  const now = new Date();
  const { next } = scheduleWindow(now);
  return (
    <>
      <PageHeader
        title="Scoring"
        description="Every account is scored by every published scorecard daily, and after data or model changes."
        actions={can(tenant.role, "scores:recompute") ? <RecomputeButton active={active} /> : undefined}
      />
      <div className="grid grid-2" style={{ marginBottom: 16 }}>
        <section className="card" aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">Schedule</h2>
          <dl className="facts">
            <dt>Last run</dt>
            <dd data-testid="last-run">
              {lastFinished
                ? `${formatDateTime(lastFinished.finishedAt!)} · ${lastFinished.status} · ${lastFinished.accounts} accounts`
                : "Not run yet"}
            </dd>
            <dt>Next scheduled run</dt>
            <dd>{formatDateTime(next.toISOString())}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="scorecards-heading">
          <h2 id="scorecards-heading">Published scorecards</h2>
          {scorecards.length === 0 ? (
            <p className="muted">
              No scorecard yet. An admin builds one in the model builder; until then nothing is scored.
            </p>
          ) : (
            <ul>
              {scorecards.map((s) => (
                <li key={s.id}>
                  {s.name} {s.publishedVersionId ? "" : <span className="badge badge-muted">draft only</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <RunsTable runs={runs} active={active} now={now.toISOString()} />
    </>
  );
}
