"use client";

import { useEffect, useState, useTransition } from "react";
import { FormMessage, type FormNotice } from "@/components/ui/form-footer";
import { checkDraftAction, saveDraftAction } from "@/lib/actions/scorecards";
import { formatNumber } from "@/lib/format";
import type { DefinitionCheck } from "@/lib/services/scorecards/versions";

/**
 * A draft's definition as JSON (the format of docs/scoring-models.md), checked as
 * it is typed: every problem the engine would refuse at publishing, named by
 * path, and the lowest and highest possible score once it is valid.
 */
export function DraftEditor({
  scorecardId,
  version,
}: {
  scorecardId: string;
  version: { id: string; number: number; definition: unknown };
}) {
  const [text, setText] = useState(() => JSON.stringify(version.definition, null, 2));
  const [check, setCheck] = useState<DefinitionCheck | null>(null);
  const [message, setMessage] = useState<FormNotice>(null);
  const [pending, start] = useTransition();
  useEffect(() => {
    const timer = setTimeout(
      () => void checkDraftAction({ definition: text }).then((r) => r.ok && setCheck(r.data)),
      400,
    );
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <section className="card stack" aria-labelledby="draft-heading">
      <h2 id="draft-heading">Edit draft v{version.number}</h2>
      <label className="field">
        Definition (JSON)
        <textarea
          className="input code-input"
          rows={24}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <div aria-live="polite" data-testid="draft-check">
        {!check ? (
          <p className="muted small">Checking…</p>
        ) : check.syntax ? (
          <p className="field-error">Not valid JSON: {check.syntax}</p>
        ) : check.issues.length > 0 ? (
          <>
            <p className="field-error">
              {check.issues.length} problem{check.issues.length > 1 ? "s" : ""} to fix before publishing:
            </p>
            <ul className="plain-list small">
              {check.issues.map((i, n) => (
                <li key={n}>
                  <code>{i.path || "model"}</code>: {i.message}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="small">
            <span className="badge badge-ok">Valid</span> Lowest possible score {formatNumber(check.bounds!.min)},
            highest {formatNumber(check.bounds!.max)}.
          </p>
        )}
      </div>
      <div className="row">
        <button
          className="btn btn-primary"
          type="button"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await saveDraftAction({ scorecardId, versionId: version.id, definition: text });
              setMessage(
                r.ok
                  ? {
                      ok: true,
                      text: r.data.issues.length ? "Saved; fix the problems above before publishing." : "Saved.",
                    }
                  : { ok: false, text: r.error.message },
              );
            })
          }
        >
          {pending ? "Saving…" : "Save draft"}
        </button>
      </div>
      <FormMessage message={message} />
    </section>
  );
}
