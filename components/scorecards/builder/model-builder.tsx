"use client";

import { useEffect, useMemo, useState, useTransition } from "react";
import { FormMessage, type FormNotice } from "@/components/ui/form-footer";
import { saveDraftAction } from "@/lib/actions/scorecards";
import { formatNumber } from "@/lib/format";
import {
  categoryChoices,
  moveMetric,
  newCategory,
  newVariant,
  treeKeys,
  type CatalogueMetric,
} from "@/lib/model-builder/draft";
import { checkModel, modelSchema, type ModelCheck, type ModelDefinition } from "@/lib/scoring";
import { IssueList, NumberInput } from "./fields";
import { ImpactPanel } from "./impact-panel";
import { LevelEditor, type TreeContext } from "./tree-editor";
import { TierEditor } from "./tier-editor";
import { VariantEditor, type Choice } from "./variant-editor";
import { VariantLookup } from "./variant-lookup";

type Parsed = { ok: true; model: ModelDefinition } | { ok: false; error: string };

/** JSON text → a model the visual editor can show (shape only; the engine's rules are checked separately). */
function parseModel(text: string): Parsed & { json?: unknown } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${error instanceof Error ? error.message : "syntax error"}` };
  }
  const shaped = modelSchema.safeParse(json);
  if (shaped.success) return { ok: true, model: shaped.data, json };
  const first = shaped.error.issues[0]!;
  return { ok: false, error: `${first.path.join(".") || "model"}: ${first.message}`, json };
}

/**
 * The draft editor: a visual builder (score range, category tree with a weight
 * bar per level, every rule type with its value → points chart, data policies,
 * grade scale, variants) and the same draft as JSON. Every change is checked at
 * once by the engine's own validation, in the browser; saving is audited.
 */
export function ModelBuilder({
  scorecardId,
  version,
  catalogue,
  segments,
  stages,
  hasPublished,
}: {
  scorecardId: string;
  version: { id: string; number: number; definition: unknown };
  catalogue: CatalogueMetric[];
  segments: Choice[];
  stages: Choice[];
  /** Whether a published version exists to preview the draft's impact against. */
  hasPublished: boolean;
}) {
  const initialText = JSON.stringify(version.definition, null, 2);
  const initial = parseModel(initialText);
  const [mode, setMode] = useState<"visual" | "json">(initial.ok ? "visual" : "json");
  const [model, setModel] = useState<ModelDefinition | null>(initial.ok ? initial.model : null);
  const [text, setText] = useState(initialText);
  const [switchError, setSwitchError] = useState<string | null>(null);
  const [saved, setSaved] = useState(() => JSON.stringify(initial.ok ? initial.model : version.definition));
  const [message, setMessage] = useState<FormNotice>(null);
  const [pending, start] = useTransition();
  // Variants already in the draft start folded; ones added now open.
  const [initialVariants] = useState(() => (initial.ok ? initial.model.variants.length : 0));

  const current = mode === "visual" && model ? JSON.stringify(model) : text;
  const check: (ModelCheck & { syntax: string | null }) | null = useMemo(() => {
    if (mode === "visual" && model) return { syntax: null, ...checkModel(model) };
    const parsed = parseModel(text);
    if (!parsed.ok && parsed.json === undefined) return { syntax: parsed.error, issues: [], bounds: null };
    return { syntax: null, ...checkModel(parsed.json) };
  }, [mode, model, text]);
  const dirty = mode === "visual" ? current !== saved : JSON.stringify(parseModel(text).json ?? text) !== saved;
  // Leaving the page with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Switching reads the other view's state; pressing the current view's button again changes nothing.
  const showVisual = () => {
    if (mode === "visual") return;
    const parsed = parseModel(text);
    if (!parsed.ok) return setSwitchError(`The visual editor needs a well-formed definition first. ${parsed.error}`);
    setSwitchError(null);
    setModel(parsed.model);
    setMode("visual");
  };
  const showJson = () => {
    if (mode === "json") return;
    if (model) setText(JSON.stringify(model, null, 2));
    setMode("json");
  };
  const tree: TreeContext | null = model && {
    range: model.range,
    catalogue: new Map(catalogue.map((m) => [m.key, m])),
    used: treeKeys(model),
    issues: check?.issues ?? [],
    newCategory: (weight) => newCategory(model, weight),
    categories: categoryChoices(model),
    moveMetric: (key, to) => setModel(moveMetric(model, key, to)),
  };

  return (
    <section className="card stack" aria-labelledby="draft-heading">
      <div className="row builder-header">
        <h2 id="draft-heading">Edit draft v{version.number}</h2>
        <div className="segmented" role="group" aria-label="Editor">
          <button type="button" className="btn" aria-pressed={mode === "visual"} onClick={showVisual}>
            Visual
          </button>
          <button type="button" className="btn" aria-pressed={mode === "json"} onClick={showJson}>
            JSON
          </button>
        </div>
      </div>
      {switchError && <p className="field-error">{switchError}</p>}
      {mode === "json" || !model || !tree ? (
        <label className="field">
          Definition (JSON)
          <textarea
            className="input code-input"
            rows={24}
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
      ) : (
        <div className="stack builder">
          <section className="stack" aria-labelledby="builder-score">
            <h3 id="builder-score">Score</h3>
            <div className="form-grid">
              <NumberInput
                label="Range from"
                value={model.range.min}
                onChange={(min) => setModel({ ...model, range: { ...model.range, min: min! } })}
              />
              <NumberInput
                label="Range to"
                value={model.range.max}
                onChange={(max) => setModel({ ...model, range: { ...model.range, max: max! } })}
              />
              <NumberInput
                label="Minimum coverage (%)"
                value={model.minCoverage}
                onChange={(minCoverage) => setModel({ ...model, minCoverage: minCoverage! })}
              />
            </div>
            <IssueList
              issues={(check?.issues ?? []).filter(
                (i) => i.path === "range" || i.path.startsWith("range.") || i.path === "minCoverage",
              )}
            />
          </section>
          <section className="stack" aria-labelledby="builder-tree">
            <h3 id="builder-tree">Categories and metrics</h3>
            <LevelEditor level={model} path="" label="Top level" tree={tree} onChange={setModel} />
          </section>
          <section className="stack" aria-labelledby="builder-tiers">
            <h3 id="builder-tiers">Tiers</h3>
            <TierEditor
              tiers={model.tiers}
              range={model.range}
              path="tiers"
              issues={check?.issues ?? []}
              caption="Tiers"
              onChange={(tiers) => setModel({ ...model, tiers })}
            />
          </section>
          <section className="stack" aria-labelledby="builder-variants">
            <h3 id="builder-variants">Variants</h3>
            {model.variants.length === 0 && (
              <p className="muted">
                No variants: every account is scored by the base model. Add one to weigh things differently for a
                segment or lifecycle stage.
              </p>
            )}
            {model.variants.map((_, i) => (
              <VariantEditor
                key={i}
                model={model}
                index={i}
                segments={segments}
                stages={stages}
                issues={check?.issues ?? []}
                defaultOpen={i >= initialVariants}
                onChange={(variant) =>
                  setModel({ ...model, variants: model.variants.map((v, j) => (j === i ? variant : v)) })
                }
                onRemove={() => setModel({ ...model, variants: model.variants.filter((_, j) => j !== i) })}
              />
            ))}
            <div>
              <button
                type="button"
                className="btn"
                onClick={() => setModel({ ...model, variants: [...model.variants, newVariant(model)] })}
              >
                Add variant
              </button>
            </div>
            <VariantLookup definition={() => JSON.stringify(model)} />
          </section>
        </div>
      )}
      {hasPublished && (
        <ImpactPanel
          scorecardId={scorecardId}
          versionId={version.id}
          definition={current}
          valid={Boolean(check && !check.syntax && check.issues.length === 0)}
        />
      )}
      <div className="builder-footer stack" aria-live="polite" data-testid="draft-check">
        {!check ? null : check.syntax ? (
          <p className="field-error">{check.syntax}</p>
        ) : check.issues.length > 0 ? (
          <>
            <p className="field-error">
              {check.issues.length} problem{check.issues.length > 1 ? "s" : ""} to fix before publishing:
            </p>
            <ul className="plain-list small">
              {check.issues.map((i, n) => (
                <li key={n}>
                  <code>{i.path || "model"}</code>: {i.message}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="small">
            <span className="badge badge-ok">Valid</span> Lowest possible score {formatNumber(check.bounds!.min)},
            highest {formatNumber(check.bounds!.max)}.
          </p>
        )}
        <div className="row">
          <button
            className="btn btn-primary"
            type="button"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await saveDraftAction({ scorecardId, versionId: version.id, definition: current });
                if (r.ok) setSaved(mode === "visual" ? current : JSON.stringify(parseModel(text).json ?? text));
                setMessage(
                  r.ok
                    ? {
                        ok: true,
                        text: r.data.issues.length ? "Saved; fix the problems above before publishing." : "Saved.",
                      }
                    : { ok: false, text: r.error.message },
                );
              })
            }
          >
            {pending ? "Saving…" : "Save draft"}
          </button>
          {dirty && <span className="muted small">Unsaved changes</span>}
        </div>
        <FormMessage message={message} />
      </div>
    </section>
  );
}
