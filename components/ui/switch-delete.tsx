"use client";

import { useTransition } from "react";

/** "Turn on/off" and "Delete" (after a confirmation) for one row of a settings table. */
export function SwitchAndDelete({
  enabled,
  confirm,
  onToggle,
  onDelete,
}: {
  enabled: boolean;
  confirm: string;
  onToggle: () => Promise<unknown>;
  onDelete: () => Promise<unknown>;
}) {
  const [pending, start] = useTransition();
  return (
    <>
      <button
        className="btn"
        type="button"
        disabled={pending}
        onClick={() => start(async () => void (await onToggle()))}
      >
        {enabled ? "Turn off" : "Turn on"}
      </button>
      <button
        className="btn btn-danger"
        type="button"
        disabled={pending}
        onClick={() => {
          if (window.confirm(confirm)) start(async () => void (await onDelete()));
        }}
      >
        Delete
      </button>
    </>
  );
}
