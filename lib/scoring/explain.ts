import type { CompiledModel } from "./compile";
import { REASON_NAMES, STATUS, STATUS_NAMES } from "./evaluate";
import type { ModelDefinition } from "./model-schema";
import { scoreInGroups, tierOf, variantCompiler, type Placement, type PortfolioInput } from "./portfolio";
import type { TierInfo } from "./tier-info";
import type { VariantResolution } from "./variants";

export { INSUFFICIENT_DATA, type TierInfo } from "./tier-info";

export type MetricValue = number | boolean | string | null;
export type MetricInput = MetricValue | { value: MetricValue; observedAt?: string | number | null };

export interface AccountInput {
  id: string;
  segments?: string[];
  stage?: string | null;
  seats?: number | null;
  activeUsers?: number | null;
  arr?: number | null;
  /** Latest observation per metric key. */
  values: Record<string, MetricInput>;
}

export interface MetricExplanation {
  metric: string;
  name: string;
  category: string[];
  raw: MetricValue;
  normalized: number | null;
  observedAt: string | null;
  ageDays: number | null;
  points: number | null;
  effectiveWeight: number;
  contribution: number;
  status: (typeof STATUS_NAMES)[number];
  reason: (typeof REASON_NAMES)[number] | null;
}

export interface CategoryExplanation {
  key: string;
  name: string;
  /** Category score: the weighted average of its present children; null when none is present. */
  score: number | null;
  effectiveWeight: number;
  contribution: number;
}

export interface AccountScore {
  id: string;
  variant: { key: string | null; reason: string };
  score: number | null;
  tier: TierInfo;
  coverage: number;
  lowest: number;
  highest: number;
  metrics: MetricExplanation[];
  categories: CategoryExplanation[];
}

export interface ScoreOptions {
  /** The as-of instant; a bare date means the end of that day (UTC). */
  asOf: string | number | Date;
  /** Peer values per metric (already normalised) for percentile rules; default: the batch, by first segment. */
  peers?: Record<string, number[]>;
}

export function parseInstant(value: string | number | Date, endOfDay = false): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`) + (endOfDay ? 86_400_000 - 1 : 0);
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new RangeError(`"${value}" is not a date or time`);
  return t;
}

/**
 * Scores accounts with a model definition: resolves each account's variant,
 * compiles each variant once, and explains every result. Create once, reuse.
 * The same grouping and scoring as the pipeline's portfolio path (portfolio.ts).
 */
export function createScorer(model: ModelDefinition, scorecardName = model.name ?? "model") {
  const compiledFor = variantCompiler(model);

  function scoreAccounts(accounts: AccountInput[], options: ScoreOptions): AccountScore[] {
    const asOf = parseInstant(options.asOf, true);
    const input = toPortfolio(compiledFor(null), accounts);
    const { resolutions, placement } = scoreInGroups(model, compiledFor, input, asOf, scorecardName, options.peers);
    return accounts.map((account, a) => explainRow(placement[a]!, account, resolutions[a]!, asOf));
  }

  return { scoreAccounts, compiledFor };
}

function readInput(input: MetricInput | undefined): { value: MetricValue; observedAt: number } {
  if (input !== null && typeof input === "object") {
    const at = input.observedAt;
    return { value: input.value, observedAt: at === undefined || at === null ? NaN : parseInstant(at) };
  }
  return { value: input ?? null, observedAt: NaN };
}

/** Accounts as portfolio columns over the model's metrics (variants score the same metrics). */
function toPortfolio(base: CompiledModel, accounts: AccountInput[]): PortfolioInput {
  const keys = base.metrics.map((m) => m.key);
  const m = keys.length;
  const n = accounts.length;
  const values = new Float64Array(n * m).fill(NaN);
  const observedAt = new Float64Array(n * m).fill(NaN);
  const texts: (string | null)[] = new Array(n * m).fill(null);
  accounts.forEach((account, a) => {
    base.metrics.forEach((metric, i) => {
      const { value, observedAt: at } = readInput(account.values[metric.key]);
      const cell = a * m + i;
      observedAt[cell] = at;
      if (metric.options) texts[cell] = value === null ? null : String(value);
      else if (typeof value === "boolean") values[cell] = value ? 1 : 0;
      else if (typeof value === "number") values[cell] = value;
      else if (typeof value === "string") values[cell] = numericText(value);
    });
  });
  const column = (pick: (a: AccountInput) => number | null | undefined) =>
    Float64Array.from(accounts, (a) => pick(a) ?? NaN);
  return {
    count: n,
    metricKeys: keys,
    values,
    texts,
    observedAt,
    seats: column((a) => a.seats),
    activeUsers: column((a) => a.activeUsers),
    arr: column((a) => a.arr),
    segments: accounts.map((a) => a.segments ?? []),
    stages: accounts.map((a) => a.stage ?? null),
  };
}

/** A number written as text: digits, or true/yes → 1 and false/no → 0; NaN otherwise. */
function numericText(value: string): number {
  const t = value.trim();
  if (t !== "" && Number.isFinite(Number(t))) return Number(t);
  if (/^(true|yes)$/i.test(t)) return 1;
  if (/^(false|no)$/i.test(t)) return 0;
  return NaN;
}

function explainRow(
  placement: Placement,
  account: AccountInput,
  resolution: VariantResolution,
  asOf: number,
): AccountScore {
  const { compiled, out, row } = placement;
  const m = compiled.metrics.length;
  const metrics: MetricExplanation[] = compiled.metrics.map((metric, i) => {
    const cell = row * m + i;
    const { value, observedAt } = readInput(account.values[metric.key]);
    return {
      metric: metric.key,
      name: metric.name,
      category: metric.path,
      raw: value,
      normalized: Number.isNaN(out.normalized[cell]!) ? null : out.normalized[cell]!,
      observedAt: Number.isNaN(observedAt) ? null : new Date(observedAt).toISOString(),
      ageDays: Number.isNaN(observedAt) ? null : Math.floor((asOf - observedAt) / 86_400_000),
      points: out.status[cell] === STATUS.excluded ? null : out.points[cell]!,
      effectiveWeight: out.weight[cell]!,
      contribution: out.contribution[cell]!,
      status: STATUS_NAMES[out.status[cell]!]!,
      reason: out.reason[cell] ? REASON_NAMES[out.reason[cell]!]! : null,
    };
  });
  const score = out.score[row]!;
  return {
    id: account.id,
    variant: { key: resolution.variant?.key ?? null, reason: resolution.reason },
    score: Number.isNaN(score) ? null : score,
    tier: tierOf(placement),
    coverage: out.coverage[row]!,
    lowest: compiled.lowest,
    highest: compiled.highest,
    metrics,
    categories: explainCategories(compiled, metrics),
  };
}

function explainCategories(compiled: CompiledModel, metrics: MetricExplanation[]): CategoryExplanation[] {
  const nodeCount = compiled.nodes.length;
  const weight = new Float64Array(nodeCount);
  const contribution = new Float64Array(nodeCount);
  metrics.forEach((m, i) => {
    for (let n = compiled.metricParent[i]!; n > 0; n = compiled.nodeParent[n]!) {
      weight[n]! += m.effectiveWeight;
      contribution[n]! += m.contribution;
    }
  });
  return compiled.nodes.slice(1).map((node, k) => {
    const n = k + 1;
    return {
      key: node.key,
      name: node.name,
      score: weight[n]! > 0 ? contribution[n]! / weight[n]! : null,
      effectiveWeight: weight[n]!,
      contribution: contribution[n]!,
    };
  });
}
