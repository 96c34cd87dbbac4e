"use client";

import { signOut } from "next-auth/react";
import { useActionState, useEffect } from "react";
import { changePasswordAction } from "@/lib/actions/profile";
import { PasswordField } from "./password-field";

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
        <PasswordField
          name="currentPassword"
          label="Current password"
          autoComplete="current-password"
          errors={errors?.currentPassword}
        />
        <PasswordField
          name="newPassword"
          label="New password"
          autoComplete="new-password"
          errors={errors?.newPassword}
        />
        <PasswordField
          name="confirmPassword"
          label="Confirm new password"
          autoComplete="new-password"
          errors={errors?.confirmPassword}
        />
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
