"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { requestRecomputeAction } from "@/lib/actions/scoring";
import { ActionError } from "@/components/ui/field-error";

export function RecomputeButton({ active }: { active: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="row">
      <ActionError message={error} />
      <button
        className="btn btn-primary"
        type="button"
        disabled={pending || active}
        onClick={() =>
          startTransition(async () => {
            const result = await requestRecomputeAction({});
            setError(result.ok ? null : result.error.message);
            router.refresh();
          })
        }
      >
        {active ? "Recompute in progress…" : "Recompute now"}
      </button>
    </div>
  );
}
