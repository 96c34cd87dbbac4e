"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { BarChart } from "@/components/charts/bar-chart";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/form-footer";
import { InputField } from "@/components/ui/input-field";
import { Options } from "@/components/ui/options";
import { createAlertRuleAction, previewAlertRuleAction, updateAlertRuleAction } from "@/lib/actions/alerts";
import { ALERT_KIND_LABELS, ALERT_KINDS, type AlertKind } from "@/lib/alerts/rules";
import { formatCount } from "@/lib/format";
import type { RulePreviewView } from "@/lib/services/alerts/rules";
import { KindFields, NumberField, type RuleFormOptions } from "./rule-kind-fields";

export interface RuleInitial {
  id: string;
  name: string;
  kind: AlertKind;
  scorecardId: string;
  scope: { segmentId?: string; teamId?: string; stageId?: string };
  severity: string;
  cooldownHours: number;
  params: Record<string, unknown>;
}

/**
 * A new alert rule, or an existing one (`initial`) being tuned: what it watches,
 * where, how loud; preview over 90 days of history before saving.
 */
export function RuleForm({ options, initial }: { options: RuleFormOptions; initial?: RuleInitial }) {
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const [kind, setKind] = useState<AlertKind>(initial?.kind ?? "score_below");
  const [scorecardId, setScorecardId] = useState(initial?.scorecardId ?? options.scorecards[0]?.id ?? "");
  const [preview, setPreview] = useState<RulePreviewView | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]> | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  const submit = (mode: "preview" | "save") =>
    start(async () => {
      const data = new FormData(form.current!);
      const result =
        mode === "preview"
          ? await previewAlertRuleAction(data)
          : initial
            ? await updateAlertRuleAction(data)
            : await createAlertRuleAction(data);
      setErrors(result.ok ? undefined : result.error.fieldErrors);
      if (!result.ok) return setMessage({ ok: false, text: result.error.message });
      if (mode === "preview") {
        setPreview(result.data as RulePreviewView);
        setMessage(null);
      } else if (initial) {
        router.push("/settings/alerts");
      } else {
        setMessage({ ok: true, text: "Rule saved. It runs after the next scoring run." });
        setPreview(null);
        form.current!.reset();
      }
    });

  return (
    <section className="card stack" aria-labelledby="new-rule-heading">
      <h2 id="new-rule-heading">{initial ? `Edit “${initial.name}”` : "New alert rule"}</h2>
      <form
        ref={form}
        className="stack"
        onSubmit={(e) => (e.preventDefault(), submit("save"))}
        onChange={() => setPreview(null)}
      >
        <div className="form-grid">
          {initial && <input type="hidden" name="ruleId" value={initial.id} />}
          <InputField
            name="name"
            label="Name"
            placeholder="e.g. Enterprise health below 45"
            defaultValue={initial?.name}
            errors={errors?.name}
          />
          <label className="field">
            Watches
            <select className="input" name="kind" value={kind} onChange={(e) => setKind(e.target.value as AlertKind)}>
              {ALERT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ALERT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Scorecard
            <select
              className="input"
              name="scorecardId"
              value={scorecardId}
              onChange={(e) => setScorecardId(e.target.value)}
            >
              <Options items={options.scorecards} />
            </select>
            <FieldError messages={errors?.scorecardId} />
          </label>
        </div>
        <div className="form-grid" key={`${kind}:${scorecardId}`}>
          <KindFields
            kind={kind}
            options={options}
            scorecardId={scorecardId}
            errors={errors}
            initial={kind === initial?.kind ? initial.params : undefined}
          />
        </div>
        <div className="form-grid">
          <label className="field">
            Segment
            <select className="input" name="segmentId" defaultValue={initial?.scope.segmentId ?? ""}>
              <Options items={options.segments} empty="Every segment" />
            </select>
          </label>
          <label className="field">
            Team
            <select className="input" name="teamId" defaultValue={initial?.scope.teamId ?? ""}>
              <Options items={options.teams} empty="Every team" />
            </select>
          </label>
          <label className="field">
            Lifecycle stage
            <select className="input" name="stageId" defaultValue={initial?.scope.stageId ?? ""}>
              <Options items={options.stages} empty="Every stage" />
            </select>
          </label>
          <label className="field">
            Severity
            <select className="input" name="severity" defaultValue={initial?.severity ?? "medium"}>
              <option value="low">Low</option>
              <option value="medium">Medium</option>
              <option value="high">High</option>
              <option value="critical">Critical</option>
            </select>
          </label>
          <NumberField
            name="cooldownHours"
            label="Cooldown per account (hours)"
            defaultValue={String(initial?.cooldownHours ?? 168)}
            step="1"
            errors={errors?.cooldownHours}
            hint="No second alert for the same account and rule within this time."
          />
        </div>
        <div className="row">
          <button className="btn" type="button" disabled={pending} onClick={() => submit("preview")}>
            {pending ? "Working…" : "Preview last 90 days"}
          </button>
          <button className="btn btn-primary" type="submit" disabled={pending}>
            {initial ? "Save changes" : "Save rule"}
          </button>
          {initial && (
            <Link className="btn" href="/settings/alerts">
              Cancel
            </Link>
          )}
        </div>
        <FormMessage message={message} />
      </form>
      {preview && <PreviewResult preview={preview} />}
    </section>
  );
}

function PreviewResult({ preview }: { preview: RulePreviewView }) {
  const perDay = preview.alerts / preview.perDay.length;
  return (
    <div className="stack" aria-live="polite" data-testid="rule-preview">
      <p>
        Over the last 90 days ({preview.from} – {preview.to}) this rule would have raised{" "}
        <strong>{formatCount(preview.alerts, "alert")}</strong> on <strong>{preview.accounts}</strong> of{" "}
        {formatCount(preview.accountsWatched, "account")} it watches — about {perDay.toFixed(1)} a day.
        {perDay > 20 &&
          " That is a lot for a team to work; consider a stricter threshold, a margin or a longer cooldown."}
      </p>
      <BarChart
        title="Alerts per day the rule would have raised"
        labels={preview.perDay.map((d) => d.day.slice(5))}
        series={[{ label: "Alerts", color: "#3451d1", values: preview.perDay.map((d) => d.alerts) }]}
        height={180}
      />
      {preview.top.length > 0 && (
        <p className="muted small">
          Most alerted: {preview.top.map((t) => `${t.name ?? t.accountId} (${t.alerts})`).join(", ")}
        </p>
      )}
    </div>
  );
}
