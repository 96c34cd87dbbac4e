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
  // A number parameter: its value as edited (else `fallback`) and its errors, both by its name.
  const number = (name: string, label: string, fallback: string, more: { step?: string; hint?: string } = {}) => (
    <NumberField name={name} label={label} defaultValue={v(name, fallback)} errors={errors?.[name]} {...more} />
  );
  const margin = (d: string) =>
    number("margin", "Re-arm margin (points)", d, {
      hint: "Must recover this far past the line before it can alert again.",
    });
  // A line a value falls below, and how far back past it the value must come before it can alert again.
  const belowWithMargin = (name: string, label: string, line: string, marginPoints: string) => (
    <>
      {number(name, label, line)}
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
          {number("points", "Drop of at least (points)", "10")}
          {number("days", "Within (days)", "14", { step: "1" })}
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
          {number("staleDays", "Stale after (days)", "", {
            step: "1",
            hint: "Empty: the metric's own staleness limit.",
          })}
        </>
      );
    case "renewal_at_risk":
      return (
        <>
          {number("days", "Renewal within (days)", "90", { step: "1" })}
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
