"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ActionError } from "@/components/ui/field-error";
import { cancelBackfillAction } from "@/lib/actions/scoring";

/** Stops a backfill under way; the days it has scored are kept. */
export function StopBackfillButton({ runId, stopping }: { runId: string; stopping: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        className="btn btn-ghost"
        type="button"
        aria-label={stopping ? "Stopping this backfill" : "Stop this backfill"}
        disabled={pending || stopping}
        onClick={() =>
          startTransition(async () => {
            const result = await cancelBackfillAction({ runId });
            setError(result.ok ? null : result.error.message);
            router.refresh();
          })
        }
      >
        {stopping ? "Stopping…" : "Stop"}
      </button>
      <ActionError message={error} />
    </>
  );
}
