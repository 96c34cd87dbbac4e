"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { commitImportAction, discardImportAction } from "@/lib/actions/imports";
import { formatCount } from "@/lib/format";
import { ActionError } from "@/components/ui/field-error";

/** Queues the import (`blockedBy` says what must be settled first, if anything), or discards the upload. */
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
  const [discarding, setDiscarding] = useState(false);
  const run = (action: typeof commitImportAction) =>
    startTransition(async () => {
      setDiscarding(action === discardImportAction);
      const result = await action({ importId });
      if (result.ok) router.refresh();
      else setError(result.error.message);
    });
  return (
    <section className="card row" aria-label="Commit">
      <button
        className="btn btn-primary"
        type="button"
        disabled={pending || blockedBy !== null}
        onClick={() => run(commitImportAction)}
      >
        {pending && !discarding ? "Starting…" : `Import ${formatCount(rows, "row")}`}
      </button>
      <button className="btn" type="button" disabled={pending} onClick={() => run(discardImportAction)}>
        {pending && discarding ? "Discarding…" : "Discard upload"}
      </button>
      <span className="muted">
        {blockedBy ?? "Every valid row is written in one go; rows with problems are skipped and listed in a report."}
      </span>
      <ActionError message={error} />
    </section>
  );
}
