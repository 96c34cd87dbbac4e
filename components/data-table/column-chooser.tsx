"use client";

import { useEffect, useRef, useState } from "react";

export interface ChoosableColumn {
  id: string;
  label: string;
}

/** A year, in seconds: the choice lasts until the user changes it. */
const REMEMBER_FOR = 365 * 24 * 60 * 60;

/**
 * Which of a table's columns are hidden, remembered in this browser by a cookie
 * (so that the server renders the page with the same columns, with nothing to flash).
 */
export function useHiddenColumns(cookie: string, initial: readonly string[]) {
  const [hidden, setHidden] = useState<readonly string[]>(initial);
  function change(next: readonly string[]) {
    setHidden(next);
    document.cookie = `${cookie}=${encodeURIComponent(next.join(","))}; path=/; max-age=${REMEMBER_FOR}; samesite=lax`;
  }
  return [hidden, change] as const;
}

/**
 * A "Columns" disclosure listing a table's columns with a checkbox each, to fit
 * the table to the screen. Escape closes it and returns focus to its button; a
 * click outside it closes it too.
 */
export function ColumnChooser({
  columns,
  hidden,
  onChange,
}: {
  columns: readonly ChoosableColumn[];
  hidden: readonly string[];
  onChange: (hidden: string[]) => void;
}) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (details.current && !details.current.contains(event.target as Node)) details.current.open = false;
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);
  function toggle(id: string, shown: boolean) {
    onChange(shown ? hidden.filter((h) => h !== id) : [...hidden, id]);
  }
  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key !== "Escape" || !details.current?.open) return;
    details.current.open = false;
    details.current.querySelector("summary")?.focus();
  }
  return (
    <details
      ref={details}
      className="column-chooser"
      onKeyDown={onKeyDown}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="btn">
        Columns{hidden.length > 0 && <span className="muted"> · {hidden.length} hidden</span>}
      </summary>
      <fieldset className="column-chooser-list">
        <legend className="sr-only">Columns to show</legend>
        {columns.map((column) => (
          <label key={column.id} className="row">
            <input
              type="checkbox"
              checked={!hidden.includes(column.id)}
              onChange={(e) => toggle(column.id, e.target.checked)}
            />
            {column.label}
          </label>
        ))}
        <button type="button" className="btn btn-sm" disabled={hidden.length === 0} onClick={() => onChange([])}>
          Show all
        </button>
      </fieldset>
    </details>
  );
}
