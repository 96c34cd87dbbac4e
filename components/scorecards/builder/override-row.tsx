"use client";

import { describeRule, levelStatus, levelTotal, withKey, type TreeRow } from "@/lib/model-builder/draft";
import type { Variant } from "@/lib/scoring";
import { NumberInput, SelectInput } from "./fields";
import { RuleEditor } from "./rule-editor";

const MISSING = [
  ["", "Inherit"],
  ["exclude", "Leave it out"],
  ["worst", "Worst"],
  ["neutral", "Neutral"],
  ["carry_forward", "Carry forward"],
] as const;

/**
 * One part of the base in a variant's table: the base value as the placeholder
 * of each field (blank inherits it), the level total under the variant for
 * categories, and for metrics the rule (inherited, or overridden and editable),
 * staleness and missing-data policy.
 */
export function OverrideRow({
  row,
  applied,
  variant,
  range,
  ruleOpen,
  onRuleOpen,
  onChange,
}: {
  row: TreeRow;
  /** The same part with the variant applied. */
  applied: TreeRow | undefined;
  variant: Variant;
  range: { min: number; max: number };
  ruleOpen: boolean;
  onRuleOpen: (open: boolean) => void;
  onChange: (variant: Variant) => void;
}) {
  const ruleOverride = variant.rules[row.key];
  const of = `${variant.name} rule of ${row.name}`;
  const status = applied?.category ? levelStatus(levelTotal(applied.category)) : null;
  return (
    <tr key={row.key}>
      <th scope="row" style={{ paddingLeft: 8 + row.depth * 16 }}>
        {row.kind === "category" ? <strong>{row.name}</strong> : row.name}
      </th>
      <td>
        <NumberInput
          hideLabel
          optional
          label={`${variant.name}: weight of ${row.name}`}
          placeholder={String(row.weight)}
          value={variant.weights[row.key]}
          suffix="%"
          onChange={(w) => onChange({ ...variant, weights: withKey(variant.weights, row.key, w) })}
        />
      </td>
      <td className={status ? (status.ok ? "text-ok small" : "text-danger small") : undefined}>{status?.text}</td>
      {row.metric ? (
        <>
          <td>
            <span className={ruleOverride ? "small" : "muted small"}>
              {ruleOverride ? "Own: " : "Inherits: "}
              {describeRule(ruleOverride ?? row.metric.rule)}
            </span>{" "}
            {ruleOverride ? (
              <>
                <RuleButton verb="Edit" of={of} onClick={() => onRuleOpen(!ruleOpen)} />
                <RuleButton
                  verb="Inherit"
                  of={of}
                  onClick={() => onChange({ ...variant, rules: withKey(variant.rules, row.key, undefined) })}
                />
              </>
            ) : (
              <RuleButton
                verb="Override"
                of={of}
                onClick={() => {
                  onChange({ ...variant, rules: withKey(variant.rules, row.key, row.metric!.rule) });
                  onRuleOpen(true);
                }}
              />
            )}
            {ruleOverride && ruleOpen && (
              <RuleEditor
                rule={ruleOverride}
                range={range}
                label={`${row.name} in ${variant.name}`}
                options={[]}
                onChange={(rule) => onChange({ ...variant, rules: withKey(variant.rules, row.key, rule) })}
              />
            )}
          </td>
          <td>
            <NumberInput
              hideLabel
              optional
              label={`${variant.name}: ${row.name} stale after (days)`}
              placeholder={row.metric.staleAfterDays === undefined ? "never" : String(row.metric.staleAfterDays)}
              value={variant.staleAfterDays[row.key]}
              onChange={(d) => onChange({ ...variant, staleAfterDays: withKey(variant.staleAfterDays, row.key, d) })}
            />
          </td>
          <td>
            <SelectInput
              hideLabel
              label={`${variant.name}: ${row.name} when data is missing`}
              value={variant.missing[row.key]?.policy ?? ""}
              options={MISSING.map(([v, t]) => [v, v === "" ? `Inherit (${row.metric!.missing.policy})` : t] as const)}
              onChange={(policy) =>
                onChange({
                  ...variant,
                  missing: withKey(
                    variant.missing,
                    row.key,
                    policy === "" ? undefined : { ...row.metric!.missing, policy },
                  ),
                })
              }
            />
          </td>
        </>
      ) : (
        <td colSpan={3} />
      )}
    </tr>
  );
}

/** A small button whose accessible name says which variant and metric it acts on. */
function RuleButton({ verb, of, onClick }: { verb: string; of: string; onClick: () => void }) {
  return (
    <button type="button" className="btn btn-ghost" onClick={onClick}>
      {verb}
      <span className="sr-only"> {of}</span>
    </button>
  );
}
