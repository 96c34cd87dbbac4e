"use client";

import { useState } from "react";
import { requestBackfillAction } from "@/lib/actions/scoring";
import { BACKFILL_DAYS } from "@/lib/validation/backfill";
import { ActionError } from "@/components/ui/field-error";
import { useAction } from "@/components/ui/use-action";

/** "Score the past": an admin has past days scored from the observations stored, e.g. after importing history. */
export function BackfillForm({ underWay }: { underWay: boolean }) {
  const { pending, error, run } = useAction({ refresh: true });
  const [days, setDays] = useState<(typeof BACKFILL_DAYS)[number]>(90);
  return (
    <section className="card" aria-labelledby="backfill-heading">
      <h2 id="backfill-heading">Score the past</h2>
      <p className="muted">
        Imported history? Each past day is scored with only the observations made by its end, by the published
        scorecards, so trends and score histories reach back. Days already scored are kept as they are.
      </p>
      <div className="row">
        <label className="row">
          How far back
          <select
            className="input"
            value={days}
            onChange={(e) => setDays(Number(e.target.value) as (typeof BACKFILL_DAYS)[number])}
          >
            {BACKFILL_DAYS.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </label>
        <button
          className="btn"
          type="button"
          disabled={pending || underWay}
          onClick={() => run(() => requestBackfillAction({ days }))}
        >
          {underWay ? "Scoring the past…" : `Score the past ${days} days`}
        </button>
        <ActionError message={error} />
      </div>
    </section>
  );
}
