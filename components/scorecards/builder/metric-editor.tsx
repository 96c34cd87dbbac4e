"use client";

import { useState } from "react";
import { formatNumber } from "@/lib/format";
import { METRIC_NORMALIZATIONS, NORMALIZATION_LABELS } from "@/lib/validation/metrics";
import { describeRule, issuesUnder, type CatalogueMetric } from "@/lib/model-builder/draft";
import type { MetricNode, MissingConfig, ModelIssue } from "@/lib/scoring";
import { IssueList, MoveButtons, NumberInput, SelectInput, TextInput } from "./fields";
import { RuleChart } from "./rule-chart";
import { RuleEditor } from "./rule-editor";

const POLICIES = [
  ["exclude", "Leave it out (weights renormalise)"],
  ["worst", "Score it as the worst"],
  ["neutral", "Score it as neutral"],
  ["carry_forward", "Carry the last value forward"],
] as const;
const FALLBACKS = [
  ["exclude", "Leave it out"],
  ["worst", "Score it as the worst"],
  ["neutral", "Score it as neutral"],
] as const;
const NORMALIZE = METRIC_NORMALIZATIONS.map((v) => [v, NORMALIZATION_LABELS[v]] as const);

const PER: Record<MetricNode["normalize"], string> = {
  none: "",
  per_seat: " per seat",
  per_active_user: " per active user",
  per_arr_unit: " per ARR unit",
};

/** The unit the rule reads: the catalogue's unit after normalisation (e.g. "users per seat"). */
function unitOf(unit: string | null | undefined, node: MetricNode) {
  const per = node.normalize === "per_arr_unit" ? ` per ${formatNumber(node.arrUnit)} ARR` : PER[node.normalize];
  return `${unit ?? ""}${per}`.trim() || null;
}

/** One metric of the tree: name and weight in a row, its rule with a chart and data policies on demand. */
export function MetricEditor({
  node,
  path,
  range,
  catalogue,
  issues,
  onChange,
  onRemove,
  onMove,
  placement,
}: {
  node: MetricNode;
  path: string;
  range: { min: number; max: number };
  catalogue: CatalogueMetric | undefined;
  issues: readonly ModelIssue[];
  onChange: (node: MetricNode) => void;
  onRemove: () => void;
  onMove: (delta: number) => void;
  /** The category it sits in (null: top level), the others, and moving it there. */
  placement: { at: string | null; choices: { key: string; name: string }[]; move: (to: string | null) => void };
}) {
  const [open, setOpen] = useState(false);
  const name = node.name ?? node.metric;
  const mine = issuesUnder(issues, path);
  const missing = (patch: Partial<MissingConfig>) => onChange({ ...node, missing: { ...node.missing, ...patch } });
  return (
    <li className="builder-node" aria-label={`Metric ${name}`}>
      <div className="row builder-row">
        <span className="badge badge-muted">metric</span>
        <TextInput
          hideLabel
          label={`Name of ${node.metric}`}
          value={node.name ?? ""}
          onChange={(v) => onChange({ ...node, name: v || undefined })}
        />
        <code className="small">{node.metric}</code>
        <NumberInput
          hideLabel
          label={`Weight of ${name}`}
          value={node.weight}
          suffix="%"
          invalid={mine.some((i) => i.path.endsWith(".weight"))}
          onChange={(v) => onChange({ ...node, weight: v! })}
        />
        <span className="muted small">{describeRule(node.rule)}</span>
        <MoveButtons name={name} onMove={onMove} />
        <button type="button" className="btn btn-ghost" onClick={onRemove}>
          Remove<span className="sr-only"> {name}</span>
        </button>
      </div>
      {!catalogue && (
        <p className="field-error small">“{node.metric}” is not in the metric catalogue; it will never have data.</p>
      )}
      <IssueList issues={mine} />
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Rule, missing data and staleness of {name}</summary>
        {open && (
          <div className="stack builder-details">
            <div className="rule-layout">
              <RuleEditor
                rule={node.rule}
                range={range}
                label={name}
                options={catalogue?.options ?? []}
                onChange={(rule) => onChange({ ...node, rule })}
              />
              <RuleChart rule={node.rule} range={range} name={name} unit={unitOf(catalogue?.unit, node)} />
            </div>
            <div className="form-grid">
              <SelectInput
                label="In category"
                value={placement.at ?? ""}
                options={[["", "Top level"] as const, ...placement.choices.map((c) => [c.key, c.name] as const)]}
                onChange={(to) => placement.move(to || null)}
              />
              <SelectInput
                label="Normalise"
                value={node.normalize}
                options={NORMALIZE}
                onChange={(normalize) => onChange({ ...node, normalize })}
              />
              {node.normalize === "per_arr_unit" && (
                <NumberInput
                  label="ARR per unit"
                  value={node.arrUnit}
                  onChange={(v) => onChange({ ...node, arrUnit: v! })}
                />
              )}
              <NumberInput
                label="Stale after (days)"
                optional
                placeholder="never"
                value={node.staleAfterDays}
                onChange={(v) => onChange({ ...node, staleAfterDays: v })}
              />
              <SelectInput
                label="When data is missing"
                value={node.missing.policy}
                options={POLICIES}
                onChange={(policy) => missing({ policy })}
              />
              {node.missing.policy === "carry_forward" && (
                <>
                  <SelectInput
                    label="Once too old"
                    value={node.missing.fallback}
                    options={FALLBACKS}
                    onChange={(fallback) => missing({ fallback })}
                  />
                  <NumberInput
                    label="Fade to neutral over (days)"
                    optional
                    placeholder="no fading"
                    value={node.missing.decayDays}
                    onChange={(decayDays) => missing({ decayDays })}
                  />
                </>
              )}
              {(node.missing.policy === "neutral" || node.missing.policy === "carry_forward") && (
                <NumberInput
                  label="Neutral points"
                  optional
                  placeholder="middle of the rule"
                  value={node.missing.neutral}
                  onChange={(neutral) => missing({ neutral })}
                />
              )}
            </div>
          </div>
        )}
      </details>
    </li>
  );
}
