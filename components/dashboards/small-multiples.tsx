import { LineChart } from "@/components/charts/line-chart";
import { formatNumber } from "@/lib/format";

interface Multiple {
  id: string;
  name: string;
  trend: { days: string[]; average: (number | null)[] };
}

/** One small average-score chart per group, on the same scale so they compare at a glance. */
export function SmallMultiples({
  items,
  range,
  label,
}: {
  items: Multiple[];
  range: { min: number; max: number };
  label: string;
}) {
  return (
    <div className="multiples">
      {items.map((m) => {
        const values = m.trend.average.filter((v): v is number => v !== null);
        const change = values.length > 1 ? values[values.length - 1]! - values[0]! : null;
        return (
          <figure key={m.id} className="card" style={{ margin: 0 }}>
            <figcaption className="row" style={{ justifyContent: "space-between" }}>
              <strong>{m.name}</strong>
              <span className={change !== null && change < 0 ? "text-danger" : "text-ok"}>
                {formatNumber(values.at(-1) ?? null)}
                {change !== null && ` (${change > 0 ? "+" : ""}${formatNumber(change)})`}
              </span>
            </figcaption>
            <LineChart
              title={`Average score of ${label} ${m.name}`}
              labels={m.trend.days}
              series={[{ label: "Average score", color: "#3451d1", values: m.trend.average }]}
              yMin={range.min}
              yMax={range.max}
              height={140}
            />
          </figure>
        );
      })}
    </div>
  );
}
