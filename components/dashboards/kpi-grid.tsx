export interface Kpi {
  label: string;
  value: string;
  hint?: string;
  tone?: "danger" | "ok";
}

/** The headline figures of a view. */
export function KpiGrid({ items }: { items: Kpi[] }) {
  return (
    <dl className="kpis">
      {items.map((k) => (
        <div key={k.label} className={`kpi card${k.tone ? ` kpi-${k.tone}` : ""}`}>
          <dt>{k.label}</dt>
          <dd>{k.value}</dd>
          {k.hint && <dd className="muted kpi-hint">{k.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
