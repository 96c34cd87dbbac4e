import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AccountFacts } from "@/components/accounts/account-facts";
import { AccountSkeleton } from "@/components/accounts/account-skeleton";
import { MetricValuesTable } from "@/components/accounts/metric-values-table";
import { StagePin } from "@/components/accounts/stage-pin";
import { ContributionTable } from "@/components/account-story/contribution-table";
import { NoteForm } from "@/components/account-story/note-form";
import { NotesList } from "@/components/account-story/notes-list";
import { OverridePanel } from "@/components/account-story/override-panel";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { ScoreCards } from "@/components/account-story/score-cards";
import { WaterfallChart } from "@/components/account-story/waterfall-chart";
import { BarChart } from "@/components/charts/bar-chart";
import { LineChart } from "@/components/charts/line-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound, requirePageTenant } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { getAccountOrThrow } from "@/lib/db/accounts";
import { INSUFFICIENT_DATA } from "@/lib/scoring";
import { formatDay, formatNumber } from "@/lib/format";
import { loadAccountPage } from "@/lib/services/dashboards/account-page";
import type { TenantContext } from "@/lib/tenant";
import { accountStoryQuerySchema } from "@/lib/validation/dashboards";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const { tenant } = await requirePageTenant("accounts:read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  // Read before anything streams, so an unknown or out-of-scope id answers 404; the
  // page's reads below reuse this one (it is cached for the request).
  await orNotFound(getAccountOrThrow(tenant, id.data));
  return (
    <Suspense fallback={<AccountSkeleton />}>
      <AccountBody tenant={tenant} id={id.data} search={await searchParams} />
    </Suspense>
  );
}

async function AccountBody({
  tenant,
  id,
  search,
}: {
  tenant: TenantContext;
  id: string;
  search: Record<string, string>;
}) {
  const query = accountStoryQuerySchema.parse(search);
  const now = new Date();
  const worksAlerts = can(tenant.role, "alerts:work");
  const canEditAccount = can(tenant.role, "accounts:write");
  const { account, metrics, story, notes, outcomes, manual, overrides, alerts, assignees, tiers, stages } =
    await orNotFound(loadAccountPage(tenant, id, query, now));
  const canOverride = can(tenant.role, "overrides:write") && (canEditAccount || account.owner?.id === tenant.userId);
  const card = story.card;
  const tierLook = (scorecardId: string, key: string) => tiers.get(scorecardId)?.find((t) => t.key === key);
  const link = (extra: Record<string, string>) =>
    `/accounts/${account.id}?${new URLSearchParams({ ...(query.scorecard ? { scorecard: query.scorecard } : {}), ...extra })}`;
  const names = new Map(story.scorecards.map((s) => [s.id, s.name]));
  const overrideOf = (scorecardId: string) => overrides.find((o) => o.scorecardId === scorecardId);
  return (
    <>
      <p style={{ margin: "0 0 8px" }}>
        <Link href="/accounts">← Accounts</Link>
      </p>
      <PageHeader
        title={account.name}
        description={
          <>
            {account.externalId}
            {account.domain ? ` · ${account.domain}` : ""}{" "}
            {account.status === "churned" && <span className="badge badge-danger">Churned</span>}
          </>
        }
      />
      <div className="stack">
        {story.current.length > 0 ? (
          <ScoreCards
            items={story.current.map((c) => ({
              scorecardId: c.scorecardId,
              name: names.get(c.scorecardId) ?? "Scorecard",
              score: c.score,
              tier: tierLook(c.scorecardId, c.tierKey),
              tierKey: c.tierKey,
              coverage: c.coverage,
              delta30: c.delta30,
              variant: c.variantKey,
              selected: c.scorecardId === card?.id,
              href: `/accounts/${account.id}?scorecard=${c.scorecardId}`,
              override: ((o) =>
                o && {
                  score: o.score,
                  tier: o.tierKey ? tierLook(c.scorecardId, o.tierKey) : undefined,
                  until: o.expiresAt.toISOString(),
                })(overrideOf(c.scorecardId)),
            }))}
          />
        ) : (
          <EmptyState title="Not scored yet">
            <p>This account gets a score at the next scoring run once it has data and a published scorecard applies.</p>
          </EmptyState>
        )}
        <div className="grid grid-2">
          <div className="stack">
            <AccountFacts account={account} today={now.toISOString().slice(0, 10)} />
            {stages && (
              <StagePin
                accountId={account.id}
                stage={account.stage ? { id: account.stage.id, pinned: account.stage.pinned } : null}
                stages={stages}
              />
            )}
          </div>
          <section className="card" aria-labelledby="history-heading">
            <div className="row" style={{ justifyContent: "space-between" }}>
              <h2 id="history-heading">Score history{card ? ` · ${card.name}` : ""}</h2>
              <nav className="row" aria-label="History period">
                {[90, 180, 365].map((r) => (
                  <Link key={r} href={link({ range: String(r) })} aria-current={query.range === r ? "true" : undefined}>
                    {r} d
                  </Link>
                ))}
              </nav>
            </div>
            {"history" in story && story.history && story.history.days.length > 0 ? (
              <LineChart
                title={`${card?.name} score per day, with model versions marked`}
                labels={story.history.days}
                series={[{ label: "Score", color: "#3451d1", values: story.history.scores }]}
                yMin={card?.range.min}
                yMax={card?.range.max}
                markers={story.history.markers}
              />
            ) : (
              <p className="muted">No history yet.</p>
            )}
          </section>
        </div>
        {"latest" in story && story.latest?.detail && (
          <section className="card" aria-labelledby="breakdown-heading">
            <h2 id="breakdown-heading">
              What makes up the score on {formatDay(story.latest.day)} (model v{story.latest.versionNumber})
            </h2>
            <p className="muted">
              {story.latest.detail.variant
                ? `Variant “${story.latest.detail.variant}”: ${story.latest.detail.variantReason}`
                : story.latest.detail.variantReason}
            </p>
            <BarChart
              title="Points each category contributes"
              labels={story.latest.detail.categories.map((c) => c.name)}
              series={[
                {
                  label: "Contribution",
                  color: "#3451d1",
                  values: story.latest.detail.categories.map((c) => Math.round(c.contribution * 100) / 100),
                },
              ]}
              horizontal
              height={40 * story.latest.detail.categories.length + 40}
            />
            <ContributionTable metrics={story.latest.detail.metrics} />
          </section>
        )}
        {"change" in story && story.change && (
          <section className="card" aria-labelledby="change-heading">
            <h2 id="change-heading">Why did the score change?</h2>
            <form method="get" className="toolbar" aria-label="Dates to compare">
              {query.scorecard && <input type="hidden" name="scorecard" value={query.scorecard} />}
              <label className="field">
                From
                <input
                  className="input"
                  type="date"
                  name="from"
                  defaultValue={story.change.from}
                  max={story.change.to}
                />
              </label>
              <label className="field">
                To
                <input className="input" type="date" name="to" defaultValue={story.change.to} />
              </label>
              <button className="btn" type="submit">
                Explain
              </button>
            </form>
            {story.change.delta === null ? (
              <p className="muted">There is no score on one of these days to compare.</p>
            ) : (
              <>
                <p data-testid="change-summary">
                  {story.change.delta >= 0 ? "Up" : "Down"} {formatNumber(Math.abs(story.change.delta))} points from{" "}
                  {formatDay(story.change.from)} to {formatDay(story.change.to)}.
                  {story.change.versionChanged &&
                    " The model version changed in between; its effect is part of the reweighting."}
                </p>
                <WaterfallChart title="Change in score, part by part" steps={story.change.steps} />
              </>
            )}
          </section>
        )}
        {worksAlerts && (
          <section className="stack" aria-labelledby="alerts-heading">
            <h2 id="alerts-heading">Alerts</h2>
            {alerts.length === 0 ? (
              <p className="muted">No alerts on this account.</p>
            ) : (
              <AlertsTable
                alerts={alerts}
                members={assignees}
                today={now.toISOString().slice(0, 10)}
                showAccount={false}
                caption="Alerts on this account"
              />
            )}
          </section>
        )}
        <section className="card" aria-labelledby="overrides-heading">
          <h2 id="overrides-heading">Overrides</h2>
          <OverridePanel
            accountId={account.id}
            today={now.toISOString().slice(0, 10)}
            canWrite={canOverride}
            overrides={overrides.map((o) => ({
              id: o.id,
              scorecardName: names.get(o.scorecardId) ?? "Scorecard",
              score: o.score,
              tierLabel: o.tierKey ? (tierLook(o.scorecardId, o.tierKey)?.label ?? o.tierKey) : null,
              reason: o.reason,
              expiresAt: o.expiresAt.toISOString(),
              authorName: o.authorName,
            }))}
            scorecards={story.scorecards.map((s) => ({
              id: s.id,
              name: s.name,
              tiers: (tiers.get(s.id) ?? [])
                .filter((t) => t.key !== INSUFFICIENT_DATA.key)
                .map((t) => ({ key: t.key, label: t.label })),
            }))}
          />
        </section>
        <section className="card" aria-labelledby="metrics-heading">
          <h2 id="metrics-heading">Inputs: latest metric values</h2>
          <MetricValuesTable rows={metrics} />
        </section>
        <div className="grid grid-2">
          <section className="card" aria-labelledby="notes-heading">
            <h2 id="notes-heading">Notes and sentiment</h2>
            {can(tenant.role, "notes:write") && <NoteForm accountId={account.id} metrics={manual} />}
            <NotesList notes={notes} />
          </section>
          <section className="card" aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">Outcomes</h2>
            {outcomes.length === 0 ? (
              <p className="muted">No renewal, churn or expansion recorded yet.</p>
            ) : (
              <ul className="plain-list">
                {outcomes.map((o) => (
                  <li key={o.id}>
                    <strong>{o.kind}</strong> on {formatDay(o.occurredOn)}
                    {o.arrAfter !== null && ` · ARR ${formatNumber(o.arrBefore)} → ${formatNumber(o.arrAfter)}`}
                    {o.note && <span className="muted"> · {o.note}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
