import Link from "next/link";
import { formatDay, formatNumber } from "@/lib/format";
import { describeImportedRows, type CommittedJob } from "@/lib/imports/summary";

/**
 * The summary of a committed import: rows (or values) accepted and rejected, and how many of the accepted were
 * new; for history (readings from `pastFrom`, a day before yesterday or earlier), how to bring it into trends.
 */
export function ImportResult({
  job,
  wide = false,
  pastFrom = null,
}: {
  job: CommittedJob;
  wide?: boolean;
  pastFrom?: string | null;
}) {
  // A wide file (a column per metric) is counted in values, one per non-empty metric cell.
  const [unit, units] = wide ? ["value", "values"] : ["row", "rows"];
  const rows = describeImportedRows(job, unit, units);
  // Outcomes change no score; observations all stored already, and accounts all as stored, change nothing.
  const rescored =
    job.acceptedRows > 0 &&
    ((job.kind === "observations" && job.newRows !== 0) ||
      (job.kind === "accounts" && (job.newRows !== 0 || job.changedRows !== 0)));
  return (
    <section className="card" aria-labelledby="result-heading">
      <h2 id="result-heading">Imported</h2>
      <p data-testid="import-result">
        {formatNumber(job.acceptedRows)} of {formatNumber(job.totalRows)} {units} accepted;{" "}
        {formatNumber(job.rejectedRows)} rejected.
        {rows && ` ${rows}`}
        {rescored && " Scores are being recomputed for the accounts it touched."}
      </p>
      {pastFrom && (
        <p className="muted" data-testid="import-history">
          Its readings go back to {formatDay(pastFrom)}. Past days show in trends and score histories once they are
          scored:{" "}
          <Link className="inline-link" href="/settings/scoring">
            score the past
          </Link>
          .
        </p>
      )}
    </section>
  );
}
