import { formatNumber } from "@/lib/format";

export interface Rejection {
  line: number;
  column: string;
  reason: string;
}

/**
 * The first rejections of an import (line, column, reason), so that what went
 * wrong shows without a download; the download link holds every one, with the row.
 */
export function RejectionsTable({
  importId,
  rejections,
  more,
  count,
}: {
  importId: string;
  rejections: Rejection[];
  /** Whether the report holds more than those shown. */
  more: boolean;
  /** Rejected rows, or a wide file's rejected values, in all. */
  count: { n: number; unit: string; units: string };
}) {
  const what = count.n === 1 ? `the rejected ${count.unit}` : `the ${formatNumber(count.n)} rejected ${count.units}`;
  return (
    <section className="card" aria-labelledby="rejections-heading">
      <h2 id="rejections-heading">Not imported</h2>
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
        {more && <span className="muted">The first {rejections.length} reasons; the download has them all. </span>}
        <a className="btn" href={`/api/imports/${importId}/rejections`} download>
          Download {what} (line, column, reason)
        </a>
      </p>
    </section>
  );
}
