"use client";

import { useState, useTransition } from "react";
import { workAlertAction } from "@/lib/actions/alerts";
import type { AlertWork } from "@/lib/validation/alerts";

type Mode = "idle" | "snooze" | "resolve" | "assign";

/** The buttons that work one alert; snooze, resolve and assign open a small inline form. */
export function AlertActions({
  alert,
  members,
  today,
}: {
  alert: { id: string; status: string; assigneeId: string | null; title: string };
  members: { id: string; name: string }[];
  today: string;
}) {
  const [mode, setMode] = useState<Mode>("idle");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (work: AlertWork) =>
    start(async () => {
      const result = await workAlertAction(work);
      setError(result.ok ? null : result.error.message);
      if (result.ok) setMode("idle");
    });
  const id = alert.id;
  const label = (what: string) => `${what}: ${alert.title}`;
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  if (mode !== "idle") {
    return (
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          if (mode === "snooze") run({ op: "snooze", alertId: id, until: String(form.get("until")) });
          if (mode === "resolve")
            run({
              op: "resolve",
              alertId: id,
              resolution: form.get("resolution") as "action_taken" | "not_actionable",
            });
          if (mode === "assign")
            run({ op: "assign", alertId: id, assigneeId: (form.get("assigneeId") as string) || null });
        }}
      >
        {mode === "snooze" && (
          <label className="row">
            Until
            <input className="input" type="date" name="until" min={tomorrow} defaultValue={tomorrow} required />
          </label>
        )}
        {mode === "resolve" && (
          <label className="row">
            Outcome
            <select className="input" name="resolution" defaultValue="action_taken">
              <option value="action_taken">Action taken</option>
              <option value="not_actionable">Not actionable</option>
            </select>
          </label>
        )}
        {mode === "assign" && (
          <label className="row">
            Assignee
            <select className="input" name="assigneeId" defaultValue={alert.assigneeId ?? ""}>
              <option value="">Unassigned (team queue)</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
        <button className="btn" type="button" onClick={() => setMode("idle")}>
          Cancel
        </button>
        {error && (
          <span role="alert" className="field-error">
            {error}
          </span>
        )}
      </form>
    );
  }
  return (
    <div className="row" role="group" aria-label={label("Work alert")}>
      {alert.status === "open" && (
        <button
          className="btn"
          type="button"
          disabled={pending}
          onClick={() => run({ op: "acknowledge", alertId: id })}
        >
          Acknowledge
        </button>
      )}
      {alert.status !== "resolved" ? (
        <>
          <button className="btn" type="button" onClick={() => setMode("resolve")}>
            Resolve…
          </button>
          <button className="btn" type="button" onClick={() => setMode("snooze")}>
            Snooze…
          </button>
        </>
      ) : (
        <button className="btn" type="button" disabled={pending} onClick={() => run({ op: "reopen", alertId: id })}>
          Reopen
        </button>
      )}
      {alert.status === "snoozed" && (
        <button className="btn" type="button" disabled={pending} onClick={() => run({ op: "reopen", alertId: id })}>
          Wake
        </button>
      )}
      {members.length > 0 && (
        <button className="btn" type="button" onClick={() => setMode("assign")}>
          Assign…
        </button>
      )}
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
