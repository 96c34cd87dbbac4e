"use client";

import { Bar } from "react-chartjs-2";
import "./register";
import { ChartTable } from "./chart-table";

export interface BarSeries {
  label: string;
  color: string | string[];
  values: number[];
}

interface Props {
  title: string;
  labels: string[];
  series: BarSeries[];
  stacked?: boolean;
  horizontal?: boolean;
  format?: (v: number) => string;
  height?: number;
}

export function BarChart({ title, labels, series, stacked, horizontal, format = String, height = 240 }: Props) {
  return (
    <div style={{ position: "relative", height }}>
      <Bar
        aria-label={title}
        role="img"
        fallbackContent={
          <ChartTable caption={title} labels={labels} series={series} format={(v) => (v === null ? "—" : format(v))} />
        }
        data={{
          labels,
          datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderRadius: 3 })),
        }}
        options={{
          maintainAspectRatio: false,
          indexAxis: horizontal ? "y" : "x",
          plugins: {
            legend: { display: series.length > 1, position: "bottom" },
            tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${format(Number(c.raw))}` } },
          },
          scales: { x: { stacked: Boolean(stacked) }, y: { stacked: Boolean(stacked), beginAtZero: true } },
        }}
      />
    </div>
  );
}
