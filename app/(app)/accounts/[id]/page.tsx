import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AccountFacts } from "@/components/accounts/account-facts";
import { MetricValuesTable } from "@/components/accounts/metric-values-table";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound, requirePageTenant } from "@/lib/auth/page";
import { getAccountOrThrow, listLatestMetricValues } from "@/lib/db/accounts";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { tenant } = await requirePageTenant("accounts:read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const now = new Date();
  const [account, metrics] = await orNotFound(
    Promise.all([getAccountOrThrow(tenant, id.data), listLatestMetricValues(tenant, id.data, now)]),
  );
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
      <div className="grid grid-2">
        <AccountFacts account={account} today={now.toISOString().slice(0, 10)} />
        <section className="card" aria-labelledby="traits-heading">
          <h2 id="traits-heading">Custom traits</h2>
          {Object.keys(account.traits).length === 0 ? (
            <p className="muted">No custom traits. Add columns to an account import to record them.</p>
          ) : (
            <dl className="facts">
              {Object.entries(account.traits).map(([key, value]) => (
                <div key={key} style={{ display: "contents" }}>
                  <dt>{key.replace(/_/g, " ")}</dt>
                  <dd>{String(value)}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      </div>
      <section className="card" style={{ marginTop: 16 }} aria-labelledby="metrics-heading">
        <h2 id="metrics-heading">Latest metric values</h2>
        <MetricValuesTable rows={metrics} />
      </section>
    </>
  );
}
