"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { ImpactView } from "@/components/scorecards/impact-view";
import { previewDraftImpactAction } from "@/lib/actions/scorecards";
import type { ImpactPreview } from "@/lib/services/scorecards/impact";

/** Below this, a preview re-runs by itself as the draft changes. */
const LIVE_MS = 1500;

/**
 * The draft as it stands (unsaved changes included) against the published
 * version over the whole portfolio. When a preview is quick, it follows every
 * change by itself; on large portfolios it runs on demand.
 */
export function ImpactPanel({
  scorecardId,
  versionId,
  definition,
  valid,
}: {
  scorecardId: string;
  versionId: string;
  /** The draft's JSON as it stands. */
  definition: string;
  valid: boolean;
}) {
  const [impact, setImpact] = useState<ImpactPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  // The draft the shown preview was computed from; anything else is newer.
  const [previewed, setPreviewed] = useState<string | null>(null);
  const stale = impact !== null && previewed !== definition;
  const [pending, start] = useTransition();
  const first = useRef(true);
  const run = () =>
    start(async () => {
      const r = await previewDraftImpactAction({ scorecardId, versionId, definition });
      setError(r.ok ? null : r.error.message);
      setImpact(r.ok ? r.data : null);
      setPreviewed(definition);
      if (r.ok && first.current) setLive(r.data.milliseconds < LIVE_MS);
      first.current = false;
    });
  useEffect(() => {
    if (!impact || !stale || !live || !valid) return;
    const timer = setTimeout(run, 700);
    return () => clearTimeout(timer);
    // Re-run only when the draft itself changes (or live updating is switched on).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [definition, live]);
  return (
    <section className="card stack" aria-labelledby="builder-impact">
      <h3 id="builder-impact">Impact of this draft</h3>
      <p className="muted small">
        Scores every active account now with the draft as it stands (unsaved changes included) and with the published
        version.
      </p>
      <div className="row">
        <button type="button" className="btn" disabled={!valid || pending} onClick={run}>
          {pending ? "Scoring the portfolio…" : impact ? "Refresh impact" : "Preview impact"}
        </button>
        {impact && (
          <label className="row small">
            <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
            Update as I edit
          </label>
        )}
        {!valid && <span className="muted small">Fix the draft&apos;s problems first.</span>}
        {impact && stale && !pending && <span className="muted small">The draft has changed since this preview.</span>}
      </div>
      {error && <p className="field-error">{error}</p>}
      {impact && (
        <div aria-busy={pending} className={pending ? "is-updating" : undefined}>
          <ImpactView impact={impact} />
        </div>
      )}
    </section>
  );
}
