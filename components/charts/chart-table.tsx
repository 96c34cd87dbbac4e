/** The numbers behind a chart, for screen readers and anyone who would rather read them. */
export function ChartTable({
  caption,
  labels,
  series,
  format = (v) => (v === null ? "—" : String(Math.round(v * 10) / 10)),
}: {
  caption: string;
  labels: string[];
  series: { label: string; values: (number | null)[] }[];
  format?: (v: number | null) => string;
}) {
  return (
    <table className="sr-only">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">—</th>
          {series.map((s) => (
            <th key={s.label} scope="col">
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {labels.map((label, i) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {series.map((s) => (
              <td key={s.label}>{format(s.values[i] ?? null)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
