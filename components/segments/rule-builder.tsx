"use client";

import { useEffect, useMemo, useState } from "react";
import { previewRuleAction } from "@/lib/actions/segments";
import { flatRule, OP_LABELS, RULE_FIELDS, RULE_OPS } from "@/lib/segments/rules";
import { formatCount, formatMoneyCompact } from "@/lib/format";

interface Row {
  field: string;
  trait: string;
  op: string;
  value: string;
}

type Preview = Awaited<ReturnType<typeof previewRuleAction>>;

const toRows = (rule: unknown): Row[] =>
  (flatRule(rule)?.conditions ?? []).map((c) => ({
    field: c.field.startsWith("traits.") ? "trait" : c.field,
    trait: c.field.startsWith("traits.") ? c.field.slice(7) : "",
    op: c.op,
    value: Array.isArray(c.value) ? c.value.join(", ") : String(c.value),
  }));

/**
 * Conditions on account fields and custom traits, joined by "all" (and) or "any"
 * (or), with a live count and sample of matching accounts. Sends the rule as the
 * hidden field `rule` (empty: no rule — `noRule` says what that means).
 */
export function RuleBuilder({ initial, noRule }: { initial: unknown; noRule: string }) {
  const [useRule, setUseRule] = useState(initial !== null && initial !== undefined);
  const [combinator, setCombinator] = useState(flatRule(initial)?.combinator ?? "all");
  const [rows, setRows] = useState<Row[]>(() => {
    const r = toRows(initial);
    return r.length ? r : [{ field: "arr", trait: "", op: "gte", value: "" }];
  });
  const [preview, setPreview] = useState<Preview | null>(null);
  const rule = useMemo(
    () =>
      useRule
        ? JSON.stringify({
            combinator,
            conditions: rows.map((r) => ({
              field: r.field === "trait" ? `traits.${r.trait}` : r.field,
              op: r.op,
              value: r.value,
            })),
          })
        : "",
    [useRule, combinator, rows],
  );

  useEffect(() => {
    if (!rule) return;
    const timer = setTimeout(() => void previewRuleAction({ rule }).then(setPreview), 350);
    return () => clearTimeout(timer);
  }, [rule]);

  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="card stack rule-builder">
      <legend>Rule</legend>
      <input type="hidden" name="rule" value={rule} />
      <label className="row">
        <input type="checkbox" checked={useRule} onChange={(e) => setUseRule(e.target.checked)} /> Match accounts by a
        rule
        {!useRule && <span className="muted small"> — {noRule}</span>}
      </label>
      {useRule && (
        <>
          <label className="row">
            Accounts that match
            <select
              className="input input-sm"
              value={combinator}
              onChange={(e) => setCombinator(e.target.value as "all" | "any")}
            >
              <option value="all">all of (and)</option>
              <option value="any">any of (or)</option>
            </select>
          </label>
          {rows.map((r, i) => (
            <div className="row" key={i} role="group" aria-label={`Condition ${i + 1}`}>
              <select
                className="input input-sm"
                aria-label="Field"
                value={r.field}
                onChange={(e) => set(i, { field: e.target.value })}
              >
                {Object.entries(RULE_FIELDS).map(([key, f]) => (
                  <option key={key} value={key}>
                    {f.label}
                  </option>
                ))}
                <option value="trait">Custom trait…</option>
              </select>
              {r.field === "trait" && (
                <input
                  className="input input-sm"
                  aria-label="Trait name"
                  placeholder="trait name"
                  value={r.trait}
                  onChange={(e) => set(i, { trait: e.target.value })}
                />
              )}
              <select
                className="input input-sm"
                aria-label="Operator"
                value={r.op}
                onChange={(e) => set(i, { op: e.target.value })}
              >
                {RULE_OPS.map((op) => (
                  <option key={op} value={op}>
                    {OP_LABELS[op]}
                  </option>
                ))}
              </select>
              <input
                className="input input-sm"
                aria-label="Value"
                placeholder={r.op === "in" ? "a, b, c" : "value"}
                value={r.value}
                onChange={(e) => set(i, { value: e.target.value })}
              />
              <button
                className="btn btn-sm"
                type="button"
                disabled={rows.length === 1}
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </div>
          ))}
          <div>
            <button
              className="btn"
              type="button"
              onClick={() => setRows([...rows, { field: "plan", trait: "", op: "eq", value: "" }])}
            >
              Add condition
            </button>
          </div>
          <div aria-live="polite" data-testid="rule-preview">
            {preview?.ok ? (
              <p>
                <strong>{preview.data.matching.toLocaleString("en-US")}</strong> of{" "}
                {formatCount(preview.data.total, "account")} match
                {preview.data.sample.length > 0 && (
                  <span className="muted small">
                    {" "}
                    — e.g. {preview.data.sample.map((a) => `${a.name} (${formatMoneyCompact(a.arr)})`).join(", ")}
                  </span>
                )}
              </p>
            ) : preview && !preview.ok ? (
              <p className="field-error">{preview.error.message}</p>
            ) : (
              <p className="muted small">Counting matching accounts…</p>
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}
