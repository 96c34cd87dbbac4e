"use client";

import { useState, useTransition } from "react";
import { Options } from "@/components/ui/options";
import { assignAccountStageAction } from "@/lib/actions/segments";

/** Admins put an account in a lifecycle stage by hand (pinned), or hand it back to the stage rules. */
export function StagePin({
  accountId,
  stage,
  stages,
}: {
  accountId: string;
  stage: { id: string; pinned: boolean } | null;
  stages: { id: string; name: string }[];
}) {
  const [value, setValue] = useState(stage?.pinned ? stage.id : "");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await assignAccountStageAction({ accountId, stageId: value });
          setMessage(
            r.ok ? (r.data.pinned ? "Pinned; a rescore is queued." : "Back under the stage rules.") : r.error.message,
          );
        });
      }}
    >
      <label className="row">
        Lifecycle stage
        <select className="input input-sm" value={value} onChange={(e) => setValue(e.target.value)}>
          <Options items={stages} empty="By the stage rules" />
        </select>
      </label>
      <button className="btn btn-sm" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set stage"}
      </button>
      {message && (
        <span role="status" className="small">
          {message}
        </span>
      )}
    </form>
  );
}
