"use client";

import { useState } from "react";
import {
  dropOverrides,
  flattenTree,
  issuesUnder,
  levelStatus,
  levelTotal,
  variantChanges,
} from "@/lib/model-builder/draft";
import { applyVariant, type ModelDefinition, type ModelIssue, type Variant } from "@/lib/scoring";
import { IssueList, NumberInput, TextInput } from "./fields";
import { OverrideRow } from "./override-row";
import { TierEditor } from "./tier-editor";

export interface Choice {
  key: string;
  name: string;
}

/**
 * One variant: where it applies (segments, stages, priority) and, against every
 * part of the base, what it changes — a blank field inherits the base's value,
 * shown as its placeholder. The summary lists the changes in words.
 */
export function VariantEditor({
  model,
  index,
  segments,
  stages,
  issues,
  defaultOpen,
  onChange,
  onRemove,
}: {
  model: ModelDefinition;
  index: number;
  segments: Choice[];
  stages: Choice[];
  issues: readonly ModelIssue[];
  defaultOpen: boolean;
  onChange: (variant: Variant) => void;
  onRemove: () => void;
}) {
  const variant = model.variants[index]!;
  const path = `variants[${index}]`;
  const [ruleOpen, setRuleOpen] = useState<string | null>(null);
  const [open, setOpen] = useState(defaultOpen);
  const nameOf = (choices: Choice[], key: string) => choices.find((c) => c.key === key)?.name ?? key;
  const appliesTo = [
    ...variant.match.segments.map((k) => nameOf(segments, k)),
    ...variant.match.stages.map((k) => nameOf(stages, k)),
  ].join(" + ");
  const changes = variantChanges(model, variant);
  // What the engine sees for this variant, and the keys it overrides that the base no longer has.
  const { model: applied, unknownKeys: orphans } = applyVariant(model, variant);
  const rows = flattenTree(model);
  const appliedRows = new Map(flattenTree(applied).map((r) => [r.key, r]));
  const toggle = (list: string[], key: string, on: boolean) => (on ? [...list, key] : list.filter((k) => k !== key));
  const topStatus = levelStatus(levelTotal(applied));
  return (
    <details className="card builder-variant" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <strong>{variant.name}</strong>{" "}
        <span className="muted small">
          priority {variant.priority} · applies to {appliesTo || "nothing yet"} · {changes.length} change
          {changes.length === 1 ? "" : "s"}
        </span>
      </summary>
      <div className="stack builder-variant-body" role="group" aria-label={`Variant ${variant.name}`}>
        <div className="row builder-row">
          <TextInput label="Variant name" value={variant.name} onChange={(name) => onChange({ ...variant, name })} />
          <TextInput label="Key" value={variant.key} onChange={(key) => onChange({ ...variant, key })} />
          <NumberInput
            label="Priority"
            value={variant.priority}
            onChange={(priority) => onChange({ ...variant, priority: priority! })}
          />
          <button type="button" className="btn btn-ghost" onClick={onRemove}>
            Remove variant<span className="sr-only"> {variant.name}</span>
          </button>
        </div>
        <p className="muted small">
          Applies to accounts in any of the chosen segments and in one of the chosen stages; when several variants
          apply, the highest priority wins.
        </p>
        <div className="form-grid">
          {(
            [
              ["Segments", segments, "segments"],
              ["Lifecycle stages", stages, "stages"],
            ] as const
          ).map(([legend, choices, field]) => (
            <fieldset key={field} className="field">
              <legend>{legend}</legend>
              {choices.length === 0 && <span className="muted small">None defined yet (Settings → Segments).</span>}
              {choices.map((c) => (
                <label key={c.key} className="row small">
                  <input
                    type="checkbox"
                    checked={variant.match[field].includes(c.key)}
                    onChange={(e) =>
                      onChange({
                        ...variant,
                        match: { ...variant.match, [field]: toggle(variant.match[field], c.key, e.target.checked) },
                      })
                    }
                  />
                  {c.name}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        {orphans.length > 0 && (
          <div className="alert alert-error small">
            Overrides of parts no longer in the base model: {orphans.join(", ")}.{" "}
            <button type="button" className="btn" onClick={() => onChange(dropOverrides(variant, orphans))}>
              Drop them
            </button>
          </div>
        )}
        <div data-testid="variant-changes">
          <h4>What it changes</h4>
          {changes.length === 0 ? (
            <p className="muted small">Nothing yet: it inherits everything from the base model.</p>
          ) : (
            <ul className="plain-list small">
              {changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
          <p className="muted small">Everything else is inherited from the base model.</p>
        </div>
        <table className="compact-table">
          <caption>
            {variant.name}: weights and rules (blank inherits the base) — top level {topStatus.text}
          </caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Weight</th>
              <th scope="col">Level total</th>
              <th scope="col">Rule</th>
              <th scope="col">Stale after</th>
              <th scope="col">Missing data</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <OverrideRow
                key={row.key}
                row={row}
                applied={appliedRows.get(row.key)}
                variant={variant}
                range={model.range}
                ruleOpen={ruleOpen === row.key}
                onRuleOpen={(open) => setRuleOpen(open ? row.key : null)}
                onChange={onChange}
              />
            ))}
          </tbody>
        </table>
        <div className="form-grid">
          <NumberInput
            label="Minimum coverage (%)"
            optional
            placeholder={`${model.minCoverage} (inherited)`}
            value={variant.minCoverage}
            onChange={(minCoverage) => onChange({ ...variant, minCoverage })}
          />
          <label className="row small">
            <input
              type="checkbox"
              checked={Boolean(variant.tiers)}
              onChange={(e) =>
                onChange({ ...variant, tiers: e.target.checked ? model.tiers.map((t) => ({ ...t })) : undefined })
              }
            />
            Own grade scale (otherwise the base tiers)
          </label>
        </div>
        {variant.tiers && (
          <TierEditor
            tiers={variant.tiers}
            range={model.range}
            path={`${path}.tiers`}
            issues={issues}
            caption={`${variant.name} tiers`}
            onChange={(tiers) => onChange({ ...variant, tiers })}
          />
        )}
        <IssueList issues={issuesUnder(issues, path).filter((i) => !i.path.startsWith(`${path}.tiers`))} />
      </div>
    </details>
  );
}
