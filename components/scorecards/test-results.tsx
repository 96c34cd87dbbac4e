import { ContributionTable } from "@/components/account-story/contribution-table";
import { TierBadge } from "@/components/dashboards/tier-badge";
import { formatNumber } from "@/lib/format";
import type { VersionResult } from "@/lib/services/scorecards/test-account";

/** One account scored by each version, side by side: score, tier, coverage, variant and every metric's part. */
export function TestResults({ account, results }: { account: string; results: VersionResult[] }) {
  return (
    <div className="grid grid-2">
      {results.map((r) => (
        <section
          key={r.versionId}
          className="card stack"
          aria-label={`${account} scored by v${r.number}`}
          data-testid="test-result"
        >
          <h3>
            v{r.number} <span className="muted small">({r.status})</span>
          </h3>
          <div className="row">
            <span className="score-pill">{formatNumber(r.score)}</span>
            <TierBadge tier={r.tier} />
            <span className="badge badge-muted">{Math.round(r.coverage * 100)} % coverage</span>
          </div>
          <p className="muted small">
            {r.detail.variant ? `Variant “${r.detail.variant}”: ` : ""}
            {r.detail.variantReason}
          </p>
          <ul className="plain-list small">
            {r.detail.categories.map((c) => (
              <li key={c.name}>
                {c.name}: {formatNumber(Math.round(c.contribution * 100) / 100)} points (weight{" "}
                {formatNumber(c.weight * 100)} %)
              </li>
            ))}
          </ul>
          <ContributionTable metrics={r.detail.metrics} />
        </section>
      ))}
    </div>
  );
}
