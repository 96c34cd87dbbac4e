"use client";

import { useState } from "react";
import { commitImportAction, discardImportAction } from "@/lib/actions/imports";
import { formatCount } from "@/lib/format";
import { ActionError } from "@/components/ui/field-error";
import { useAction } from "@/components/ui/use-action";

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
  const { pending, error, run: runAction } = useAction({ refresh: true });
  const [discarding, setDiscarding] = useState(false);
  const run = (action: typeof commitImportAction) => {
    setDiscarding(action === discardImportAction);
    runAction(() => action({ importId }));
  };
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
