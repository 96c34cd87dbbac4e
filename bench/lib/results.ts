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
    `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}; PostgreSQL: ${process.env.BENCH_DATABASE_URL ? "BENCH_DATABASE_URL" : "embedded"}`,
    `- Data: ${run.accounts.toLocaleString("en-US")} accounts × ${run.metrics} metrics; a ${run.csvRows.toLocaleString("en-US")}-row observations CSV`,
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

/** Replaces one benchmark's section of bench/RESULTS.md (each `npm run bench*` owns one), keeping the others. */
export async function writeSection(name: string, lines: string[]) {
  const file = "bench/RESULTS.md";
  const start = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  const block = [start, ...lines, end].join("\n");
  let text = await readFile(file, "utf8").catch(() => "");
  if (!text.startsWith("# Benchmark results")) text = "# Benchmark results\n";
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text =
    from >= 0 && to > from
      ? text.slice(0, from) + block + text.slice(to + end.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(file, text);
}
