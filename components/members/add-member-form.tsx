"use client";

import { Options } from "@/components/ui/options";
import { useActionState, useState } from "react";
import { addMemberAction } from "@/lib/actions/members";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { FieldError } from "@/components/ui/field-error";
import { formatDateTime } from "@/lib/format";

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-sm"
      onClick={() =>
        navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? "Copied" : "Copy link"}
    </button>
  );
}

type State = Awaited<ReturnType<typeof addMemberAction>> | null;

export function AddMemberForm({ teams, roles }: { teams: { id: string; name: string }[]; roles: readonly Role[] }) {
  const [state, formAction, pending] = useActionState<State, FormData>(
    async (_prev, form) => addMemberAction(form),
    null,
  );
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <section className="card" aria-labelledby="add-member-heading">
      <h2 id="add-member-heading">Add a member</h2>
      <p className="muted">
        Someone who has a Pulseboard login joins at once. Anyone else gets an invitation link, through which they choose
        their own password.
      </p>
      <form action={formAction} className="toolbar" noValidate>
        <label className="field">
          Email
          <input className="input" name="email" type="email" required aria-invalid={Boolean(errors?.email)} />
          <FieldError messages={errors?.email} />
        </label>
        <label className="field">
          Name
          <input className="input" name="name" required aria-invalid={Boolean(errors?.name)} />
          <FieldError messages={errors?.name} />
        </label>
        <label className="field">
          Role
          <select className="input" name="role" defaultValue="csm">
            <Options items={roles.map((r) => ({ id: r, name: ROLE_LABELS[r] }))} />
          </select>
        </label>
        <label className="field">
          Team
          <select className="input" name="teamId" defaultValue="">
            <Options items={teams} empty="No team" />
          </select>
        </label>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add member"}
        </button>
      </form>
      {state && !state.ok && (
        <div role="alert" className="alert alert-error">
          {state.error.message}
        </div>
      )}
      {state?.ok &&
        (state.data.joined ? (
          <div role="status" className="alert alert-ok">
            Member added. They already had a Pulseboard login and can switch to this organisation now.
          </div>
        ) : (
          <div role="status" className="alert alert-ok stack" style={{ gap: 6 }}>
            <span>
              Invitation created{state.data.email === "sent" ? " and emailed" : ""}.
              {state.data.email === "failed" && " The email could not be sent."} Send them this link: it works once,
              until {formatDateTime(state.data.expiresAt.toISOString())}, and is not shown again.
            </span>
            <span className="row">
              <code data-testid="invitation-link" style={{ wordBreak: "break-all" }}>
                {state.data.link}
              </code>
              <CopyButton text={state.data.link} />
            </span>
          </div>
        ))}
    </section>
  );
}
