"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage, SaveCancel } from "@/components/ui/form-footer";
import { InputField } from "@/components/ui/input-field";
import { createMetricAction, updateMetricAction } from "@/lib/actions/metrics";
import type { MetricRow } from "@/lib/db/metrics";
import {
  METRIC_CATEGORIES,
  METRIC_DIRECTIONS,
  METRIC_NORMALIZATIONS,
  NORMALIZATION_LABELS,
  METRIC_SOURCES,
  METRIC_VALUE_TYPES,
} from "@/lib/validation/metrics";

const words = (s: string) => (s[0]!.toUpperCase() + s.slice(1)).replace(/_/g, " ");

function Choice({
  name,
  label,
  values,
  value,
  labels,
}: {
  name: string;
  label: string;
  values: readonly string[];
  value: string;
  labels?: Record<string, string>;
}) {
  return (
    <label className="field">
      {label}
      <select className="input" name={name} defaultValue={value}>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels?.[v] ?? words(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Add a metric to the catalogue, or edit one (`initial`): everything but its key. */
export function MetricForm({ initial }: { initial?: MetricRow }) {
  const router = useRouter();
  const [valueType, setValueType] = useState(initial?.valueType ?? "number");
  const [errors, setErrors] = useState<Record<string, string[]> | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <section className="card stack" aria-labelledby="metric-form-heading">
      <h2 id="metric-form-heading">{initial ? `Edit “${initial.name}”` : "Add a metric"}</h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = new FormData(form);
          start(async () => {
            const result = initial ? await updateMetricAction(data) : await createMetricAction(data);
            setErrors(result.ok ? undefined : result.error.fieldErrors);
            if (!result.ok) return setMessage({ ok: false, text: result.error.message });
            if (initial) return router.push("/settings/metrics");
            form.reset();
            setMessage({ ok: true, text: "Metric added. Imports and the API accept it from now on." });
          });
        }}
      >
        {initial && <input type="hidden" name="metricId" value={initial.id} />}
        <div className="form-grid">
          <InputField
            name="key"
            label="Key"
            placeholder="e.g. weekly_logins"
            defaultValue={initial?.key}
            readOnly={Boolean(initial)}
            hint={
              initial ? "Models and imports refer to it; it cannot change." : "The column name imports and the API use."
            }
            errors={errors?.key}
          />
          <InputField
            name="name"
            label="Name"
            placeholder="e.g. Weekly logins"
            defaultValue={initial?.name}
            errors={errors?.name}
          />
          <Choice name="category" label="Category" values={METRIC_CATEGORIES} value={initial?.category ?? "usage"} />
          <label className="field">
            Value type
            <select
              className="input"
              name="valueType"
              value={valueType}
              onChange={(e) => setValueType(e.target.value as typeof valueType)}
            >
              {METRIC_VALUE_TYPES.map((v) => (
                <option key={v} value={v}>
                  {words(v)}
                </option>
              ))}
            </select>
          </label>
          <InputField
            name="unit"
            label="Unit"
            placeholder="e.g. logins/week"
            defaultValue={initial?.unit ?? ""}
            errors={errors?.unit}
          />
          <Choice
            name="direction"
            label="Direction"
            values={METRIC_DIRECTIONS}
            value={initial?.direction ?? "higher_is_better"}
          />
          <Choice
            name="normalization"
            label="Normalisation"
            values={METRIC_NORMALIZATIONS}
            labels={NORMALIZATION_LABELS}
            value={initial?.normalization ?? "none"}
          />
          <InputField
            name="stalenessDays"
            label="Stale after (days)"
            type="number"
            step="1"
            defaultValue={initial?.stalenessDays ?? ""}
            hint="Empty: never stale."
            errors={errors?.stalenessDays}
          />
          <Choice name="source" label="Source" values={METRIC_SOURCES} value={initial?.source ?? "import"} />
        </div>
        {valueType === "categorical" && (
          <label className="field">
            Options, best first (one per line)
            <textarea
              className="input"
              name="options"
              rows={4}
              defaultValue={initial?.options.join("\n")}
              aria-invalid={Boolean(errors?.options)}
            />
            <FieldError messages={errors?.options} />
          </label>
        )}
        <InputField
          name="description"
          label="Description"
          defaultValue={initial?.description ?? ""}
          errors={errors?.description}
        />
        <SaveCancel
          pending={pending}
          label={initial ? "Save changes" : "Add metric"}
          cancelHref={initial ? "/settings/metrics" : undefined}
        />
        <FormMessage message={message} />
      </form>
    </section>
  );
}
