"use client";

import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { SwitchAndDelete } from "@/components/ui/switch-delete";
import { TableCard } from "@/components/ui/table-card";
import { deleteAlertRuleAction, toggleAlertRuleAction } from "@/lib/actions/alerts";
import { ALERT_KIND_LABELS, type AlertKind } from "@/lib/alerts/rules";
import type { RuleWithOutcomes } from "@/lib/db/alert-rules";
import { formatCount } from "@/lib/format";
import { SeverityBadge } from "./severity-badge";
import { TableHead } from "@/components/ui/table-head";

const percent = (n: number, of: number) => (of === 0 ? "—" : `${Math.round((100 * n) / of)} %`);

/** The rules with what their alerts became: the share that led to action tells signal from noise. */
export function RulesTable({ rules, describe }: { rules: RuleWithOutcomes[]; describe: Record<string, string> }) {
  if (rules.length === 0)
    return (
      <div className="card">
        <EmptyState title="No alert rules yet">
          Create one below; the preview shows how many alerts it would have raised over the last 90 days.
        </EmptyState>
      </div>
    );
  return (
    <TableCard caption="Alert rules and their outcomes over the last 90 days">
      <TableHead
        columns={[
          "Rule",
          "Severity",
          { label: "Raised (90 d)", num: true },
          { label: "Open", num: true },
          { label: "Led to action", num: true, title: "Of the closed alerts: resolved with action taken" },
          "Status",
        ]}
        actions
      />
      <tbody>
        {rules.map((r) => {
          const closed = r.actionTaken + r.notActionable + r.recovered;
          return (
            <tr key={r.id}>
              <td className="text">
                <div>{r.name}</div>
                <div className="muted small">
                  {ALERT_KIND_LABELS[r.kind as AlertKind] ?? r.kind} · {describe[r.id]}
                </div>
              </td>
              <td>
                <SeverityBadge severity={r.severity} />
              </td>
              <td className="num">{r.raised}</td>
              <td className="num">{r.open}</td>
              <td className="num wrap">
                <div>{percent(r.actionTaken, closed)}</div>
                {closed > 0 && (
                  <div className="muted small">
                    {percent(r.notActionable, closed)} not actionable · {percent(r.recovered, closed)} recovered alone
                  </div>
                )}
              </td>
              <td>
                {r.enabled ? (
                  <span className="badge badge-ok">On</span>
                ) : (
                  <span className="badge badge-muted">Off</span>
                )}
              </td>
              <td>
                <div className="row nowrap">
                  <Link className="btn" href={`/settings/alerts?edit=${r.id}`} aria-label={`Edit ${r.name}`}>
                    Edit
                  </Link>
                  <SwitchAndDelete
                    enabled={r.enabled}
                    confirm={`Delete "${r.name}" and its ${formatCount(r.raised, "alert")}?`}
                    onToggle={() => toggleAlertRuleAction({ ruleId: r.id, enabled: !r.enabled })}
                    onDelete={() => deleteAlertRuleAction({ ruleId: r.id })}
                  />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableCard>
  );
}
