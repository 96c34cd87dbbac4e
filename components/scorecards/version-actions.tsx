"use client";

import { useState, useTransition } from "react";
import { publishVersionAction, restoreVersionAction } from "@/lib/actions/scorecards";

/** Publish a draft (with a change note), or restore any other version as a new draft. */
export function VersionActions({
  scorecardId,
  version,
}: {
  scorecardId: string;
  version: { id: string; number: number; status: string };
}) {
  const [publishing, setPublishing] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const ids = { scorecardId, versionId: version.id };
  if (version.status === "draft" && publishing)
    return (
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const changeNote = String(new FormData(e.currentTarget).get("changeNote"));
          start(async () => {
            const r = await publishVersionAction({ ...ids, changeNote });
            setMessage(
              r.ok
                ? { ok: true, text: `Published v${r.data.number}; rescoring every account.` }
                : { ok: false, text: r.error.message },
            );
            if (r.ok) setPublishing(false);
          });
        }}
      >
        <input
          className="input input-sm"
          name="changeNote"
          aria-label={`Change note for v${version.number}`}
          placeholder="What changed and why"
          required
        />
        <button className="btn btn-sm btn-primary" type="submit" disabled={pending}>
          {pending ? "Publishing…" : "Publish"}
        </button>
        <button className="btn btn-sm" type="button" onClick={() => setPublishing(false)}>
          Cancel
        </button>
        {message && (
          <span role={message.ok ? "status" : "alert"} className={message.ok ? "small" : "field-error"}>
            {message.text}
          </span>
        )}
      </form>
    );
  return (
    <div className="row">
      {version.status === "draft" ? (
        <button className="btn" type="button" onClick={() => setPublishing(true)}>
          Publish…
        </button>
      ) : (
        <button
          className="btn"
          type="button"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await restoreVersionAction(ids);
              setMessage(
                r.ok
                  ? { ok: true, text: `Restored as draft v${r.data.number}.` }
                  : { ok: false, text: r.error.message },
              );
            })
          }
        >
          Restore as draft
        </button>
      )}
      {message && (
        <span role={message.ok ? "status" : "alert"} className={message.ok ? "small" : "field-error"}>
          {message.text}
        </span>
      )}
    </div>
  );
}
