"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import type { ScoringRunRow } from "@/lib/db/scoring-runs";
import { formatDateTime } from "@/lib/format";
import { TableCard } from "@/components/ui/table-card";

const STATUS_BADGE: Record<string, string> = {
  succeeded: "badge badge-ok",
  failed: "badge badge-danger",
  running: "badge badge-warn",
  queued: "badge badge-muted",
};

/** Recent runs; refreshes itself while a run is queued or running. */
export function RunsTable({ runs, active }: { runs: ScoringRunRow[]; active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [active, router]);

  if (runs.length === 0) {
    return (
      <div className="card">
        <EmptyState title="No scoring runs yet">
          The worker scores every account daily; an admin can also recompute now.
        </EmptyState>
      </div>
    );
  }
  return (
    <TableCard caption="Recent scoring runs" live>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Trigger</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Accounts
          </th>
          <th scope="col" className="num">
            Duration
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id}>
            <td>{formatDateTime(r.startedAt)}</td>
            <td>{r.trigger}</td>
            <td>
              <span className={STATUS_BADGE[r.status] ?? "badge"} title={r.error ?? undefined}>
                {r.status}
              </span>
            </td>
            <td className="num">{r.finishedAt ? r.accounts : "—"}</td>
            <td className="num">
              {r.finishedAt ? `${((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000).toFixed(1)} s` : "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}
