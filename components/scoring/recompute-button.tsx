"use client";

import { ActionError } from "@/components/ui/field-error";
import { useAction } from "@/components/ui/use-action";
import { requestRecomputeAction } from "@/lib/actions/scoring";

export function RecomputeButton({ active }: { active: boolean }) {
  const { pending, error, run } = useAction({ refresh: true });
  return (
    <div className="row">
      <ActionError message={error} />
      <button
        className="btn btn-primary"
        type="button"
        disabled={pending || active}
        onClick={() => run(() => requestRecomputeAction({}))}
      >
        {active ? "Recompute in progress…" : "Recompute now"}
      </button>
    </div>
  );
}
