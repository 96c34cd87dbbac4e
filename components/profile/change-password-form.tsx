"use client";

import { signOut } from "next-auth/react";
import { useActionState, useEffect } from "react";
import { changePasswordAction } from "@/lib/actions/profile";
import { FieldError } from "@/components/ui/field-error";

type State = Awaited<ReturnType<typeof changePasswordAction>> | null;

export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState<State, FormData>(
    async (_prev, form) => changePasswordAction(form),
    null,
  );
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;

  // A password change ends every session, this one included: sign in again.
  useEffect(() => {
    if (state?.ok) void signOut({ callbackUrl: "/login" });
  }, [state]);

  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      <form action={formAction} className="stack" noValidate>
        <label className="field">
          Current password
          <input
            className="input"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            aria-invalid={Boolean(errors?.currentPassword)}
          />
          <FieldError messages={errors?.currentPassword} />
        </label>
        <label className="field">
          New password
          <input
            className="input"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            aria-invalid={Boolean(errors?.newPassword)}
          />
          <FieldError messages={errors?.newPassword} />
        </label>
        <label className="field">
          Confirm new password
          <input
            className="input"
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            aria-invalid={Boolean(errors?.confirmPassword)}
          />
          <FieldError messages={errors?.confirmPassword} />
        </label>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Change password"}
        </button>
        {state && !state.ok && !errors && (
          <div role="alert" className="alert alert-error">
            {state.error.message}
          </div>
        )}
        {state?.ok && (
          <div role="status" className="alert alert-ok">
            Password changed. Signing you out of every session…
          </div>
        )}
      </form>
    </section>
  );
}
