import type { Metadata } from "next";
import { BackfillForm } from "@/components/scoring/backfill-form";
import { RecomputeButton } from "@/components/scoring/recompute-button";
import { RunsTable } from "@/components/scoring/runs-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageTenant } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listScorecards } from "@/lib/db/scorecards";
import { backfillUnderWay, lastFullRun, listScoringRuns, type ScoringRunRow } from "@/lib/db/scoring-runs";
import { formatCount, formatDateTime } from "@/lib/format";
import { scheduleWindow } from "@/lib/services/scoring/scheduler";

export const metadata: Metadata = { title: "Scoring" };

/** A finished run in one line: when, how it went, how many accounts, and (unless it is the schedule's) what started it. */
const runSummary = (run: ScoringRunRow) =>
  [
    formatDateTime(run.finishedAt!),
    run.status,
    formatCount(run.accounts, "account"),
    run.trigger === "schedule" ? "" : run.trigger,
  ]
    .filter(Boolean)
    .join(" · ");

export default async function ScoringPage() {
  const { tenant } = await requirePageTenant("models:read");
  const admin = can(tenant.role, "scores:recompute");
  const [scorecards, runs, full, backfilling] = await Promise.all([
    listScorecards(tenant),
    listScoringRuns(tenant, 15),
    lastFullRun(tenant),
    admin && backfillUnderWay(tenant),
  ]);
  // A later run of only the accounts a data change touched, if there is one.
  const partial = runs.find((r) => r.finishedAt && !r.full && (!full || r.startedAt > full.startedAt));
  const unfinished = runs.filter((r) => r.status === "queued" || r.status === "running");
  const recomputing = unfinished.some((r) => r.backfillDays === null);
  const now = new Date();
  const { next } = scheduleWindow(now);
  return (
    <>
      <PageHeader
        title="Scoring"
        description="Every account is scored by every published scorecard daily, and after data or model changes."
        actions={admin ? <RecomputeButton active={recomputing} /> : undefined}
      />
      <div className="grid grid-2" style={{ marginBottom: 16 }}>
        <section className="card" aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">Schedule</h2>
          <dl className="facts">
            <dt>Last run of every account</dt>
            <dd data-testid="last-run">{full ? runSummary(full) : "Not run yet"}</dd>
            {partial && (
              <>
                <dt>Since then</dt>
                <dd>
                  {runSummary(partial)} <span className="muted">(only the accounts it touched)</span>
                </dd>
              </>
            )}
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
      {admin && (
        <div style={{ marginBottom: 16 }}>
          <BackfillForm underWay={backfilling} />
        </div>
      )}
      <RunsTable runs={runs} active={unfinished.length > 0} now={now.toISOString()} canStop={admin} />
    </>
  );
}
