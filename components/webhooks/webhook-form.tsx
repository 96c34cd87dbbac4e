"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { InputField } from "@/components/ui/input-field";
import { createWebhookAction } from "@/lib/actions/webhooks";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/signature";

type State = Awaited<ReturnType<typeof createWebhookAction>> | null;

export const EVENT_LABELS: Record<string, string> = {
  "alert.raised": "Alert raised",
  "alert.resolved": "Alert resolved",
  "tier.changed": "Tier changed",
  test: "Test",
};

export function WebhookForm() {
  const [state, action, pending] = useActionState<State, FormData>(async (_p, form) => createWebhookAction(form), null);
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <section className="card stack" aria-labelledby="new-webhook-heading">
      <h2 id="new-webhook-heading">Add a webhook</h2>
      <form action={action} className="stack">
        <div className="form-grid">
          <InputField name="name" label="Name" placeholder="e.g. Slack relay" errors={errors?.name} />
          <InputField
            name="url"
            label="URL"
            type="url"
            placeholder="https://example.com/hooks/pulseboard"
            errors={errors?.url}
          />
        </div>
        <fieldset className="field">
          <legend>Events</legend>
          <div className="row">
            {WEBHOOK_EVENTS.map((e) => (
              <label key={e} className="row">
                <input type="checkbox" name="events" value={e} defaultChecked /> {EVENT_LABELS[e]}
              </label>
            ))}
          </div>
          <FieldError messages={errors?.events} />
        </fieldset>
        <div>
          <button className="btn btn-primary" type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add webhook"}
          </button>
        </div>
      </form>
      {state?.ok && (
        <div role="status" className="alert alert-ok">
          Added. Sign-check deliveries with this secret (also shown in the list below):{" "}
          <code data-testid="webhook-secret">{state.data.secret}</code>
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
