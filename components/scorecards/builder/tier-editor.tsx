"use client";

import { issuesUnder } from "@/lib/model-builder/draft";
import type { ModelIssue, Tier } from "@/lib/scoring";
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
      <table className="compact-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">From</th>
            <th scope="col">To (blank: next tier)</th>
            <th scope="col">Colour</th>
            <th scope="col">Letter</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((t, i) => (
            <tr key={i}>
              <td>
                <TextInput
                  hideLabel
                  label={`Tier ${i + 1} label`}
                  value={t.label}
                  onChange={(label) => set(i, { label })}
                />
              </td>
              <td>
                <NumberInput
                  hideLabel
                  label={`${t.label} from`}
                  value={t.min}
                  onChange={(min) => set(i, { min: min! })}
                />
              </td>
              <td>
                <NumberInput
                  hideLabel
                  optional
                  label={`${t.label} to`}
                  placeholder={String(tiers[i + 1]?.min ?? range.max)}
                  value={t.max}
                  onChange={(max) => set(i, { max })}
                />
              </td>
              <td>
                <input
                  type="color"
                  className="color-input"
                  aria-label={`${t.label} colour`}
                  value={t.color}
                  onChange={(e) => set(i, { color: e.target.value })}
                />
              </td>
              <td>
                <TextInput
                  hideLabel
                  label={`${t.label} letter`}
                  value={t.letter ?? ""}
                  onChange={(letter) => set(i, { letter: letter || undefined })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-ghost"
                  disabled={tiers.length === 1}
                  onClick={() => onChange(tiers.filter((_, j) => j !== i))}
                >
                  Remove<span className="sr-only"> {t.label}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={6}>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  const last = tiers[tiers.length - 1]!;
                  const min = Math.round((last.min + (last.max ?? range.max)) / 2);
                  const trimmed = tiers.map((t, j) =>
                    j === tiers.length - 1 && t.max !== undefined ? { ...t, max: min } : t,
                  );
                  onChange([...trimmed, { min, label: `Tier ${tiers.length + 1}`, color: "#667085" }]);
                }}
              >
                Add tier<span className="sr-only"> to {caption}</span>
              </button>
            </td>
          </tr>
        </tfoot>
      </table>
      <IssueList issues={issuesUnder(issues, path)} />
    </div>
  );
}
