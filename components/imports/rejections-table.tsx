import { formatNumber } from "@/lib/format";

export interface Rejection {
  line: number;
  column: string;
  reason: string;
}

/**
 * The first rejected rows of an import (line, column, reason), so that what went
 * wrong shows without a download; the download link holds every one, with the row.
 */
export function RejectionsTable({
  importId,
  rejections,
  rows,
}: {
  importId: string;
  rejections: Rejection[];
  /** Rejected rows in all. */
  rows: number;
}) {
  const shownLines = new Set(rejections.map((r) => r.line)).size;
  return (
    <section className="card" aria-labelledby="rejections-heading">
      <h2 id="rejections-heading">Rows not imported</h2>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {rejections.map((r, i) => (
              <tr key={i}>
                <td>{r.line}</td>
                <td>{r.column || "—"}</td>
                <td className="text">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {rows > shownLines && (
          <span className="muted">
            The first {formatNumber(shownLines)} of {formatNumber(rows)} rejected rows.{" "}
          </span>
        )}
        <a className="btn" href={`/api/imports/${importId}/rejections`} download>
          {rows === 1
            ? "Download the rejected row (line, column, reason)"
            : `Download the ${formatNumber(rows)} rejected rows (line, column, reason)`}
        </a>
      </p>
    </section>
  );
}
