"use client";

import { useActionState } from "react";
import { InputField } from "@/components/ui/input-field";
import { createFromTemplateAction } from "@/lib/actions/scorecards";

type State = Awaited<ReturnType<typeof createFromTemplateAction>> | null;

/** Starts a new scorecard from a template, as a draft to review, compare and publish. */
export function TemplateForm({ templates }: { templates: { key: string; name: string; description: string }[] }) {
  const [state, action, pending] = useActionState<State, FormData>(async (_p, f) => createFromTemplateAction(f), null);
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <section className="card stack" aria-labelledby="template-heading">
      <h2 id="template-heading">New scorecard from a template</h2>
      <form action={action} className="stack">
        <fieldset className="field">
          <legend>Template</legend>
          {templates.map((t, i) => (
            <label key={t.key} className="row">
              <input type="radio" name="template" value={t.key} defaultChecked={i === 0} />
              <span>
                <strong>{t.name}</strong> <span className="muted small">— {t.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="form-grid">
          <InputField name="name" label="Name" placeholder="e.g. Onboarding" errors={errors?.name} />
          <InputField name="key" label="Key" placeholder="e.g. onboarding" errors={errors?.key} />
        </div>
        <div>
          <button className="btn btn-primary" type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create draft"}
          </button>
        </div>
        {state?.ok && (
          <div role="status" className="alert alert-ok">
            Draft v1 created. Review it below, then publish it with a note.
          </div>
        )}
        {state && !state.ok && !errors && (
          <div role="alert" className="alert alert-error">
            {state.error.message}
          </div>
        )}
      </form>
    </section>
  );
}
