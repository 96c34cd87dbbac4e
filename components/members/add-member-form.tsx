"use client";

import { Options } from "@/components/ui/options";
import { useActionState } from "react";
import { addMemberAction } from "@/lib/actions/members";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { FieldError } from "@/components/ui/field-error";

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
      {state?.ok && (
        <div role="status" className="alert alert-ok">
          {state.data.temporaryPassword ? (
            <>
              Member added. Their temporary password is{" "}
              <code data-testid="temporary-password">{state.data.temporaryPassword}</code> — pass it on securely; it is
              not shown again.
            </>
          ) : (
            "Member added. They already had a Pulseboard login and can switch to this organisation now."
          )}
        </div>
      )}
    </section>
  );
}
