"use client";

import { issuesUnder } from "@/lib/model-builder/draft";
import type { ModelIssue, Tier } from "@/lib/scoring";
import { EditableRows } from "./editable-rows";
import { IssueList, NumberInput, TextInput } from "./fields";

/**
 * The grade scale: each tier's label, start, optional end, colour and letter,
 * drawn as a strip over the score range so gaps and overlaps are visible; the
 * engine's messages ("tiers leave a gap between 40 and 45") appear beneath.
 */
export function TierEditor({
  tiers,
  range,
  path,
  issues,
  caption,
  onChange,
}: {
  tiers: Tier[];
  range: { min: number; max: number };
  path: string;
  issues: readonly ModelIssue[];
  caption: string;
  onChange: (tiers: Tier[]) => void;
}) {
  const set = (i: number, patch: Partial<Tier>) => onChange(tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const span = range.max - range.min || 1;
  const ends = tiers.map((t, i) => t.max ?? tiers[i + 1]?.min ?? range.max);
  return (
    <div className="stack">
      <div
        className="stackbar tier-strip"
        role="img"
        aria-label={`${caption}: ${tiers.map((t, i) => `${t.label} ${t.min} to ${ends[i]}`).join(", ")}`}
      >
        {tiers.map((t, i) => (
          <span
            key={i}
            title={`${t.label}: ${t.min}–${ends[i]}`}
            style={{
              marginLeft: `${(Math.max(0, t.min - (i === 0 ? range.min : ends[i - 1]!)) / span) * 100}%`,
              width: `${(Math.max(0, ends[i]! - t.min) / span) * 100}%`,
              background: t.color,
            }}
          >
            {t.letter ?? ""}
          </span>
        ))}
      </div>
      <EditableRows
        caption={caption}
        columns={["Label", "From", "To (blank: next tier)", "Colour", "Letter"]}
        count={tiers.length}
        minRows={1}
        rowName={(i) => tiers[i]!.label}
        cells={(i) => {
          const t = tiers[i]!;
          return [
            <TextInput
              key="label"
              hideLabel
              label={`Tier ${i + 1} label`}
              value={t.label}
              onChange={(label) => set(i, { label })}
            />,
            <NumberInput
              key="min"
              hideLabel
              label={`${t.label} from`}
              value={t.min}
              onChange={(min) => set(i, { min: min! })}
            />,
            <NumberInput
              key="max"
              hideLabel
              optional
              label={`${t.label} to`}
              placeholder={String(tiers[i + 1]?.min ?? range.max)}
              value={t.max}
              onChange={(max) => set(i, { max })}
            />,
            <input
              key="color"
              type="color"
              className="color-input"
              aria-label={`${t.label} colour`}
              value={t.color}
              onChange={(e) => set(i, { color: e.target.value })}
            />,
            <TextInput
              key="letter"
              hideLabel
              label={`${t.label} letter`}
              value={t.letter ?? ""}
              onChange={(letter) => set(i, { letter: letter || undefined })}
            />,
          ];
        }}
        onRemove={(i) => onChange(tiers.filter((_, j) => j !== i))}
        onAdd={() => {
          const last = tiers[tiers.length - 1]!;
          const min = Math.round((last.min + (last.max ?? range.max)) / 2);
          const trimmed = tiers.map((t, j) => (j === tiers.length - 1 && t.max !== undefined ? { ...t, max: min } : t));
          onChange([...trimmed, { min, label: `Tier ${tiers.length + 1}`, color: "#667085" }]);
        }}
        addLabel={
          <>
            Add tier<span className="sr-only"> to {caption}</span>
          </>
        }
      />
      <IssueList issues={issuesUnder(issues, path)} />
    </div>
  );
}
