"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { createApiKeyAction } from "@/lib/actions/api-keys";

type State = Awaited<ReturnType<typeof createApiKeyAction>> | null;

export function CreateApiKeyForm() {
  const [state, formAction, pending] = useActionState<State, FormData>(
    async (_prev, form) => createApiKeyAction(form),
    null,
  );
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <section className="card" aria-labelledby="create-key-heading">
      <h2 id="create-key-heading">Create a key</h2>
      <form action={formAction} className="toolbar">
        <label className="field">
          Name
          <input className="input" name="name" placeholder="e.g. Warehouse sync" aria-invalid={Boolean(errors?.name)} />
          <FieldError messages={errors?.name} />
        </label>
        <fieldset className="row" style={{ border: 0, padding: 0 }}>
          <legend className="sr-only">Scopes</legend>
          <label className="row">
            <input type="checkbox" name="scopes" value="read" defaultChecked /> Read scores
          </label>
          <label className="row">
            <input type="checkbox" name="scopes" value="write" /> Write data
          </label>
          <FieldError messages={errors?.scopes} />
        </fieldset>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </button>
      </form>
      {state?.ok && (
        <div role="status" className="alert alert-ok">
          Copy this key now — it is not shown again: <code data-testid="new-api-key">{state.data.key}</code>
        </div>
      )}
      {state && !state.ok && !errors && (
        <div role="alert" className="alert alert-error">
          {state.error.message}
        </div>
      )}
    </section>
  );
}
