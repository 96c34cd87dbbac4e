"use client";

import { Bar } from "react-chartjs-2";
import "@/components/charts/register";
import { ChartTable } from "@/components/charts/chart-table";
import type { WaterfallStep } from "@/lib/dashboards/waterfall";

const COLORS = { total: "#3451d1", up: "#12b76a", down: "#d92d20" } as const;

/** Floating bars from the starting score, through each part of the change, to the final score. */
export function WaterfallChart({ title, steps }: { title: string; steps: WaterfallStep[] }) {
  const change = (s: WaterfallStep) => (s.kind === "total" ? s.end : s.end - s.start);
  const format = (v: number) => String(Math.round(v * 10) / 10);
  return (
    <div style={{ position: "relative", height: Math.max(220, 28 * steps.length + 60) }}>
      <Bar
        aria-label={title}
        role="img"
        fallbackContent={
          <ChartTable
            caption={title}
            labels={steps.map((s) => s.label)}
            series={[{ label: "Points", values: steps.map(change) }]}
          />
        }
        data={{
          labels: steps.map((s) => s.label),
          datasets: [
            {
              label: "Points",
              data: steps.map((s) => [Math.min(s.start, s.end), Math.max(s.start, s.end)] as [number, number]),
              backgroundColor: steps.map((s) => COLORS[s.kind]),
              borderRadius: 2,
            },
          ],
        }}
        options={{
          indexAxis: "y",
          maintainAspectRatio: false,
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                label: (c) => {
                  const s = steps[c.dataIndex]!;
                  const d = change(s);
                  return s.kind === "total" ? `Score ${format(d)}` : `${d > 0 ? "+" : ""}${format(d)} points`;
                },
              },
            },
          },
          scales: { x: { beginAtZero: false } },
        }}
      />
    </div>
  );
}
