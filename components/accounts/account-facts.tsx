import type { AccountDetail } from "@/lib/db/accounts";
import { formatDay, formatMoney, formatNumber } from "@/lib/format";

function daysBetween(fromIso: string, toIso: string) {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000);
}

export function AccountFacts({ account, today }: { account: AccountDetail; today: string }) {
  const toRenewal = account.renewalDate ? daysBetween(today, account.renewalDate) : null;
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">Account</h2>
      <dl className="facts">
        <dt>Owner</dt>
        <dd>
          {account.owner ? (
            `${account.owner.name} (${account.owner.email})`
          ) : (
            <span className="badge badge-warn">Unassigned</span>
          )}
        </dd>
        <dt>Team</dt>
        <dd>{account.team?.name ?? "—"}</dd>
        <dt>Segment</dt>
        <dd>{account.segments.length ? account.segments.map((s) => s.name).join(", ") : "—"}</dd>
        <dt>Lifecycle stage</dt>
        <dd>
          {account.stage?.name ?? "—"}
          {account.stage?.pinned && <span className="badge badge-muted"> set by hand</span>}
        </dd>
        <dt>ARR</dt>
        <dd>{formatMoney(account.arr)}</dd>
        <dt>Seats</dt>
        <dd>
          {formatNumber(account.seats)}
          {account.activeUsers !== null && <span className="muted"> · {formatNumber(account.activeUsers)} active</span>}
        </dd>
        <dt>Plan</dt>
        <dd>{account.plan ?? "—"}</dd>
        <dt>Region</dt>
        <dd>{account.region ?? "—"}</dd>
        <dt>Customer since</dt>
        <dd>{formatDay(account.startDate)}</dd>
        <dt>{account.status === "churned" ? "Churned" : "Renewal"}</dt>
        <dd>
          {formatDay(account.renewalDate)}
          {account.status === "active" && toRenewal !== null && toRenewal >= 0 && (
            <span className={toRenewal <= 90 ? "badge badge-warn" : "muted"}> in {toRenewal} days</span>
          )}
        </dd>
        {Object.entries(account.traits).map(([key, value]) => (
          <div key={key} style={{ display: "contents" }}>
            <dt>{key.replace(/_/g, " ")}</dt>
            <dd>{String(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
