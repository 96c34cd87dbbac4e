"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { saveImportMappingAction } from "@/lib/actions/imports";
import type { ImportPreview } from "@/lib/services/imports/review";
import type { ImportField } from "@/lib/validation/imports";
import { METRIC_COLUMN } from "@/lib/validation/metric-column";

interface Props {
  importId: string;
  headers: string[];
  mapping: Record<string, string>;
  fields: ImportField[];
  traits: boolean;
  /** Observations: the metrics a column may hold the values of (a wide file, a column per metric). */
  metrics: { key: string; name: string }[];
  dates: ImportPreview["dates"];
  /** The earlier import of a file with the same columns this mapping was taken from. */
  mappedLike?: { href: string; fileName: string; on: string } | null;
}

/**
 * Column → field choices (and the order of slash dates), saved as each is made:
 * the preview and the Import button below always follow what is shown here.
 */
export function MappingForm({ importId, headers, mapping, fields, traits, metrics, dates, mappedLike }: Props) {
  const [draft, setDraft] = useState(mapping);
  const [dateOrder, setDateOrder] = useState<string>(dates.chosen ?? "");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = (next: { mapping: Record<string, string>; dateOrder: string }) => {
    setDraft(next.mapping);
    setDateOrder(next.dateOrder);
    startTransition(async () => {
      const result = await saveImportMappingAction({
        importId,
        mapping: JSON.stringify(next.mapping),
        dateOrder: next.dateOrder as "dmy" | "mdy" | "",
      });
      setMessage(
        result.ok
          ? { ok: true, text: "Saved; the preview below uses this mapping." }
          : { ok: false, text: result.error.message },
      );
    });
  };
  return (
    <section className="card" aria-labelledby="mapping-heading">
      <h2 id="mapping-heading">Column mapping</h2>
      {mappedLike && (
        <p className="muted">
          Mapped as the same columns were in <Link href={mappedLike.href}>{mappedLike.fileName}</Link>, imported{" "}
          {mappedLike.on}.
        </p>
      )}
      <div className="toolbar">
        {headers.map((h) => (
          <label className="field" key={h}>
            {h}
            <select
              className="input"
              value={draft[h] ?? ""}
              onChange={(e) => save({ mapping: { ...draft, [h]: e.target.value }, dateOrder })}
            >
              <option value="">Ignore</option>
              {fields.map((f) => (
                <option key={f.field} value={f.field}>
                  {f.label}
                  {f.required ? " (required)" : ""}
                </option>
              ))}
              {metrics.length > 0 && (
                <optgroup label="Values of a metric (a column per metric)">
                  {metrics.map((m) => (
                    <option key={m.key} value={`${METRIC_COLUMN}${m.key}`}>
                      {m.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {traits && (
                <option
                  value={`trait:${h
                    .trim()
                    .toLowerCase()
                    .replace(/[\s-]+/g, "_")}`}
                >
                  Custom trait
                </option>
              )}
            </select>
          </label>
        ))}
        {dates.slash && (
          <label className="field">
            Dates like 06/07/2026
            <select
              className="input"
              value={dateOrder}
              onChange={(e) => save({ mapping: draft, dateOrder: e.target.value })}
              aria-invalid={dates.choiceNeeded && !dateOrder}
            >
              {!dates.chosen && <option value="">Choose…</option>}
              <option value="dmy">Day/month/year (6 July)</option>
              <option value="mdy">Month/day/year (June 7)</option>
            </select>
          </label>
        )}
      </div>
      {pending ? (
        <p role="status" className="muted">
          Saving…
        </p>
      ) : (
        message && (
          <div role={message.ok ? "status" : "alert"} className={message.ok ? "alert alert-ok" : "alert alert-error"}>
            {message.text}
          </div>
        )
      )}
    </section>
  );
}
