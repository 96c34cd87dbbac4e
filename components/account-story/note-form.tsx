"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { addAccountNoteAction } from "@/lib/actions/notes";

type State = Awaited<ReturnType<typeof addAccountNoteAction>> | null;

export interface ManualMetric {
  id: string;
  name: string;
  options: string[];
}

/** A note, and the CSM's own read (sentiment) recorded as an observation that rescoring uses. */
export function NoteForm({ accountId, metrics }: { accountId: string; metrics: ManualMetric[] }) {
  const [state, action, pending] = useActionState<State, FormData>(
    async (_prev, form) => addAccountNoteAction(form),
    null,
  );
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  const metric = metrics[0];
  return (
    <form action={action} className="stack" aria-label="Add a note">
      <input type="hidden" name="accountId" value={accountId} />
      <label className="field">
        Note
        <textarea className="input" name="body" rows={3} aria-invalid={Boolean(errors?.body)} />
        <FieldError messages={errors?.body} />
      </label>
      {metric && (
        <fieldset className="row" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="muted">{metric.name} (optional)</legend>
          <input type="hidden" name="metricId" value={metric.id} />
          {metric.options.map((o) => (
            <label key={o} className="row">
              <input type="radio" name="option" value={o} /> {o}
            </label>
          ))}
          <FieldError messages={errors?.option ?? errors?.metricId} />
        </fieldset>
      )}
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
        {state?.ok && (
          <span role="status" className="text-ok">
            Saved; the account has been rescored.
          </span>
        )}
        {state && !state.ok && !errors && (
          <span role="alert" className="text-danger">
            {state.error.message}
          </span>
        )}
      </div>
    </form>
  );
}
