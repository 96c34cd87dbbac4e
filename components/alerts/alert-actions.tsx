"use client";

import { useState } from "react";
import { workAlertAction } from "@/lib/actions/alerts";
import type { AlertWork } from "@/lib/validation/alerts";
import { ActionError } from "@/components/ui/field-error";
import { useAction } from "@/components/ui/use-action";

type Mode = "idle" | "snooze" | "assign";

/** Works one alert from a menu; snoozing and assigning open a small inline form. */
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
  const { pending, error, run: runAction } = useAction();
  const run = (work: AlertWork) =>
    runAction(
      () => workAlertAction(work),
      () => setMode("idle"),
    );
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
        <ActionError message={error} />
      </form>
    );
  }
  // One compact menu per row: quick outcomes run at once, snooze and assign open a small form.
  const choices: [string, string][] = [
    ...(alert.status === "open" ? [["acknowledge", "Acknowledge"] as [string, string]] : []),
    ...(alert.status !== "resolved"
      ? ([
          ["action_taken", "Resolve: action taken"],
          ["not_actionable", "Resolve: not actionable"],
          ["snooze", "Snooze until…"],
        ] as [string, string][])
      : []),
    ...(alert.status === "resolved" || alert.status === "snoozed" ? [["reopen", "Reopen"] as [string, string]] : []),
    ...(members.length > 0 ? [["assign", "Assign to…"] as [string, string]] : []),
  ];
  return (
    <div className="row nowrap">
      <select
        className="input input-sm menu-select"
        aria-label={label("Work alert")}
        value=""
        disabled={pending}
        onChange={(e) => {
          const choice = e.target.value;
          if (choice === "snooze" || choice === "assign") return setMode(choice);
          if (choice === "action_taken" || choice === "not_actionable")
            return run({ op: "resolve", alertId: id, resolution: choice });
          if (choice === "acknowledge" || choice === "reopen") run({ op: choice, alertId: id });
        }}
      >
        <option value="">{pending ? "Saving…" : "Work…"}</option>
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <ActionError message={error} />
    </div>
  );
}
