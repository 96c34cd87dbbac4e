import { EmptyState } from "@/components/ui/empty-state";
import type { MetricValueRow } from "@/lib/db/accounts";
import { formatAge, formatDay, formatNumber } from "@/lib/format";

function display(row: MetricValueRow): string {
  if (row.textValue !== null) return row.textValue;
  if (row.value === null) return "—";
  if (row.key === "expansion_opportunity" || row.unit === null)
    return row.value === 1 ? "Yes" : row.value === 0 ? "No" : formatNumber(row.value);
  return `${formatNumber(row.value)} ${row.unit}`;
}

export function MetricValuesTable({ rows }: { rows: MetricValueRow[] }) {
  if (rows.length === 0) {
    return (
      <EmptyState title="No metric values yet">
        Import observations or send them through the API to see them here.
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="sr-only">Latest value of each metric</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Category</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Observed</th>
            <th scope="col">Freshness</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.metricId}>
              <td>{row.name}</td>
              <td className="muted">{row.category}</td>
              <td className="num">{display(row)}</td>
              <td>{formatDay(row.observedAt)}</td>
              <td>
                {row.stale ? (
                  <span className="badge badge-danger" title={`Older than the ${row.stalenessDays}-day limit`}>
                    Stale · {formatAge(row.ageDays)}
                  </span>
                ) : (
                  <span className="badge badge-ok">{formatAge(row.ageDays)}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
