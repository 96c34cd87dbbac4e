"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { acceptInvitationAction } from "@/lib/actions/members";
import { MIN_PASSWORD_LENGTH_CLIENT } from "@/lib/validation/limits";

type Result = Awaited<ReturnType<typeof acceptInvitationAction>>;

function PasswordField({ name, label, errors }: { name: string; label: string; errors?: string[] }) {
  return (
    <label className="field">
      {label}
      <input
        className="input"
        name={name}
        type="password"
        autoComplete="new-password"
        required
        aria-invalid={Boolean(errors)}
      />
      <FieldError messages={errors} />
    </label>
  );
}

/** The invitee's name and chosen password; once they have joined, they are signed in with it. */
export function AcceptInvitationForm({ token, name }: { token: string; name: string }) {
  const router = useRouter();
  const [result, setResult] = useState<Result | null>(null);
  const [pending, setPending] = useState(false);
  const errors = result && !result.ok ? result.error.fieldErrors : undefined;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const accepted = await acceptInvitationAction(form);
    setResult(accepted);
    if (!accepted.ok) return setPending(false);
    const signedIn = await signIn("credentials", {
      email: accepted.data.email,
      password: String(form.get("password")),
      redirect: false,
    });
    if (signedIn?.ok && !signedIn.error) {
      router.replace("/portfolio");
      router.refresh();
    } else setPending(false);
  }

  if (result?.ok && !pending)
    return (
      <div role="status" className="alert alert-ok">
        You have joined {result.data.organizationName}. <Link href="/login">Sign in</Link> as {result.data.email}.
      </div>
    );
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {result && !result.ok && !errors && (
        <div role="alert" className="alert alert-error">
          {result.error.message}
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      <label className="field">
        Your name
        <input
          className="input"
          name="name"
          defaultValue={name}
          autoComplete="name"
          required
          aria-invalid={Boolean(errors?.name)}
        />
        <FieldError messages={errors?.name} />
      </label>
      <PasswordField
        name="password"
        label={`Choose a password (at least ${MIN_PASSWORD_LENGTH_CLIENT} characters)`}
        errors={errors?.password}
      />
      <PasswordField name="confirmPassword" label="The same password again" errors={errors?.confirmPassword} />
      <button className="btn btn-primary" type="submit" disabled={pending}>
        {pending ? "Joining…" : "Join and sign in"}
      </button>
    </form>
  );
}
