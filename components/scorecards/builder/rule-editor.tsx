"use client";

import type { Rule } from "@/lib/scoring";
import { EditableRows } from "./editable-rows";
import { NumberInput, SelectInput, TextInput } from "./fields";

type Range = { min: number; max: number };

export const RULE_TYPES = [
  ["linear", "Linear between worst and best"],
  ["target", "Share of a target"],
  ["percentile", "Percentile among peers"],
  ["bands", "Bands of values"],
  ["boolean", "Yes / no"],
  ["categorical", "Options"],
] as const;

const DIRECTIONS = [
  ["higher", "Higher is better"],
  ["lower", "Lower is better"],
] as const;

/** A fresh rule of the chosen type, seeded from the metric's options where it has them. */
export function ruleOfType(type: Rule["type"], range: Range, options: string[]): Rule {
  switch (type) {
    case "linear":
      return { type, worst: 0, best: 100 };
    case "target":
      return { type, target: 100, direction: "higher" };
    case "percentile":
      return { type, direction: "higher" };
    case "bands": {
      const mid = (range.min + range.max) / 2;
      return {
        type,
        bands: [
          { from: null, to: 10, points: range.min },
          { from: 10, to: 50, points: mid },
          { from: 50, to: null, points: range.max },
        ],
      };
    }
    case "boolean":
      return { type, true: range.max, false: range.min };
    case "categorical":
      return { type, options: Object.fromEntries(options.map((o, i) => [o, i === 0 ? range.max : range.min])) };
  }
}

/** Every rule type's fields; `label` names the metric for screen readers. */
export function RuleEditor({
  rule,
  range,
  label,
  options,
  onChange,
}: {
  rule: Rule;
  range: Range;
  label: string;
  options: string[];
  onChange: (rule: Rule) => void;
}) {
  return (
    <fieldset className="stack rule-editor">
      <legend className="sr-only">Rule for {label}</legend>
      <div className="form-grid">
        <SelectInput
          label="Rule"
          value={rule.type}
          options={RULE_TYPES}
          onChange={(type) => onChange(ruleOfType(type, range, options))}
        />
        {rule.type === "linear" && (
          <>
            <NumberInput label="Worst value" value={rule.worst} onChange={(v) => onChange({ ...rule, worst: v! })} />
            <NumberInput label="Best value" value={rule.best} onChange={(v) => onChange({ ...rule, best: v! })} />
          </>
        )}
        {rule.type === "target" && (
          <NumberInput label="Target" value={rule.target} onChange={(v) => onChange({ ...rule, target: v! })} />
        )}
        {(rule.type === "target" || rule.type === "percentile") && (
          <SelectInput
            label="Direction"
            value={rule.direction}
            options={DIRECTIONS}
            onChange={(direction) => onChange({ ...rule, direction })}
          />
        )}
        {rule.type === "boolean" && (
          <>
            <NumberInput label="Points for yes" value={rule.true} onChange={(v) => onChange({ ...rule, true: v! })} />
            <NumberInput label="Points for no" value={rule.false} onChange={(v) => onChange({ ...rule, false: v! })} />
          </>
        )}
        {(rule.type === "linear" || rule.type === "target" || rule.type === "percentile") && (
          <>
            <NumberInput
              label="Fewest points"
              optional
              placeholder={String(range.min)}
              value={rule.minPoints}
              onChange={(v) => onChange({ ...rule, minPoints: v })}
            />
            <NumberInput
              label="Most points"
              optional
              placeholder={String(range.max)}
              value={rule.maxPoints}
              onChange={(v) => onChange({ ...rule, maxPoints: v })}
            />
          </>
        )}
      </div>
      {rule.type === "bands" && <BandsEditor rule={rule} range={range} onChange={onChange} />}
      {rule.type === "categorical" && <OptionsEditor rule={rule} onChange={onChange} />}
    </fieldset>
  );
}

type Bands = Extract<Rule, { type: "bands" }>;

function BandsEditor({ rule, range, onChange }: { rule: Bands; range: Range; onChange: (r: Rule) => void }) {
  const set = (i: number, patch: Partial<Bands["bands"][number]>) =>
    onChange({ ...rule, bands: rule.bands.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  return (
    <EditableRows
      caption="Bands"
      columns={["From (blank: open)", "To (blank: open)", "Points"]}
      count={rule.bands.length}
      minRows={1}
      rowName={(i) => `band ${i + 1}`}
      cells={(i) => {
        const b = rule.bands[i]!;
        return [
          <NumberInput
            key="from"
            hideLabel
            optional
            label={`Band ${i + 1} from`}
            value={b.from ?? undefined}
            onChange={(v) => set(i, { from: v ?? null })}
          />,
          <NumberInput
            key="to"
            hideLabel
            optional
            label={`Band ${i + 1} to`}
            value={b.to ?? undefined}
            onChange={(v) => set(i, { to: v ?? null })}
          />,
          <NumberInput
            key="points"
            hideLabel
            label={`Band ${i + 1} points`}
            value={b.points}
            onChange={(v) => set(i, { points: v! })}
          />,
        ];
      }}
      onRemove={(i) => onChange({ ...rule, bands: rule.bands.filter((_, j) => j !== i) })}
      onAdd={() => {
        const last = rule.bands[rule.bands.length - 1]!;
        const from = last.to ?? (last.from ?? 0) + 10;
        onChange({
          ...rule,
          bands: [...rule.bands.slice(0, -1), { ...last, to: from }, { from, to: null, points: range.max }],
        });
      }}
      addLabel="Add band"
    />
  );
}

type Categorical = Extract<Rule, { type: "categorical" }>;

function OptionsEditor({ rule, onChange }: { rule: Categorical; onChange: (r: Rule) => void }) {
  const entries = Object.entries(rule.options);
  const write = (next: [string, number][]) => onChange({ ...rule, options: Object.fromEntries(next) });
  return (
    <EditableRows
      caption="Options"
      columns={["Option", "Points"]}
      count={entries.length}
      rowName={(i) => entries[i]![0]}
      cells={(i) => {
        const [option, pts] = entries[i]!;
        return [
          <TextInput
            key="option"
            hideLabel
            label={`Option ${i + 1}`}
            value={option}
            onChange={(text) => write(entries.map((e, j) => (j === i ? [text, e[1]] : e)))}
          />,
          <NumberInput
            key="points"
            hideLabel
            label={`Points for ${option || `option ${i + 1}`}`}
            value={pts}
            onChange={(v) => write(entries.map((e, j) => (j === i ? [e[0], v!] : e)))}
          />,
        ];
      }}
      onRemove={(i) => write(entries.filter((_, j) => j !== i))}
      onAdd={() => write([...entries, [`option ${entries.length + 1}`, 0]])}
      addLabel="Add option"
    />
  );
}
