"use client";

import { useActionState, useTransition } from "react";
import { FieldError } from "@/components/ui/field-error";
import { InputField } from "@/components/ui/input-field";
import { Options } from "@/components/ui/options";
import { createOverrideAction, revokeOverrideAction } from "@/lib/actions/overrides";
import { formatDay, formatNumber } from "@/lib/format";

export interface ActiveOverride {
  id: string;
  scorecardName: string;
  score: number | null;
  tierLabel: string | null;
  reason: string;
  expiresAt: string;
  authorName: string | null;
}

type State = Awaited<ReturnType<typeof createOverrideAction>> | null;

/** Overrides in effect on the account, and (for admins and the owner) the form to set one. */
export function OverridePanel({
  accountId,
  overrides,
  scorecards,
  canWrite,
  today,
}: {
  accountId: string;
  overrides: ActiveOverride[];
  scorecards: { id: string; name: string; tiers: { key: string; label: string }[] }[];
  canWrite: boolean;
  today: string;
}) {
  const [state, action, pending] = useActionState<State, FormData>(
    async (_p, form) => createOverrideAction(form),
    null,
  );
  const [ending, start] = useTransition();
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  const tiers = [...new Map(scorecards.flatMap((s) => s.tiers.map((t) => [t.key, t]))).values()];
  return (
    <div className="stack">
      {overrides.length === 0 ? (
        <p className="muted">No override: every score shown is the computed one.</p>
      ) : (
        <ul className="plain-list">
          {overrides.map((o) => (
            <li key={o.id}>
              <strong>{o.scorecardName}</strong> overridden to {o.score !== null ? `${formatNumber(o.score)} · ` : ""}
              {o.tierLabel} until {formatDay(o.expiresAt)} by {o.authorName ?? "someone"}: “{o.reason}”{" "}
              {canWrite && (
                <button
                  className="btn"
                  type="button"
                  disabled={ending}
                  onClick={() => start(async () => void (await revokeOverrideAction({ overrideId: o.id })))}
                >
                  End now
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && scorecards.length > 0 && (
        <form action={action} className="stack" aria-label="Override a score">
          <input type="hidden" name="accountId" value={accountId} />
          <div className="form-grid">
            <label className="field">
              Scorecard
              <select className="input" name="scorecardId">
                <Options items={scorecards} />
              </select>
            </label>
            <InputField
              name="score"
              label="Score"
              type="number"
              step="any"
              placeholder="keep computed"
              errors={errors?.score}
            />
            <label className="field">
              Tier
              <select className="input" name="tierKey" aria-invalid={Boolean(errors?.tierKey)}>
                <Options items={tiers.map((t) => ({ id: t.key, name: t.label }))} empty="From the score" />
              </select>
              <FieldError messages={errors?.tierKey} />
            </label>
            <InputField
              name="expiresOn"
              label="Until (end of day, UTC)"
              type="date"
              min={today}
              errors={errors?.expiresOn}
            />
          </div>
          <InputField
            name="reason"
            label="Reason"
            placeholder="e.g. Exec sponsor confirmed renewal on the QBR call"
            errors={errors?.reason}
          />
          <div>
            <button className="btn" type="submit" disabled={pending}>
              {pending ? "Saving…" : "Override"}
            </button>
          </div>
          {state?.ok && (
            <div role="status" className="alert alert-ok">
              Override saved; the account was rescored.
            </div>
          )}
          {state && !state.ok && (
            <div role="alert" className="alert alert-error">
              {state.error.message}
            </div>
          )}
        </form>
      )}
    </div>
  );
}
