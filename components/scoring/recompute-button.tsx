"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { requestRecomputeAction } from "@/lib/actions/scoring";

export function RecomputeButton({ active }: { active: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="row">
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
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
