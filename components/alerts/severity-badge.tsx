const LOOK: Record<string, string> = {
  critical: "badge badge-danger",
  high: "badge badge-danger",
  medium: "badge badge-warn",
  low: "badge badge-muted",
};

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={LOOK[severity] ?? "badge"}>{severity[0]!.toUpperCase() + severity.slice(1)}</span>;
}

const STATUS: Record<string, string> = {
  open: "badge badge-warn",
  acknowledged: "badge",
  snoozed: "badge badge-muted",
  resolved: "badge badge-ok",
};

export const RESOLUTION_LABELS: Record<string, string> = {
  action_taken: "Action taken",
  not_actionable: "Not actionable",
  recovered: "Recovered",
};

export function AlertStatusBadge({ status, resolution }: { status: string; resolution?: string | null }) {
  const label =
    status === "resolved" && resolution ? RESOLUTION_LABELS[resolution] : status[0]!.toUpperCase() + status.slice(1);
  return <span className={STATUS[status] ?? "badge"}>{label}</span>;
}
