import Link from "next/link";
import { TierBadge, type TierLook } from "@/components/dashboards/tier-badge";
import { formatDay, formatNumber } from "@/lib/format";

export interface ScoreCardItem {
  scorecardId: string;
  name: string;
  score: number | null;
  tier: TierLook | undefined;
  tierKey: string;
  coverage: number;
  delta30: number | null;
  variant: string | null;
  selected: boolean;
  href: string;
  /** An override in effect: shown instead of the computed values, which stay visible beside it. */
  override?: { score: number | null; tier: TierLook | undefined; until: string };
}

/** The account's score on each scorecard; the selected one drives the charts below. */
export function ScoreCards({ items }: { items: ScoreCardItem[] }) {
  return (
    <div className="kpis">
      {items.map((s) => (
        <section
          key={s.scorecardId}
          className="card"
          aria-label={`${s.name} score`}
          style={s.selected ? { borderColor: "var(--accent)" } : undefined}
        >
          <div className="row" style={{ justifyContent: "space-between" }}>
            <Link href={s.href} aria-current={s.selected ? "true" : undefined}>
              {s.name}
            </Link>
            <span
              className={`badge ${s.coverage < 0.5 ? "badge-warn" : "badge-muted"}`}
              title="Share of the model with usable data"
            >
              {Math.round(s.coverage * 100)} % coverage
            </span>
          </div>
          <div className="score-pill" data-testid="score">
            {formatNumber(s.override?.score ?? s.score)}
            {s.delta30 !== null && (
              <span className={`muted ${s.delta30 < 0 ? "text-danger" : "text-ok"}`} style={{ fontSize: 13 }}>
                {s.delta30 > 0 ? "+" : ""}
                {formatNumber(s.delta30)} in 30 d
              </span>
            )}
          </div>
          <TierBadge tier={s.override?.tier ?? s.tier} fallback={s.tierKey} />
          {s.override && (
            <p className="small" style={{ margin: "6px 0 0" }} data-testid="override-note">
              <span className="badge badge-warn">Override</span> until {formatDay(s.override.until)} · computed{" "}
              {formatNumber(s.score)} ({s.tier?.label ?? s.tierKey})
            </p>
          )}
          <p className="muted" style={{ margin: "6px 0 0", fontSize: 12 }}>
            {s.variant ? `Variant: ${s.variant}` : "Base model"}
          </p>
        </section>
      ))}
    </div>
  );
}
