import type { ImportPreview } from "@/lib/services/imports/review";

/** The rows as read, each with what the check found beside its line number: in view however wide the file is. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">First rows, checked with this mapping</h2>
      <p className="muted">Read as {preview.format}.</p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Check</th>
              {preview.headers.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td className="text">
                  {r.errors.length === 0 ? (
                    <span className="badge badge-ok">OK</span>
                  ) : (
                    <ul className="field-error cell-list">
                      {r.errors.map((e, i) => (
                        <li key={i}>{e.column ? `${e.column}: ${e.reason}` : `Row ${e.reason}`}</li>
                      ))}
                    </ul>
                  )}
                </td>
                {preview.headers.map((h, i) => (
                  <td key={h}>{r.cells[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
