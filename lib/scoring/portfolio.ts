import { compileModel, type CompiledModel } from "./compile";
import { allocateOutput, normalizeValue, scoreColumns, type InputColumns, type OutputColumns } from "./evaluate";
import type { ModelDefinition } from "./model-schema";
import { INSUFFICIENT_DATA, tierInfo, type TierInfo } from "./tier-info";
import { applyVariant, resolveVariant, type VariantResolution } from "./variants";

/**
 * A whole portfolio's inputs in columns, keyed by the organisation's metric
 * keys (any order, any superset of the model's metrics): cell (a, j) is at
 * a * metricKeys.length + j. The batch recompute and the history backfill build
 * this straight from the database, without an object per account or metric.
 */
export interface PortfolioInput {
  count: number;
  metricKeys: string[];
  values: Float64Array;
  texts: (string | null)[];
  observedAt: Float64Array;
  seats: Float64Array;
  activeUsers: Float64Array;
  arr: Float64Array;
  segments: string[][];
  stages: (string | null)[];
}

/** One account's explanation in compact form, as a snapshot stores it. */
export interface CompactExplanation {
  /** Variant applied (null: base model) and why. */
  variant: string | null;
  reason: string;
  /** Per metric of the scored model: [key, raw, normalised, points, weight, contribution, status, reason, ageDays]. */
  metrics: [
    string,
    number | string | null,
    number | null,
    number | null,
    number,
    number,
    number,
    number,
    number | null,
  ][];
}

export interface PortfolioScores {
  score: Float64Array;
  coverage: Float64Array;
  tier: TierInfo[];
  variant: (string | null)[];
  explain(a: number): CompactExplanation;
}

const DAY = 86_400_000;

/** Compiles each variant of a model once, on first use. */
export function variantCompiler(model: ModelDefinition): (variantKey: string | null) => CompiledModel {
  const cache = new Map<string | null, CompiledModel>();
  return (variantKey) => {
    let compiled = cache.get(variantKey);
    if (!compiled) {
      const variant = model.variants.find((v) => v.key === variantKey);
      compiled = compileModel(variant ? applyVariant(model, variant).model : model, variantKey);
      cache.set(variantKey, compiled);
    }
    return compiled;
  };
}

export interface Placement {
  compiled: CompiledModel;
  out: OutputColumns;
  row: number;
}

/**
 * The one way a portfolio is scored: each account resolves to its variant,
 * accounts of one variant (and, for percentile rules, one first segment, whose
 * accounts are each other's peers unless `peers` is given) are scored together,
 * and every account's place in the output columns is returned.
 */
export function scoreInGroups(
  model: ModelDefinition,
  compiledFor: (variantKey: string | null) => CompiledModel,
  input: PortfolioInput,
  asOf: number,
  scorecardName: string,
  peers?: Record<string, number[]>,
): { resolutions: VariantResolution[]; placement: Placement[] } {
  const resolutions = input.segments.map((segments, a) =>
    resolveVariant(model, { segments, stage: input.stages[a] }, scorecardName),
  );
  const bySegment = !peers && compiledFor(null).metrics.some((m) => m.rule.type === "percentile");
  const groups = new Map<string, number[]>();
  resolutions.forEach((r, a) => {
    const key = `${r.variant?.key ?? ""}\u0000${bySegment ? (input.segments[a]![0] ?? "") : ""}`;
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  });
  const segmentPeers = bySegment ? collectPortfolioPeers(compiledFor(null), input, asOf) : null;
  const placement: Placement[] = new Array(input.count);
  for (const accounts of groups.values()) {
    const compiled = compiledFor(resolutions[accounts[0]!]!.variant?.key ?? null);
    const groupPeers = peers ?? segmentPeers?.get(input.segments[accounts[0]!]![0] ?? "");
    const columns = gather(compiled, input, accounts, groupPeers);
    const out = scoreColumns(compiled, columns, asOf, allocateOutput(accounts.length, compiled.metrics.length));
    accounts.forEach((a, row) => (placement[a] = { compiled, out, row }));
  }
  return { resolutions, placement };
}

/** The tier as explanations show it; Insufficient data below the minimum coverage. */
export function tierOf({ compiled, out, row }: Placement): TierInfo {
  const index = out.tier[row]!;
  if (index < 0) return INSUFFICIENT_DATA;
  return tierInfo(compiled.tiers[index]!);
}

/** Scores every account of a portfolio as of `asOf` (ms); percentile peers are the accounts of the same first segment. */
export function scorePortfolio(
  model: ModelDefinition,
  input: PortfolioInput,
  asOf: number,
  scorecardName = model.name ?? "model",
  compiledFor = variantCompiler(model),
): PortfolioScores {
  const { resolutions, placement: where } = scoreInGroups(model, compiledFor, input, asOf, scorecardName);
  const score = Float64Array.from(where, (p) => p.out.score[p.row]!);
  const coverage = Float64Array.from(where, (p) => p.out.coverage[p.row]!);
  const tier = where.map(tierOf);

  const column = new Map(input.metricKeys.map((k, j) => [k, j]));
  const width = input.metricKeys.length;
  return {
    score,
    coverage,
    tier,
    variant: resolutions.map((r) => r.variant?.key ?? null),
    explain(a) {
      const { compiled, out, row } = where[a]!;
      const m = compiled.metrics.length;
      return {
        variant: resolutions[a]!.variant?.key ?? null,
        reason: resolutions[a]!.reason,
        metrics: compiled.metrics.map((metric, i) => {
          const cell = row * m + i;
          const j = column.get(metric.key);
          const source = j === undefined ? -1 : a * width + j;
          const raw =
            source < 0
              ? null
              : metric.options
                ? input.texts[source]!
                : Number.isNaN(input.values[source]!)
                  ? null
                  : input.values[source]!;
          const at = source < 0 ? NaN : input.observedAt[source]!;
          const points = out.points[cell]!;
          const norm = out.normalized[cell]!;
          return [
            metric.key,
            raw,
            Number.isNaN(norm) ? null : norm,
            Number.isNaN(points) ? null : points,
            out.weight[cell]!,
            out.contribution[cell]!,
            out.status[cell]!,
            out.reason[cell]!,
            Number.isNaN(at) ? null : Math.floor((asOf - at) / DAY),
          ];
        }),
      };
    },
  };
}

/** The model's metrics of the given accounts, in the compiled model's column order. */
function gather(
  compiled: CompiledModel,
  input: PortfolioInput,
  accounts: number[],
  peers: Map<string, number[]> | Record<string, number[]> | undefined,
): InputColumns {
  const m = compiled.metrics.length;
  const width = input.metricKeys.length;
  const index = compiled.metrics.map((metric) => input.metricKeys.indexOf(metric.key));
  const values = new Float64Array(accounts.length * m).fill(NaN);
  const observedAt = new Float64Array(accounts.length * m).fill(NaN);
  const texts: (string | null)[] = new Array(accounts.length * m).fill(null);
  accounts.forEach((a, row) => {
    for (let i = 0; i < m; i++) {
      const j = index[i]!;
      if (j < 0) continue;
      const from = a * width + j;
      const to = row * m + i;
      values[to] = input.values[from]!;
      observedAt[to] = input.observedAt[from]!;
      texts[to] = input.texts[from] ?? null;
    }
  });
  const pick = (col: Float64Array) => Float64Array.from(accounts, (a) => col[a]!);
  return {
    count: accounts.length,
    values,
    texts,
    observedAt,
    seats: pick(input.seats),
    activeUsers: pick(input.activeUsers),
    arr: pick(input.arr),
    peers: peers
      ? compiled.metrics.map((metric) => (peers instanceof Map ? peers.get(metric.key) : peers[metric.key]))
      : undefined,
  };
}

/** Usable normalised values of every percentile metric, per first segment. */
function collectPortfolioPeers(
  base: CompiledModel,
  input: PortfolioInput,
  asOf: number,
): Map<string, Map<string, number[]>> {
  const out = new Map<string, Map<string, number[]>>();
  const width = input.metricKeys.length;
  const metrics = base.metrics
    .filter((x) => x.rule.type === "percentile")
    .map((metric) => ({ metric, j: input.metricKeys.indexOf(metric.key) }));
  for (let a = 0; a < input.count; a++) {
    const segment = input.segments[a]![0] ?? "";
    let lists = out.get(segment);
    if (!lists) out.set(segment, (lists = new Map()));
    for (const { metric, j } of metrics) {
      if (j < 0) continue;
      const v = input.values[a * width + j]!;
      const at = input.observedAt[a * width + j]!;
      const age = Number.isNaN(at) ? 0 : Math.floor((asOf - at) / DAY);
      if (Number.isNaN(v) || age < 0 || age > metric.staleAfterDays) continue;
      const norm = normalizeValue(metric, v, {
        seats: input.seats[a],
        activeUsers: input.activeUsers[a],
        arr: input.arr[a],
      });
      if (Number.isNaN(norm)) continue;
      const list = lists.get(metric.key);
      if (list) list.push(norm);
      else lists.set(metric.key, [norm]);
    }
  }
  return out;
}
