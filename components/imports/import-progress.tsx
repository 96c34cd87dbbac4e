"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Progress of a commit; refreshes until it is done. */
export function ImportProgress({ processed, total }: { processed: number; total: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [router]);
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : 0;
  return (
    <section className="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Importing…</h2>
      <progress max={100} value={percent} aria-label="Import progress" style={{ width: "100%" }} />
      <p className="muted" aria-live="polite">
        {processed.toLocaleString("en-US")} of about {total.toLocaleString("en-US")} rows checked. Nothing is visible
        until the whole file is in.
      </p>
    </section>
  );
}
