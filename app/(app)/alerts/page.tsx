import type { Metadata } from "next";
import Link from "next/link";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { Pagination } from "@/components/data-table/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { UrlSelect } from "@/components/ui/url-select";
import { requirePageTenant } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { INBOX_PAGE_SIZE, inboxViews, listAssignees, listInbox, type InboxView } from "@/lib/db/alert-inbox";
import { listRuleNames } from "@/lib/db/alert-rules";
import { inboxQuerySchema, SEVERITIES } from "@/lib/validation/alerts";

export const metadata: Metadata = { title: "Alerts" };

const VIEW_LABELS: Record<InboxView, string> = { mine: "Mine", team: "My teams", all: "All" };
const STATUS_OPTIONS = [
  { id: "open", name: "Open" },
  { id: "acknowledged", name: "Acknowledged" },
  { id: "snoozed", name: "Snoozed" },
  { id: "resolved", name: "Resolved" },
];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { tenant } = await requirePageTenant("alerts:work");
  const raw = await searchParams;
  const q = inboxQuerySchema.parse(raw);
  const views = inboxViews(tenant);
  const view = q.view && views.includes(q.view) ? q.view : views.at(-1)!;
  const [inbox, members, rules] = await Promise.all([
    listInbox(tenant, view, q),
    listAssignees(tenant),
    listRuleNames(tenant),
  ]);
  const hrefFor = (v: InboxView) => `/alerts?${new URLSearchParams({ ...raw, view: v, page: "1" })}`;
  const active = (inbox.counts.open ?? 0) + (inbox.counts.acknowledged ?? 0);
  return (
    <>
      <PageHeader
        title="Alerts"
        description={`${active} active · ${inbox.counts.snoozed ?? 0} snoozed — raised by the alert rules after each scoring run, one per episode.`}
        actions={
          can(tenant.role, "alertRules:manage") ? (
            <Link className="btn" href="/settings/alerts">
              Alert rules
            </Link>
          ) : undefined
        }
      />
      {views.length > 1 && (
        <nav className="tabs" aria-label="Inbox views">
          {views.map((v) => (
            <Link key={v} href={hrefFor(v)} aria-current={v === view ? "page" : undefined}>
              {VIEW_LABELS[v]}
            </Link>
          ))}
        </nav>
      )}
      <div className="toolbar card">
        <UrlSelect
          name="status"
          label="Status"
          options={STATUS_OPTIONS}
          extra={[{ id: "active", name: "Active (open + acknowledged)" }]}
          empty={null}
          fallback="active"
        />
        <UrlSelect name="severity" label="Severity" options={SEVERITIES.map((s) => ({ id: s, name: cap(s) }))} />
        <UrlSelect name="rule" label="Rule" options={rules} />
      </div>
      {inbox.items.length === 0 ? (
        <div className="card">
          <EmptyState title={q.status === "active" ? "Nothing needs you right now" : "No alerts match these filters"}>
            <p>
              Alerts appear here when a rule fires after a scoring run.{" "}
              {can(tenant.role, "alertRules:manage")
                ? "Set up rules under Settings → Alert rules, with a preview of how many they would raise."
                : "Your admins decide which rules run."}
            </p>
          </EmptyState>
        </div>
      ) : (
        <>
          <AlertsTable
            alerts={inbox.items}
            members={members}
            today={new Date().toISOString().slice(0, 10)}
            caption={`Alerts: ${VIEW_LABELS[view]}`}
          />
          <Pagination page={q.page} size={INBOX_PAGE_SIZE} total={inbox.total} sizes={[INBOX_PAGE_SIZE]} />
        </>
      )}
    </>
  );
}
