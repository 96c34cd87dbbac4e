import type { SnapshotMetric } from "@/lib/scoring";
import { formatNumber } from "@/lib/format";

const STATUS_TEXT: Record<SnapshotMetric["status"], string> = {
  scored: "scored",
  carried_forward: "carried forward",
  worst: "missing → worst",
  neutral: "missing → neutral",
  excluded: "excluded",
};

const raw = (v: SnapshotMetric["raw"]) => (v === null ? "—" : typeof v === "number" ? formatNumber(v) : v);

/** Every metric's part in the score: input, points, weight after renormalisation, contribution. */
export function ContributionTable({ metrics }: { metrics: SnapshotMetric[] }) {
  return (
    <div className="table-wrap">
      <table className="compact-table">
        <caption className="sr-only">Contribution of each metric</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" className="num">
              Input
            </th>
            <th scope="col" className="num">
              Points
            </th>
            <th scope="col" className="num">
              Weight
            </th>
            <th scope="col" className="num">
              Contribution
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => (
            <tr key={m.metric}>
              <th scope="row">
                {m.name}
                <div className="muted" style={{ fontSize: 12 }}>
                  {m.path.join(" › ")}
                </div>
              </th>
              <td className="num">{raw(m.raw)}</td>
              <td className="num">{formatNumber(m.points)}</td>
              <td className="num">{formatNumber(m.effectiveWeight * 100)} %</td>
              <td className="num">{formatNumber(m.contribution)}</td>
              <td>
                <span className={`badge ${m.status === "scored" ? "badge-ok" : "badge-warn"}`}>
                  {STATUS_TEXT[m.status]}
                  {m.reason ? ` (${m.reason.replace(/_/g, " ")})` : ""}
                </span>
                {m.ageDays !== null && (
                  <span className="muted" style={{ fontSize: 12 }}>
                    {" "}
                    {m.ageDays} d old
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
