"use client";

import { useUrlState } from "@/components/data-table/use-url-state";
import { Options } from "./options";

type Option = { id: string; name: string };

/** A labelled select bound to one search param (changing it goes back to page 1). */
export function UrlSelect({
  name,
  label,
  options,
  extra,
  empty = "All",
  fallback,
}: {
  name: string;
  label: string;
  options: Option[];
  extra?: Option[];
  /** The choice that removes the param; null when one must always be chosen. */
  empty?: string | null;
  /** What the server uses when the param is absent (when there is no empty choice). */
  fallback?: string;
}) {
  const { params, update } = useUrlState();
  return (
    <label className="field">
      {label}
      <select
        className="input"
        value={params.get(name) ?? (empty === null ? (fallback ?? options[0]?.id ?? "") : "")}
        onChange={(e) => update({ [name]: e.target.value }, { resetPage: true })}
      >
        <Options items={[...(extra ?? []), ...options]} empty={empty ?? undefined} />
      </select>
    </label>
  );
}
