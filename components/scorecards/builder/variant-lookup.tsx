"use client";

import { useState, useTransition } from "react";
import { variantReachAction } from "@/lib/actions/scorecards";
import { formatNumber } from "@/lib/format";
import type { VariantReach } from "@/lib/services/scorecards/variant-reach";

/** For the draft as it stands: how many accounts each variant scores, and which applies to one account and why. */
export function VariantLookup({ definition }: { definition: () => string }) {
  const [account, setAccount] = useState("");
  const [result, setResult] = useState<VariantReach | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <section className="card stack" aria-labelledby="variant-lookup-heading">
      <h3 id="variant-lookup-heading">Which variant applies?</h3>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const r = await variantReachAction({ definition: definition(), account });
            setResult(r.ok ? r.data : null);
            setError(r.ok ? null : r.error.message);
          });
        }}
      >
        <label className="field">
          Account id (optional)
          <input
            className="input"
            list="test-accounts"
            value={account}
            onChange={(e) => setAccount(e.target.value)}
            placeholder="e.g. ACME-00001"
          />
        </label>
        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Checking…" : "Check"}
        </button>
      </form>
      {error && <p className="field-error">{error}</p>}
      {result && (
        <div className="stack" data-testid="variant-reach" aria-live="polite">
          {result.account && (
            <p>
              <strong>{result.account.name}</strong> ({result.account.externalId}) — segments{" "}
              {result.account.segments.join(", ") || "none"}, stage {result.account.stage ?? "none"}:{" "}
              <span data-testid="variant-reason">{result.account.reason}</span>
            </p>
          )}
          <table className="compact-table">
            <caption>Active accounts each would score</caption>
            <tbody>
              {result.reach.map((r) => (
                <tr key={r.key ?? ""}>
                  <th scope="row">{r.name}</th>
                  <td className="num">{formatNumber(r.accounts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
