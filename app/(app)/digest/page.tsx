import type { Metadata } from "next";
import Link from "next/link";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableCard } from "@/components/ui/table-card";
import { requirePageTenant } from "@/lib/auth/page";
import { listAssignees } from "@/lib/db/alert-inbox";
import { formatDay, formatNumber } from "@/lib/format";
import { buildDigest, digestHour, isEmptyDigest } from "@/lib/services/alerts/digest";
import { mailer } from "@/lib/services/mail";

export const metadata: Metadata = { title: "Digest" };

export default async function DigestPage() {
  const { tenant } = await requirePageTenant("alerts:work");
  const [digest, members] = await Promise.all([buildDigest(tenant), listAssignees(tenant)]);
  const today = new Date().toISOString().slice(0, 10);
  const emailed = mailer()
    ? `Also emailed to you each day at ${String(digestHour()).padStart(2, "0")}:00 UTC.`
    : "Email delivery is off on this server (no SMTP configured); this page always shows it.";
  return (
    <>
      <PageHeader
        title="Your daily digest"
        description={`New and still-open alerts, and accounts that changed tier. ${emailed}`}
      />
      {isEmptyDigest(digest) ? (
        <div className="card">
          <EmptyState title="All quiet">
            <p>
              No open alerts and no tier changes in your book. See the <Link href="/at-risk">at-risk list</Link> for who
              could use a call anyway.
            </p>
          </EmptyState>
        </div>
      ) : (
        <div className="stack">
          <section className="stack" aria-labelledby="digest-new">
            <h2 id="digest-new">New in the last 24 hours ({digest.newAlerts.total})</h2>
            {digest.newAlerts.items.length > 0 ? (
              <AlertsTable alerts={digest.newAlerts.items} members={members} today={today} caption="New alerts" />
            ) : (
              <p className="muted">No new alerts.</p>
            )}
            {digest.newAlerts.total > digest.newAlerts.items.length && (
              <Link href="/alerts">All {digest.newAlerts.total} in the inbox →</Link>
            )}
          </section>
          <section className="stack" aria-labelledby="digest-open">
            <h2 id="digest-open">Still open from before ({digest.openAlerts.total})</h2>
            {digest.openAlerts.items.length > 0 ? (
              <AlertsTable
                alerts={digest.openAlerts.items}
                members={members}
                today={today}
                caption="Alerts still open"
              />
            ) : (
              <p className="muted">Nothing left over.</p>
            )}
            {digest.openAlerts.total > digest.openAlerts.items.length && (
              <Link href="/alerts">All {digest.openAlerts.total} in the inbox →</Link>
            )}
          </section>
          {digest.tierChanges && (
            <section className="stack" aria-labelledby="digest-tiers">
              <h2 id="digest-tiers">
                Tier changes on {formatDay(digest.tierChanges.day)} · {digest.tierChanges.scorecard} (
                {digest.tierChanges.items.length})
              </h2>
              {digest.tierChanges.items.length === 0 ? (
                <p className="muted">No account in your book changed tier.</p>
              ) : (
                <TableCard caption="Accounts that changed tier">
                  <thead>
                    <tr>
                      <th scope="col">Account</th>
                      <th scope="col">From</th>
                      <th scope="col">To</th>
                      <th scope="col" className="num">
                        Score
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {digest.tierChanges.items.map((c) => (
                      <tr key={c.id}>
                        <td>
                          <Link href={`/accounts/${c.id}`}>{c.name}</Link>
                        </td>
                        <td>{c.fromLabel}</td>
                        <td>{c.toLabel}</td>
                        <td className="num">{formatNumber(c.score)}</td>
                      </tr>
                    ))}
                  </tbody>
                </TableCard>
              )}
            </section>
          )}
        </div>
      )}
    </>
  );
}
