import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";

export interface Figure {
  name: string;
  ours: number;
  baseline?: number;
  baselineName?: string;
  goal: string;
  ratio?: number;
  higherIsBetter?: boolean;
  unit?: "ms" | "MB";
  note?: string;
}

const fmt = (v: number, unit: "ms" | "MB" = "ms") =>
  unit === "MB" ? `${v.toFixed(0)} MB` : `${(v / 1000).toFixed(2)} s`;

/** bench/RESULTS.md, entirely from this run's measurements. */
export async function writeResults(run: {
  started: Date;
  accounts: number;
  metrics: number;
  csvRows: number;
  figures: Figure[];
}) {
  const lines = [
    "## Data in and scores out (`npm run bench`)",
    "",
    "Every figure below was measured in the same run. Do not edit by hand.",
    "",
    `- Date: ${run.started.toISOString()}`,
    `- Machine: ${machine()}`,
    `- Node ${process.version}; PostgreSQL: ${process.env.BENCH_DATABASE_URL ? "BENCH_DATABASE_URL" : "embedded"}`,
    `- Data: ${run.accounts.toLocaleString("en-US")} accounts × ${run.metrics} metrics; a ${run.csvRows.toLocaleString("en-US")}-row observations CSV; measured after the setup, on a vacuumed and analysed database`,
    "",
    "| measurement | ours | baseline | ratio | goal |",
    "| --- | --- | --- | --- | --- |",
    ...run.figures.map((f) => {
      const ratio = f.ratio === undefined ? "—" : `${f.ratio.toFixed(2)}×${f.higherIsBetter ? " faster" : ""}`;
      const baseline = f.baseline === undefined ? "—" : `${fmt(f.baseline, f.unit)} (${f.baselineName})`;
      return `| ${f.name}${f.note ? ` — ${f.note}` : ""} | ${fmt(f.ours, f.unit)} | ${baseline} | ${ratio} | ${f.goal} |`;
    }),
    "",
  ];
  await writeSection("pipeline", lines);
  console.log(lines.slice(-run.figures.length - 3).join("\n"));
}

export const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${os.platform()} ${os.release()}`;

/**
 * Replaces one benchmark's section of bench/RESULTS.md (each `npm run bench*`
 * owns one between its markers) and keeps the other sections as they are.
 */
export async function writeSection(name: string, lines: string[]) {
  const file = "bench/RESULTS.md";
  const text = await readFile(file, "utf8").catch(() => "");
  const sections = new Map<string, string>();
  for (const m of text.matchAll(/<!-- ([a-z-]+) -->\n[\s\S]*?<!-- \/\1 -->/g)) sections.set(m[1]!, m[0]);
  sections.set(name, [`<!-- ${name} -->`, ...lines, `<!-- /${name} -->`].join("\n"));
  const ordered = [...sections.keys()].sort().map((k) => sections.get(k)!);
  await writeFile(file, ["# Benchmark results", "", ...ordered.map((s) => `${s}\n`)].join("\n"));
}
