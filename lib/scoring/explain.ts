import { compileModel, type CompiledModel } from "./compile";
import {
  allocateOutput,
  normalizeValue,
  REASON_NAMES,
  scoreColumns,
  STATUS_NAMES,
  type InputColumns,
} from "./evaluate";
import type { ModelDefinition } from "./model-schema";
import { applyVariant, resolveVariant } from "./variants";

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

export interface TierInfo {
  key: string;
  label: string;
  color: string;
  letter: string | null;
}

export const INSUFFICIENT_DATA: TierInfo = {
  key: "insufficient_data",
  label: "Insufficient data",
  color: "#98a2b3",
  letter: null,
};

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

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

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
 */
export function createScorer(model: ModelDefinition, scorecardName = model.name ?? "model") {
  const cache = new Map<string | null, CompiledModel>();
  const compiledFor = (variantKey: string | null): CompiledModel => {
    let compiled = cache.get(variantKey);
    if (!compiled) {
      const variant = model.variants.find((v) => v.key === variantKey);
      compiled = compileModel(variant ? applyVariant(model, variant).model : model, variantKey);
      cache.set(variantKey, compiled);
    }
    return compiled;
  };

  function scoreAccounts(accounts: AccountInput[], options: ScoreOptions): AccountScore[] {
    const asOf = parseInstant(options.asOf, true);
    const resolutions = accounts.map((a) =>
      resolveVariant(model, { segments: a.segments ?? [], stage: a.stage }, scorecardName),
    );
    const peers = options.peers ?? collectPeers(compiledFor(null), accounts, asOf);
    const results: AccountScore[] = new Array(accounts.length);
    const groups = new Map<string, number[]>();
    const bySegment = !options.peers && peers instanceof Map && peers.size > 0;
    accounts.forEach((a, i) => {
      const groupKey = `${resolutions[i]!.variant?.key ?? ""}\u0000${bySegment ? (a.segments?.[0] ?? "") : ""}`;
      const group = groups.get(groupKey);
      if (group) group.push(i);
      else groups.set(groupKey, [i]);
    });
    for (const indices of groups.values()) {
      const first = indices[0]!;
      const compiled = compiledFor(resolutions[first]!.variant?.key ?? null);
      const segment = options.peers ? null : (accounts[first]!.segments?.[0] ?? "");
      const peerValues = compiled.metrics.map((m) =>
        segment === null ? (peers as Record<string, number[]>)[m.key] : (peers as PeerMap).get(segment)?.[m.key],
      );
      const input = toColumns(
        compiled,
        indices.map((i) => accounts[i]!),
        peerValues,
      );
      const out = scoreColumns(compiled, input, asOf);
      indices.forEach((accountIndex, row) => {
        results[accountIndex] = explainRow(
          compiled,
          accounts[accountIndex]!,
          resolutions[accountIndex]!,
          out,
          row,
          asOf,
        );
      });
    }
    return results;
  }

  return { scoreAccounts, compiledFor };
}

type PeerMap = Map<string, Record<string, number[]>>;

/** Peer populations for percentile rules: usable normalised values of the batch, by first segment. */
function collectPeers(compiled: CompiledModel, accounts: AccountInput[], asOf: number): PeerMap {
  const map: PeerMap = new Map();
  const percentile = compiled.metrics.filter((m) => m.rule.type === "percentile");
  if (percentile.length === 0) return map;
  for (const account of accounts) {
    const segment = account.segments?.[0] ?? "";
    const lists = map.get(segment) ?? {};
    for (const metric of percentile) {
      const { value, observedAt } = readInput(account.values[metric.key]);
      const age = Number.isNaN(observedAt) ? 0 : Math.floor((asOf - observedAt) / 86_400_000);
      if (typeof value !== "number" || age < 0 || age > metric.staleAfterDays) continue;
      const norm = normalizeValue(metric, value, {
        seats: account.seats,
        activeUsers: account.activeUsers,
        arr: account.arr,
      });
      if (!Number.isNaN(norm)) (lists[metric.key] ??= []).push(norm);
    }
    map.set(segment, lists);
  }
  return map;
}

function readInput(input: MetricInput | undefined): { value: MetricValue; observedAt: number } {
  if (input !== null && typeof input === "object") {
    const at = input.observedAt;
    return { value: input.value, observedAt: at === undefined || at === null ? NaN : parseInstant(at) };
  }
  return { value: input ?? null, observedAt: NaN };
}

function toColumns(compiled: CompiledModel, accounts: AccountInput[], peers: (number[] | undefined)[]): InputColumns {
  const m = compiled.metrics.length;
  const n = accounts.length;
  const values = new Float64Array(n * m).fill(NaN);
  const observedAt = new Float64Array(n * m).fill(NaN);
  const texts: (string | null)[] = new Array(n * m).fill(null);
  accounts.forEach((account, a) => {
    compiled.metrics.forEach((metric, i) => {
      const { value, observedAt: at } = readInput(account.values[metric.key]);
      const cell = a * m + i;
      observedAt[cell] = at;
      if (typeof value === "boolean") values[cell] = value ? 1 : 0;
      else if (typeof value === "number") values[cell] = value;
      else if (typeof value === "string") {
        if (metric.options) texts[cell] = value;
        else if (value.trim() !== "" && Number.isFinite(Number(value))) values[cell] = Number(value);
        else if (/^(true|yes)$/i.test(value.trim())) values[cell] = 1;
        else if (/^(false|no)$/i.test(value.trim())) values[cell] = 0;
        else values[cell] = NaN;
      }
      if (metric.options && typeof value === "boolean") texts[cell] = String(value);
    });
  });
  const column = (pick: (a: AccountInput) => number | null | undefined) =>
    Float64Array.from(accounts, (a) => pick(a) ?? NaN);
  return {
    count: n,
    values,
    texts,
    observedAt,
    seats: column((a) => a.seats),
    activeUsers: column((a) => a.activeUsers),
    arr: column((a) => a.arr),
    peers: peers.length ? peers : undefined,
  };
}

function explainRow(
  compiled: CompiledModel,
  account: AccountInput,
  resolution: { variant: { key: string } | null; reason: string },
  out: ReturnType<typeof allocateOutput>,
  row: number,
  asOf: number,
): AccountScore {
  const m = compiled.metrics.length;
  const metrics: MetricExplanation[] = compiled.metrics.map((metric, i) => {
    const cell = row * m + i;
    const { value, observedAt } = readInput(account.values[metric.key]);
    const present = out.status[cell] !== 4;
    return {
      metric: metric.key,
      name: metric.name,
      category: metric.path,
      raw: value,
      normalized: Number.isNaN(out.normalized[cell]!) ? null : out.normalized[cell]!,
      observedAt: Number.isNaN(observedAt) ? null : new Date(observedAt).toISOString(),
      ageDays: Number.isNaN(observedAt) ? null : Math.floor((asOf - observedAt) / 86_400_000),
      points: present ? out.points[cell]! : null,
      effectiveWeight: out.weight[cell]!,
      contribution: out.contribution[cell]!,
      status: STATUS_NAMES[out.status[cell]!]!,
      reason: out.reason[cell] ? REASON_NAMES[out.reason[cell]!]! : null,
    };
  });
  const score = out.score[row]!;
  const tierIndex = out.tier[row]!;
  const tier = tierIndex < 0 ? INSUFFICIENT_DATA : compiled.tiers[tierIndex]!;
  return {
    id: account.id,
    variant: { key: resolution.variant?.key ?? null, reason: resolution.reason },
    score: Number.isNaN(score) ? null : score,
    tier:
      "key" in tier && tier.key
        ? { key: tier.key, label: tier.label, color: tier.color, letter: tier.letter ?? null }
        : { key: slug(tier.label), label: tier.label, color: tier.color, letter: tier.letter ?? null },
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
