"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { updatePriorityWeightsAction } from "@/lib/actions/priorities";
import type { PriorityWeights } from "@/lib/dashboards/priority";

type State = Awaited<ReturnType<typeof updatePriorityWeightsAction>> | null;

const FIELDS: { name: keyof PriorityWeights; label: string; help: string }[] = [
  { name: "score", label: "Low score", help: "risk: how low the score sits in its range" },
  { name: "trend", label: "Falling trend", help: "risk: the 30-day drop" },
  { name: "coverage", label: "Missing data", help: "risk: share of the model without data" },
  { name: "revenue", label: "Revenue", help: "reorders risky accounts by ARR" },
  { name: "urgency", label: "Renewal urgency", help: "reorders risky accounts by days to renewal" },
];

/** Admins tune the ranking; the list re-ranks as soon as it is saved. */
export function PriorityWeightsForm({ weights }: { weights: PriorityWeights }) {
  const [state, action, pending] = useActionState<State, FormData>(
    async (_prev, form) => updatePriorityWeightsAction(form),
    null,
  );
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <details className="card">
      <summary>Tune the ranking</summary>
      <p className="muted">
        Priority = 100 × risk × ((1 − revenue − urgency) + revenue × ARR percentile + urgency × renewal urgency). Risk
        mixes the first three weights; revenue and urgency, together at most 1, only reorder accounts that are at risk.
      </p>
      <form action={action} className="toolbar">
        {FIELDS.map((f) => (
          <label key={f.name} className="field" title={f.help}>
            {f.label}
            <input
              className="input"
              name={f.name}
              type="number"
              step="0.05"
              min="0"
              max="1"
              defaultValue={weights[f.name]}
              aria-invalid={Boolean(errors?.[f.name])}
              style={{ width: 110 }}
            />
            <FieldError messages={errors?.[f.name]} />
          </label>
        ))}
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Re-ranking…" : "Save and re-rank"}
        </button>
      </form>
      {state?.ok && (
        <p role="status" className="alert alert-ok">
          Saved. Every account has been re-ranked.
        </p>
      )}
      {state && !state.ok && !errors && (
        <p role="alert" className="alert alert-error">
          {state.error.message}
        </p>
      )}
    </details>
  );
}
