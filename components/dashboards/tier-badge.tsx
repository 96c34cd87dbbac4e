export interface TierLook {
  label: string;
  color: string;
  letter: string | null;
}

/** A tier as a coloured pill, with its letter grade when the scale has one. */
export function TierBadge({ tier, fallback }: { tier: TierLook | undefined; fallback?: string }) {
  if (!tier) return <span className="badge badge-muted">{fallback ?? "—"}</span>;
  return (
    <span className="tier-badge" style={{ background: `${tier.color}1f`, borderColor: tier.color }}>
      <span className="swatch" style={{ background: tier.color }} aria-hidden="true" />
      {tier.letter && <span title="Grade">{tier.letter}</span>}
      {tier.label}
    </span>
  );
}
