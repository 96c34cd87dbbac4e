"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { IMPORT_KIND_LABELS } from "@/lib/validation/imports";

const KINDS = [
  {
    value: "observations",
    label: IMPORT_KIND_LABELS.observations,
    hint: "account_external_id, metric, observed_at, value — one row per value; or account_external_id, observed_at and a column per metric (named as the metric), as usage exports write them",
  },
  {
    value: "accounts",
    label: IMPORT_KIND_LABELS.accounts,
    hint: "external_id, name, owner_email (or the owner's name), team, arr, seats, plan, start_date, renewal_date; other columns become custom traits",
  },
  {
    value: "outcomes",
    label: IMPORT_KIND_LABELS.outcomes,
    hint: "account_external_id, kind (renewed, churned, expanded, contracted), occurred_on, arr_before, arr_after",
  },
];

/** Uploads the file as the request body, so the server can stream it to disk. */
export function UploadForm() {
  const router = useRouter();
  const [kind, setKind] = useState("observations");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  function upload(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return setError("Choose a CSV file first.");
    setError(null);
    setProgress(0);
    // XMLHttpRequest rather than fetch: it reports upload progress.
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports?kind=${kind}&fileName=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || "{}");
      if (xhr.status === 201) router.push(`/imports/${body.id}`);
      else {
        setProgress(null);
        setError(body.error?.message ?? "The upload failed.");
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("The upload failed; check the connection and try again.");
    };
    xhr.send(file);
  }

  return (
    <section className="card" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload a CSV</h2>
      <form className="toolbar" onSubmit={upload}>
        <label className="field">
          What the file holds
          <select className="input" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field" style={{ flex: "1 1 260px" }}>
          File
          <input
            className="input"
            type="file"
            name="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button className="btn btn-primary" type="submit" disabled={progress !== null}>
          {progress === null ? "Upload" : `Uploading… ${progress}%`}
        </button>
      </form>
      <p className="muted" style={{ margin: 0 }}>
        Expected columns: {KINDS.find((k) => k.value === kind)!.hint}. Separated by commas, semicolons (with decimal
        commas) or tabs, as spreadsheets save them. You review the column mapping and the first rows before anything is
        written. <a href={`/api/imports/template?kind=${kind}`}>Download a template</a> with these columns and example
        rows from your own data
        {kind === "observations" && (
          <>
            {" "}
            (or <a href="/api/imports/template?kind=observations&layout=columns">one with a column per metric</a>)
          </>
        )}
        .
      </p>
      {progress !== null && (
        <progress max={100} value={progress} aria-label="Upload progress" style={{ width: "100%" }} />
      )}
      {error && (
        <div role="alert" className="alert alert-error">
          {error}
        </div>
      )}
    </section>
  );
}
