import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { KpiGrid } from "@/components/dashboards/kpi-grid";
import { TableCard } from "@/components/ui/table-card";
import { formatMoneyCompact, formatNumber } from "@/lib/format";
import type { ImpactPreview } from "@/lib/services/scorecards/impact";

/** A draft's effect on the portfolio before it is published. */
export function ImpactView({ impact }: { impact: ImpactPreview }) {
  const v = (n: number) => `v${n}`;
  const a = v(impact.published.number);
  const b = v(impact.draft.number);
  return (
    <div className="stack" data-testid="impact">
      <KpiGrid
        items={[
          {
            label: "Accounts changing tier",
            value: `${impact.changedTier.toLocaleString("en-US")} of ${impact.accounts.toLocaleString("en-US")}`,
          },
          { label: "ARR changing tier", value: formatMoneyCompact(impact.arrChangedTier) },
          { label: "Up / down a tier", value: `${impact.up} ↑ · ${impact.down} ↓` },
          {
            label: "Average score",
            value: `${formatNumber(impact.averageBefore)} → ${formatNumber(impact.averageAfter)}`,
          },
        ]}
      />
      <p className="muted small">
        Scored {impact.accounts.toLocaleString("en-US")} accounts twice in {impact.milliseconds} ms.
      </p>
      <BarChart
        title={`Score distribution: published ${a} and draft ${b}`}
        labels={impact.histogram.labels}
        series={[
          { label: `${a} (published)`, color: "#98a2b3", values: impact.histogram.before },
          { label: `${b} (draft)`, color: "#3451d1", values: impact.histogram.after },
        ]}
        height={220}
      />
      <TableCard caption={`Tier under ${a} (rows) and under ${b} (columns)`}>
        <thead>
          <tr>
            <th scope="col">
              {a} ↓ / {b} →
            </th>
            {impact.tiers.map((t) => (
              <th key={t.key} scope="col" className="num">
                {t.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {impact.tiers.map((from, i) => (
            <tr key={from.key}>
              <th scope="row">{from.label}</th>
              {impact.tiers.map((to, j) => {
                const cell = impact.matrix[i]![j]!;
                return (
                  <td
                    key={to.key}
                    className="num"
                    style={i !== j && cell.accounts > 0 ? { fontWeight: 600 } : undefined}
                  >
                    {cell.accounts > 0 ? `${cell.accounts} · ${formatMoneyCompact(cell.arr)}` : "—"}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </TableCard>
      <TableCard caption="Biggest movers">
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col" className="num">
              ARR
            </th>
            <th scope="col" className="num">
              {a}
            </th>
            <th scope="col" className="num">
              {b}
            </th>
            <th scope="col" className="num">
              Change
            </th>
            <th scope="col">Tier</th>
          </tr>
        </thead>
        <tbody>
          {impact.movers.map((m) => {
            const label = (key: string) => impact.tiers.find((t) => t.key === key)?.label ?? key;
            return (
              <tr key={m.id}>
                <td>
                  <Link href={`/accounts/${m.id}`}>{m.name}</Link>
                </td>
                <td className="num">{formatMoneyCompact(m.arr)}</td>
                <td className="num">{formatNumber(m.before)}</td>
                <td className="num">{formatNumber(m.after)}</td>
                <td className="num">
                  {m.delta > 0 ? "+" : ""}
                  {formatNumber(m.delta)}
                </td>
                <td>{m.fromTier === m.toTier ? label(m.toTier) : `${label(m.fromTier)} → ${label(m.toTier)}`}</td>
              </tr>
            );
          })}
        </tbody>
      </TableCard>
    </div>
  );
}
