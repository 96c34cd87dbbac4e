"use client";

import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCard } from "@/components/ui/table-card";
import { deleteMetricAction, retireMetricAction } from "@/lib/actions/metrics";
import type { MetricRow } from "@/lib/db/metrics";
import { useAction } from "@/components/ui/use-action";
import { NORMALIZATION_LABELS } from "@/lib/validation/metrics";
import { TableHead } from "@/components/ui/table-head";

const words = (s: string) => s.replace(/_/g, " ");

/** The catalogue: what each metric is, which scorecards score it; edit, retire, restore, delete. */
export function MetricsTable({
  metrics,
  usage,
  canEdit,
}: {
  metrics: MetricRow[];
  usage: Record<string, string[]>;
  canEdit: boolean;
}) {
  const { pending, error, run } = useAction();
  if (metrics.length === 0)
    return (
      <div className="card">
        <EmptyState title="No metrics yet">
          Add the signals you score accounts on: usage, support, sentiment, revenue…
        </EmptyState>
      </div>
    );
  return (
    <>
      {error && (
        <div role="alert" className="alert alert-error">
          {error}
        </div>
      )}
      <TableCard caption="Metric catalogue">
        <TableHead
          columns={[
            "Metric",
            "Category",
            "Type",
            "Direction",
            "Normalisation",
            { label: "Stale after", num: true },
            "Source",
            "Scored by",
          ]}
          actions={canEdit}
        />
        <tbody>
          {metrics.map((m) => (
            <tr key={m.id} className={m.retiredAt ? "muted" : undefined}>
              <td className="wrap">
                <div>
                  {m.name} {m.retiredAt && <span className="badge badge-muted">Retired</span>}
                </div>
                <div className="muted small">
                  <code>{m.key}</code>
                  {m.unit ? ` · ${m.unit}` : ""}
                  {m.options.length > 0 ? ` · ${m.options.join(" › ")}` : ""}
                </div>
              </td>
              <td>{m.category}</td>
              <td>{m.valueType}</td>
              <td className="wrap">{words(m.direction)}</td>
              <td className="wrap">{NORMALIZATION_LABELS[m.normalization as keyof typeof NORMALIZATION_LABELS]}</td>
              <td className="num">{m.stalenessDays ? `${m.stalenessDays} d` : "—"}</td>
              <td>{m.source}</td>
              <td className="wrap">{usage[m.key]?.join(", ") ?? <span className="muted">—</span>}</td>
              {canEdit && (
                <td>
                  <div className="row nowrap">
                    <Link className="btn" href={`/settings/metrics?edit=${m.id}`} aria-label={`Edit ${m.name}`}>
                      Edit
                    </Link>
                    <button
                      className="btn"
                      type="button"
                      disabled={pending}
                      onClick={() => run(() => retireMetricAction({ metricId: m.id, retired: !m.retiredAt }))}
                    >
                      {m.retiredAt ? "Restore" : "Retire"}
                    </button>
                    {!usage[m.key] && (
                      <button
                        className="btn btn-danger"
                        type="button"
                        disabled={pending}
                        onClick={() => {
                          if (
                            window.confirm(
                              `Delete "${m.name}" and every value recorded for it? Retiring keeps the history.`,
                            )
                          )
                            run(() => deleteMetricAction({ metricId: m.id }));
                        }}
                      >
                        Delete
                      </button>
                    )}
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </TableCard>
    </>
  );
}
