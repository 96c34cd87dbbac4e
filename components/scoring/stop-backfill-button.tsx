"use client";

import { ActionError } from "@/components/ui/field-error";
import { useAction } from "@/components/ui/use-action";
import { cancelBackfillAction } from "@/lib/actions/scoring";

/** Stops a backfill under way; the days it has scored are kept. */
export function StopBackfillButton({ runId, stopping }: { runId: string; stopping: boolean }) {
  const { pending, error, run } = useAction({ refresh: true });
  return (
    <>
      <button
        className="btn btn-ghost"
        type="button"
        aria-label={stopping ? "Stopping this backfill" : "Stop this backfill"}
        disabled={pending || stopping}
        onClick={() => run(() => cancelBackfillAction({ runId }))}
      >
        {stopping ? "Stopping…" : "Stop"}
      </button>
      <ActionError message={error} />
    </>
  );
}
