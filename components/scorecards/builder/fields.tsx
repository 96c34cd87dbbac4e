"use client";

import { useState } from "react";
import type { ModelIssue } from "@/lib/scoring";

/** The control inside a visible label, or alone (it then carries an aria-label). */
function labelled(label: string, hidden: boolean | undefined, control: React.ReactNode) {
  if (hidden) return control;
  return (
    <label className="field">
      {label}
      {control}
    </label>
  );
}

const show = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "" : String(n));

/**
 * A number input that lets the admin type freely ("", "-", "0.") and reports a
 * value only once the text is a finite number; with `optional`, clearing it
 * reports undefined (e.g. "inherit" or "no limit").
 */
export function NumberInput({
  label,
  value,
  onChange,
  optional,
  placeholder,
  hideLabel,
  className = "input input-sm",
  suffix,
  invalid,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  optional?: boolean;
  placeholder?: string;
  hideLabel?: boolean;
  className?: string;
  suffix?: string;
  invalid?: boolean;
}) {
  const [text, setText] = useState(show(value));
  const [seen, setSeen] = useState(value);
  // Follow changes made elsewhere (e.g. the JSON tab) without fighting the admin's typing.
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (Number(text) !== value || text.trim() === "") setText(show(value));
  }
  // Text that is not (yet) a number keeps the last value; say so rather than hide it.
  const unreadable = text.trim() === "" ? !optional : !Number.isFinite(Number(text));
  const input = (
    <input
      className={className}
      inputMode="decimal"
      aria-label={hideLabel ? label : undefined}
      aria-invalid={invalid || unreadable || undefined}
      title={unreadable ? "Enter a number; the last one entered still counts" : undefined}
      placeholder={placeholder}
      value={text}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        if (next.trim() === "") {
          if (optional) {
            setSeen(undefined);
            onChange(undefined);
          }
          return;
        }
        const n = Number(next);
        if (Number.isFinite(n)) {
          setSeen(n);
          onChange(n);
        }
      }}
    />
  );
  const body = suffix ? (
    <span className="row nowrap input-suffix">
      {input}
      <span className="muted small">{suffix}</span>
    </span>
  ) : (
    input
  );
  return labelled(label, hideLabel, body);
}

export function TextInput({
  label,
  value,
  onChange,
  hideLabel,
  invalid,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hideLabel?: boolean;
  invalid?: boolean;
}) {
  const input = (
    <input
      className="input input-sm"
      aria-label={hideLabel ? label : undefined}
      aria-invalid={invalid || undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  return labelled(label, hideLabel, input);
}

export function SelectInput<T extends string>({
  label,
  value,
  options,
  onChange,
  hideLabel,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
  hideLabel?: boolean;
}) {
  const select = (
    <select
      className="input input-sm"
      aria-label={hideLabel ? label : undefined}
      value={value}
      onChange={(e) => onChange(e.target.value as T)}
    >
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
  return labelled(label, hideLabel, select);
}

/** The engine's messages for one part of the form. */
export function IssueList({ issues }: { issues: readonly ModelIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="plain-list field-error small">
      {issues.map((i, n) => (
        <li key={n}>{i.message}</li>
      ))}
    </ul>
  );
}

/** Up and down within its list, for keyboard and pointer alike. */
export function MoveButtons({ name, onMove }: { name: string; onMove: (delta: number) => void }) {
  return (
    <span className="row nowrap">
      <button type="button" className="btn btn-ghost" aria-label={`Move ${name} up`} onClick={() => onMove(-1)}>
        ↑
      </button>
      <button type="button" className="btn btn-ghost" aria-label={`Move ${name} down`} onClick={() => onMove(1)}>
        ↓
      </button>
    </span>
  );
}
