"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { cancelImportAction } from "@/lib/actions/imports";
import { formatNumber } from "@/lib/format";
import { ActionError } from "@/components/ui/field-error";

/**
 * Progress of a commit; refreshes until it is done. `writing` (the accepted
 * rows) is set once every row is checked and the one write has begun.
 */
export function ImportProgress({
  importId,
  processed,
  total,
  writing,
  cancelling,
}: {
  importId: string;
  processed: number;
  total: number;
  writing: number | null;
  /** Someone asked to stop it; the worker stops at its next check. */
  cancelling: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const cancel = () =>
    startTransition(async () => {
      const result = await cancelImportAction({ importId });
      if (result.ok) router.refresh();
      else setError(result.error.message);
    });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [router]);
  // It replaces the review, whose Import button sat at the foot of a long page: without this the
  // progress would be out of sight above, and keyboard focus lost with the button.
  useEffect(() => heading.current?.focus(), []);
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : 0;
  return (
    <section className="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading" ref={heading} tabIndex={-1}>
        Importing…
      </h2>
      {/* While the rows are written, the bar runs without a value: the write reports no progress of its own. */}
      <progress
        max={100}
        value={writing === null ? percent : undefined}
        aria-label="Import progress"
        style={{ width: "100%" }}
      />
      <p className="muted" aria-live="polite">
        {writing === null
          ? `${formatNumber(processed)} of about ${formatNumber(total)} rows checked. Nothing is visible until the whole file is in.`
          : `All ${formatNumber(processed)} rows checked. Writing the ${formatNumber(writing)} accepted ones in one transaction: nothing is visible until it commits.`}
      </p>
      <div className="row">
        <button className="btn" type="button" onClick={cancel} disabled={pending || cancelling}>
          {cancelling ? "Cancelling…" : "Cancel import"}
        </button>
        <span className="muted">Cancelling writes nothing; you can change the mapping and import again.</span>
        <ActionError message={error} />
      </div>
    </section>
  );
}
