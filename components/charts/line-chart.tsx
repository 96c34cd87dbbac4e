"use client";

import type { Plugin } from "chart.js";
import { Line } from "react-chartjs-2";
import "./register";
import { ChartTable } from "./chart-table";
import { formatAxisDay } from "@/lib/format";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface LineSeries {
  label: string;
  color: string;
  values: (number | null)[];
}

interface Props {
  title: string;
  labels: string[];
  series: LineSeries[];
  /** Stacked areas (a mix that adds up to 100 %) instead of lines. */
  stacked?: boolean;
  yMin?: number;
  yMax?: number;
  unit?: string;
  /** Vertical markers, e.g. model versions: label index → text. */
  markers?: { index: number; label: string }[];
  height?: number;
  /** Hold each value until the next (step functions such as score bands). */
  stepped?: boolean;
}

/** Draws dashed vertical lines with a caption at the marker positions. */
const markerPlugin = (markers: { index: number; label: string }[]): Plugin<"line"> => ({
  id: "markers",
  afterDatasetsDraw(chart) {
    const { ctx, chartArea, scales } = chart;
    ctx.save();
    ctx.strokeStyle = "#3451d1";
    ctx.fillStyle = "#3451d1";
    ctx.setLineDash([4, 4]);
    ctx.font = "11px sans-serif";
    for (const m of markers) {
      const x = scales.x!.getPixelForValue(m.index);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.fillText(m.label, x + 4, chartArea.top + 10);
    }
    ctx.restore();
  },
});

export function LineChart({
  title,
  labels,
  series,
  stacked,
  yMin,
  yMax,
  unit = "",
  markers = [],
  height = 240,
  stepped,
}: Props) {
  const format = (v: number | null) => (v === null ? "—" : `${Math.round(v * 10) / 10}${unit}`);
  // Days label the axis short ("27 Aug"); the tooltip keeps the full date.
  const days = labels.length > 0 && labels.every((l) => ISO_DAY.test(l));
  const withYear = days && labels[0]!.slice(0, 4) !== labels[labels.length - 1]!.slice(0, 4);
  const tick = (value: number | string) => {
    const label = labels[Number(value)] ?? "";
    return days ? formatAxisDay(label, withYear) : label;
  };
  return (
    <div style={{ position: "relative", height }}>
      <Line
        aria-label={title}
        role="img"
        fallbackContent={<ChartTable caption={title} labels={labels} series={series} format={format} />}
        data={{
          labels,
          datasets: series.map((s) => ({
            label: s.label,
            data: s.values,
            borderColor: s.color,
            backgroundColor: stacked ? `${s.color}cc` : s.color,
            fill: stacked ? true : false,
            pointRadius: labels.length > 60 ? 0 : 2,
            borderWidth: stacked ? 1 : 2,
            spanGaps: true,
            tension: stepped ? 0 : 0.2,
            stepped: stepped ? ("after" as const) : false,
          })),
        }}
        plugins={markers.length ? [markerPlugin(markers)] : []}
        options={{
          maintainAspectRatio: false,
          interaction: { mode: "index", intersect: false },
          plugins: {
            legend: { display: series.length > 1, position: "bottom" },
            tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${format(c.parsed.y)}` } },
          },
          scales: {
            x: {
              ticks: {
                maxTicksLimit: height < 200 ? 3 : 8,
                autoSkip: true,
                autoSkipPadding: 16,
                maxRotation: 0,
                callback: tick,
              },
            },
            y: { min: yMin, max: yMax, stacked: Boolean(stacked) },
          },
        }}
      />
    </div>
  );
}
