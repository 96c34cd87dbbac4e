import Link from "next/link";
import { formatCount, formatDay, formatNumber } from "@/lib/format";

/** What a new record is called, and what an accepted row that was not new did, by kind of import. */
const REPEATS: Record<string, [string, string]> = {
  observations: [
    "new observation",
    "repeated an observation already stored or on an earlier line (same account, metric, time and value) and changed nothing",
  ],
  accounts: ["new account", "updated an account already stored or repeated an earlier line"],
  outcomes: ["new outcome", "updated an outcome already stored or repeated an earlier line"],
};

interface CommittedJob {
  kind: string;
  totalRows: number;
  acceptedRows: number;
  newRows: number | null;
  rejectedRows: number;
}

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
  const [newNoun, repeated] = REPEATS[job.kind] ?? ["new row", "repeated what was stored"];
  // A wide file (a column per metric) is counted in values, one per non-empty metric cell.
  const [unit, units] = wide ? ["value", "values"] : ["row", "rows"];
  const others = job.newRows === null ? 0 : job.acceptedRows - job.newRows;
  // Outcomes change no score; observations that were all stored already change nothing.
  const rescored =
    job.acceptedRows > 0 && (job.kind === "accounts" || (job.kind === "observations" && job.newRows !== 0));
  return (
    <section className="card" aria-labelledby="result-heading">
      <h2 id="result-heading">Imported</h2>
      <p data-testid="import-result">
        {formatNumber(job.acceptedRows)} of {formatNumber(job.totalRows)} {units} accepted;{" "}
        {formatNumber(job.rejectedRows)} rejected.
        {job.newRows !== null && (
          <>
            {" "}
            {formatCount(job.newRows, newNoun)}
            {others > 0 && (
              <>
                ; {formatCount(others, unit, units)} {repeated}
              </>
            )}
            .
          </>
        )}
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
