const LABELS: Record<string, [string, string]> = {
  uploaded: ["Ready for review", "badge badge-muted"],
  validated: ["Queued", "badge badge-warn"],
  committing: ["Importing", "badge badge-warn"],
  committed: ["Imported", "badge badge-ok"],
  failed: ["Failed", "badge badge-danger"],
  discarded: ["Discarded", "badge badge-muted"],
};

export function ImportStatusBadge({ status }: { status: string }) {
  const [label, className] = LABELS[status] ?? [status, "badge"];
  return <span className={className}>{label}</span>;
}
