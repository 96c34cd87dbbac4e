"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import type { ScoringRunRow } from "@/lib/db/scoring-runs";
import { formatDateTime, formatRunDuration } from "@/lib/format";
import { TableCard } from "@/components/ui/table-card";
import { StopBackfillButton } from "./stop-backfill-button";

const STATUS_BADGE: Record<string, string> = {
  succeeded: "badge badge-ok",
  failed: "badge badge-danger",
  running: "badge badge-warn",
  queued: "badge badge-muted",
  stopped: "badge badge-muted",
};

/** Recent runs; refreshes itself while a run is queued or running. A failed run says why. */
export function RunsTable({
  runs,
  active,
  now,
  canStop,
}: {
  runs: ScoringRunRow[];
  active: boolean;
  now: string;
  /** Whether the viewer may stop a backfill under way. */
  canStop: boolean;
}) {
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
            <td>
              {r.trigger}
              {r.backfillDays !== null && (
                <div className="small muted">
                  {r.status !== "running"
                    ? `the past ${r.backfillDays} days`
                    : r.daysDone === 0
                      ? "reading the stored observations…"
                      : `${r.daysDone} of ${r.backfillDays} days scored`}
                </div>
              )}
              {canStop && r.backfillDays !== null && !r.finishedAt && (
                <StopBackfillButton runId={r.id} stopping={r.stopping} />
              )}
            </td>
            <td className={r.error ? "text" : undefined}>
              <span className={STATUS_BADGE[r.status] ?? "badge"}>{r.status}</span>
              {/* Only a failed run's note is an error; a stopped or requeued backfill's says how far it got. */}
              {r.error && <div className={`small ${r.status === "failed" ? "text-danger" : "muted"}`}>{r.error}</div>}
            </td>
            <td className="num">{r.finishedAt ? r.accounts : "—"}</td>
            {/* `now` is the server's time, so the server's render and the browser's agree. */}
            <td className="num">{formatRunDuration(r, now)}</td>
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}
