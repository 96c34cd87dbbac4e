"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormMessage, SaveCancel } from "@/components/ui/form-footer";
import { InputField } from "@/components/ui/input-field";
import { createSegmentAction, createStageAction, updateSegmentAction, updateStageAction } from "@/lib/actions/segments";
import { RuleBuilder } from "./rule-builder";

export interface RuleTarget {
  id: string;
  key: string;
  name: string;
  description?: string | null;
  rule: unknown;
}

const KINDS = {
  segment: {
    noun: "segment",
    create: createSegmentAction,
    update: updateSegmentAction,
    idField: "segmentId",
    noRule: "a hand-kept segment: you add its accounts by hand",
    keyHint: "Scorecard variants match on it, e.g. enterprise.",
  },
  stage: {
    noun: "lifecycle stage",
    create: createStageAction,
    update: updateStageAction,
    idField: "stageId",
    noRule: "every account that reaches it in the order (a catch-all), or only those assigned by hand",
    keyHint: "Scorecard variants match on it, e.g. onboarding.",
  },
} as const;

/** Create or edit (`initial`) a segment or a lifecycle stage: key, name, and the rule with its live count. */
export function RuleForm({ kind, initial }: { kind: keyof typeof KINDS; initial?: RuleTarget }) {
  const k = KINDS[kind];
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]> | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const headingId = `${kind}-form-heading`;
  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{initial ? `Edit “${initial.name}”` : `Add a ${k.noun}`}</h3>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = new FormData(form);
          start(async () => {
            const result = initial ? await k.update(data) : await k.create(data);
            setErrors(result.ok ? undefined : result.error.fieldErrors);
            if (!result.ok) return setMessage({ ok: false, text: result.error.message });
            if (initial) return router.push("/settings/segments");
            form.reset();
            setMessage({ ok: true, text: `Saved. Accounts were re-placed and a rescore is queued.` });
          });
        }}
      >
        {initial && <input type="hidden" name={k.idField} value={initial.id} />}
        <div className="form-grid">
          <InputField
            name="key"
            label="Key"
            defaultValue={initial?.key}
            readOnly={Boolean(initial)}
            hint={k.keyHint}
            errors={errors?.key}
          />
          <InputField name="name" label="Name" defaultValue={initial?.name} errors={errors?.name} />
          {kind === "segment" && (
            <InputField
              name="description"
              label="Description"
              defaultValue={initial?.description ?? ""}
              errors={errors?.description}
            />
          )}
        </div>
        <RuleBuilder initial={initial ? initial.rule : null} noRule={k.noRule} />
        {errors && Object.keys(errors).some((f) => f.startsWith("rule")) && (
          <p className="field-error">{Object.entries(errors).find(([f]) => f.startsWith("rule"))![1][0]}</p>
        )}
        <SaveCancel
          pending={pending}
          label={initial ? "Save changes" : `Add ${k.noun}`}
          cancelHref={initial ? "/settings/segments" : undefined}
        />
        <FormMessage message={message} />
      </form>
    </section>
  );
}
