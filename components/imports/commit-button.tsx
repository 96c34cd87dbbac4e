"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { commitImportAction } from "@/lib/actions/imports";

/** Queues the import; `blockedBy` says what must be settled first, if anything. */
export function CommitButton({
  importId,
  blockedBy,
  rows,
}: {
  importId: string;
  blockedBy: string | null;
  rows: number;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card row" aria-label="Commit">
      <button
        className="btn btn-primary"
        type="button"
        disabled={pending || blockedBy !== null}
        onClick={() =>
          startTransition(async () => {
            const result = await commitImportAction({ importId });
            if (result.ok) router.refresh();
            else setError(result.error.message);
          })
        }
      >
        {pending ? "Starting…" : `Import ${rows.toLocaleString("en-US")} rows`}
      </button>
      <span className="muted">
        {blockedBy ?? "Every valid row is written in one go; rows with problems are skipped and listed in a report."}
      </span>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </section>
  );
}
