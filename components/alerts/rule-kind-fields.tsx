"use client";

import { FieldError } from "@/components/ui/field-error";
import { Options } from "@/components/ui/options";
import { InputField } from "@/components/ui/input-field";
import type { AlertKind } from "@/lib/alerts/rules";

type Named = { id: string; name: string };
export interface RuleFormOptions {
  scorecards: (Named & { tiers: { key: string; label: string }[] })[];
  segments: Named[];
  teams: Named[];
  stages: Named[];
  metrics: { key: string; name: string; stalenessDays: number | null }[];
}

export const NumberField = (props: {
  name: string;
  label: string;
  defaultValue: string;
  errors?: string[];
  hint?: string;
  step?: string;
}) => <InputField type="number" step={props.step ?? "any"} {...props} />;

/** The kind's own parameters, with defaults a CS team would start from. */
export function KindFields({
  kind,
  options,
  scorecardId,
  errors,
  initial,
}: {
  kind: AlertKind;
  options: RuleFormOptions;
  scorecardId: string;
  errors?: Record<string, string[]>;
  /** The edited rule's parameters, when its kind is still the one shown. */
  initial?: Record<string, unknown>;
}) {
  const tiers = options.scorecards.find((s) => s.id === scorecardId)?.tiers ?? [];
  const v = (name: string, fallback: string) => (initial?.[name] !== undefined ? String(initial[name]) : fallback);
  const chosenTiers = initial?.tiers as string[] | undefined;
  const margin = (d: string) => (
    <NumberField
      name="margin"
      label="Re-arm margin (points)"
      defaultValue={v("margin", d)}
      errors={errors?.margin}
      hint="Must recover this far past the line before it can alert again."
    />
  );
  // A line a value falls below, and how far back past it the value must come before it can alert again.
  const belowWithMargin = (name: string, label: string, line: string, marginPoints: string) => (
    <>
      <NumberField name={name} label={label} defaultValue={v(name, line)} errors={errors?.[name]} />
      {margin(marginPoints)}
    </>
  );
  switch (kind) {
    case "score_below":
      return belowWithMargin("threshold", "Score below", "45", "5");
    case "tier_change":
      return (
        <label className="field">
          Direction
          <select className="input" name="direction" defaultValue={v("direction", "down")}>
            <option value="down">Down a tier (or more)</option>
            <option value="up">Up a tier (or more)</option>
          </select>
        </label>
      );
    case "score_drop":
      return (
        <>
          <NumberField
            name="points"
            label="Drop of at least (points)"
            defaultValue={v("points", "10")}
            errors={errors?.points}
          />
          <NumberField
            name="days"
            label="Within (days)"
            defaultValue={v("days", "14")}
            step="1"
            errors={errors?.days}
          />
          {margin("2")}
        </>
      );
    case "input_stale":
      return (
        <>
          <label className="field">
            Key input
            <select
              className="input"
              name="metric"
              defaultValue={v("metric", "")}
              aria-invalid={Boolean(errors?.metric)}
            >
              <Options items={options.metrics.map((m) => ({ id: m.key, name: m.name }))} />
            </select>
            <FieldError messages={errors?.metric} />
          </label>
          <NumberField
            name="staleDays"
            label="Stale after (days)"
            defaultValue={v("staleDays", "")}
            step="1"
            errors={errors?.staleDays}
            hint="Empty: the metric's own staleness limit."
          />
        </>
      );
    case "renewal_at_risk":
      return (
        <>
          <NumberField
            name="days"
            label="Renewal within (days)"
            defaultValue={v("days", "90")}
            step="1"
            errors={errors?.days}
          />
          <fieldset className="field">
            <legend>At-risk tiers</legend>
            <div className="row">
              {tiers.map((t, i) => (
                <label key={t.key} className="row">
                  <input
                    type="checkbox"
                    name="tiers"
                    value={t.key}
                    defaultChecked={chosenTiers ? chosenTiers.includes(t.key) : i === 0}
                  />{" "}
                  {t.label}
                </label>
              ))}
            </div>
            <FieldError messages={errors?.tiers} />
          </fieldset>
        </>
      );
    case "coverage_below":
      return belowWithMargin("percent", "Coverage below (%)", "60", "10");
  }
}
