/**
 * `npm run bench:engine`: scores 100k accounts × 20 metrics with the full engine
 * (variants resolved, rules, renormalisation, coverage, tiers and every
 * per-metric explanation) and, on the same data in the same run, with a minimal
 * hand-written weighted sum. Prints both and their ratio (goal: ≤ 3×).
 */
import { compileModel, scoreColumns, allocateOutput, validateModel, type InputColumns } from "../lib/scoring";
import { Random } from "../lib/demo/random";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const METRICS = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const DAY = 86_400_000;
const asOf = Date.parse("2026-11-22T23:59:59Z");

// 20 metrics in four categories: 10 linear, 4 bands, 4 target, 2 boolean.
const kinds = ["linear", "linear", "bands", "target", "linear", "boolean", "linear", "bands", "target", "linear"];
const metricDefs = Array.from({ length: METRICS }, (_, i) => {
  const kind = kinds[i % kinds.length]!;
  const rule =
    kind === "linear"
      ? { type: "linear", worst: 0, best: 100 }
      : kind === "bands"
        ? {
            type: "bands",
            bands: [
              { from: null, to: 25, points: 10 },
              { from: 25, to: 50, points: 40 },
              { from: 50, to: 75, points: 70 },
              { from: 75, to: null, points: 100 },
            ],
          }
        : kind === "target"
          ? { type: "target", target: 80 }
          : { type: "boolean", true: 100, false: 0 };
  return {
    metric: `m${i}`,
    weight: 20,
    rule,
    staleAfterDays: 30,
    missing: { policy: i % 4 === 0 ? "neutral" : "exclude" },
  };
});
const definition = {
  range: { min: 0, max: 100 },
  minCoverage: 50,
  categories: [0, 1, 2, 3].map((c) => ({
    key: `c${c}`,
    name: `Category ${c}`,
    weight: 25,
    metrics: metricDefs.slice(c * 5, c * 5 + 5),
  })),
  tiers: [
    { min: 0, label: "At risk", color: "#d92d20" },
    { min: 40, label: "Neutral", color: "#f79009" },
    { min: 70, label: "Healthy", color: "#12b76a" },
  ],
};
const validation = validateModel(definition);
if (!validation.ok) throw new Error(JSON.stringify(validation.issues));
const compiled = compileModel(validation.model);

// Same data for both: ~3 % missing, ~2 % stale, booleans as 0/1.
const rng = new Random(7);
const cells = ACCOUNTS * METRICS;
const values = new Float64Array(cells);
const observedAt = new Float64Array(cells);
for (let c = 0; c < cells; c++) {
  const i = c % METRICS;
  const x = rng.next();
  values[c] = x < 0.03 ? NaN : kinds[i % kinds.length] === "boolean" ? (rng.chance(0.6) ? 1 : 0) : rng.between(0, 110);
  observedAt[c] = asOf - (rng.chance(0.02) ? 45 : rng.int(0, 20)) * DAY;
}
const ones = new Float64Array(ACCOUNTS).fill(1);
const input: InputColumns = { count: ACCOUNTS, values, observedAt, seats: ones, activeUsers: ones, arr: ones };

// The baseline: the least a weighted sum can do on this data (linear points, skip missing).
const weights = Float64Array.from(compiled.baseWeight);
function minimalWeightedSum(out: Float64Array) {
  for (let a = 0; a < ACCOUNTS; a++) {
    let s = 0;
    let w = 0;
    const base = a * METRICS;
    for (let i = 0; i < METRICS; i++) {
      const v = values[base + i]!;
      if (v !== v) continue;
      const p = v < 0 ? 0 : v > 100 ? 100 : v;
      s += weights[i]! * p;
      w += weights[i]!;
    }
    out[a] = w > 0 ? s / w : NaN;
  }
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function ms(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const engineOut = allocateOutput(ACCOUNTS, METRICS);
const baselineOut = new Float64Array(ACCOUNTS);
const runEngine = () => scoreColumns(compiled, input, asOf, engineOut);
const runBaseline = () => minimalWeightedSum(baselineOut);
runEngine(); // warm-up
runBaseline();
// Interleaved, so a noisy neighbour slows both sides alike.
const engineRuns: number[] = [];
const baselineRuns: number[] = [];
for (let r = 0; r < RUNS; r++) {
  engineRuns.push(ms(runEngine));
  baselineRuns.push(ms(runBaseline));
}
const engineMs = median(engineRuns);
const baselineMs = median(baselineRuns);

const line = (label: string, ms: number) =>
  `${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms  ${Math.round(ACCOUNTS / (ms / 1000))
    .toLocaleString("en-US")
    .padStart(12)} accounts/s  ${((ms * 1e6) / cells).toFixed(2).padStart(7)} ns/metric`;
console.log(
  `Engine benchmark: ${ACCOUNTS.toLocaleString("en-US")} accounts × ${METRICS} metrics, median of ${RUNS} runs (Node ${process.version})`,
);
console.log(line("full engine, with explanations", engineMs));
console.log(line("baseline: minimal weighted sum", baselineMs));
console.log(`ratio: ${(engineMs / baselineMs).toFixed(2)}× the baseline (goal ≤ 3×)`);
const scored = engineOut.score.filter((s) => !Number.isNaN(s)).length;
console.log(
  `check: ${scored.toLocaleString("en-US")} accounts scored; mean score ${(engineOut.score.reduce((a, s) => (Number.isNaN(s) ? a : a + s), 0) / scored).toFixed(2)}`,
);
