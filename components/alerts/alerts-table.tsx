import Link from "next/link";
import { TableCard } from "@/components/ui/table-card";
import type { InboxAlert } from "@/lib/db/alert-inbox";
import { formatDateTime, formatDay } from "@/lib/format";
import { AlertActions } from "./alert-actions";
import { AlertStatusBadge, SeverityBadge } from "./severity-badge";
import { TableHead } from "@/components/ui/table-head";

/** Alerts with their account, rule, assignee and status; `members` enables assigning. */
export function AlertsTable({
  alerts,
  members,
  today,
  showAccount = true,
  caption,
}: {
  alerts: InboxAlert[];
  members: { id: string; name: string }[];
  today: string;
  showAccount?: boolean;
  caption: string;
}) {
  return (
    <TableCard caption={caption}>
      <TableHead columns={["Severity", showAccount && "Account", "Alert", "Raised", "Assignee", "Status"]} actions />
      <tbody>
        {alerts.map((a) => (
          <tr key={a.id}>
            <td>
              <SeverityBadge severity={a.severity} />
            </td>
            {showAccount && (
              <td>
                <Link href={`/accounts/${a.accountId}`}>{a.accountName}</Link>
              </td>
            )}
            <td className="wrap">
              <div>{a.title}</div>
              <div className="muted small">{a.ruleName}</div>
            </td>
            <td title={formatDateTime(a.raisedAt)}>{formatDay(a.raisedAt)}</td>
            <td>{a.assigneeName ?? <span className="muted">Team queue</span>}</td>
            <td>
              <AlertStatusBadge status={a.status} resolution={a.resolution} />
              {a.status === "snoozed" && <div className="muted small">until {formatDay(a.snoozedUntil)}</div>}
            </td>
            <td>
              <AlertActions alert={a} members={members} today={today} />
            </td>
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}
