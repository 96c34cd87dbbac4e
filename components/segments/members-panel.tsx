"use client";

import Link from "next/link";
import { useActionState, useTransition } from "react";
import { FieldError } from "@/components/ui/field-error";
import { addSegmentMembersAction, removeSegmentMemberAction } from "@/lib/actions/segments";

type State = Awaited<ReturnType<typeof addSegmentMembersAction>> | null;

/** A segment's hand-picked accounts: add by account id (one per line or comma-separated), remove one by one. */
export function MembersPanel({
  segment,
  members,
}: {
  segment: { id: string; name: string };
  members: { id: string; externalId: string; name: string }[];
}) {
  const [state, action, pending] = useActionState<State, FormData>(
    async (_p, form) => addSegmentMembersAction(form),
    null,
  );
  const [removing, start] = useTransition();
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  return (
    <section className="card stack" aria-labelledby="members-heading">
      <h3 id="members-heading">
        Hand-picked accounts in “{segment.name}” ({members.length})
      </h3>
      {members.length > 0 && (
        <ul className="plain-list">
          {members.map((m) => (
            <li key={m.id} className="row">
              <Link href={`/accounts/${m.id}`}>{m.name}</Link> <span className="muted small">{m.externalId}</span>
              <button
                className="btn"
                type="button"
                disabled={removing}
                onClick={() =>
                  start(async () => void (await removeSegmentMemberAction({ segmentId: segment.id, accountId: m.id })))
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form action={action} className="stack">
        <input type="hidden" name="segmentId" value={segment.id} />
        <label className="field">
          Add accounts by id (as in imports), one per line or comma-separated
          <textarea className="input" name="accounts" rows={3} aria-invalid={Boolean(errors?.accounts)} />
          <FieldError messages={errors?.accounts} />
        </label>
        <div className="row">
          <button className="btn" type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add accounts"}
          </button>
          <Link className="btn" href="/settings/segments">
            Done
          </Link>
        </div>
        {state && !state.ok && !errors && (
          <div role="alert" className="alert alert-error">
            {state.error.message}
          </div>
        )}
      </form>
    </section>
  );
}
