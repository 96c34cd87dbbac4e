import type { CategoryNode, MetricNode, ModelDefinition, Rule, Tier } from "./model-schema";
import { buildKernel, type Kernel } from "./kernel";
import { rulePointBounds } from "./rules";

export const POLICY = { exclude: 0, worst: 1, neutral: 2, carry_forward: 3 } as const;
export const NORMALIZE = { none: 0, per_seat: 1, per_active_user: 2, per_arr_unit: 3 } as const;

export interface CompiledMetric {
  key: string;
  name: string;
  /** Names of the categories from the top down to this metric's own. */
  path: string[];
  rule: Rule;
  normalize: number;
  arrUnit: number;
  policy: number;
  fallback: number;
  /** Lowest and highest points this metric can give. */
  minPoints: number;
  maxPoints: number;
  neutral: number;
  /** Days after which an observation is stale (Infinity: never). */
  staleAfterDays: number;
  /** carry_forward decay toward neutral, in days (NaN: none). */
  decayDays: number;
  /** Categorical options by lower-cased label. */
  options: Map<string, number> | null;
}

export interface CompiledNode {
  key: string;
  name: string;
  parent: number;
  weight: number;
}

/** A model (with at most one variant applied) flattened for fast scoring. */
export interface CompiledModel {
  variantKey: string | null;
  range: { min: number; max: number };
  /** Fraction 0–1. */
  minCoverage: number;
  tiers: Tier[];
  metrics: CompiledMetric[];
  /** Node 0 is the top level; parents always come before their children. */
  nodes: CompiledNode[];
  metricParent: Int32Array;
  metricWeight: Float64Array;
  nodeParent: Int32Array;
  nodeWeight: Float64Array;
  /** Each metric's effective weight with every input present (the coverage denominator sums to 1). */
  baseWeight: Float64Array;
  /** Numerator and denominator of baseWeight, for exact contributions when nothing is excluded. */
  baseNum: Float64Array;
  baseDen: Float64Array;
  lowest: number;
  highest: number;
  /** The rules and policies in typed arrays for the scoring loop. */
  kernel: Kernel;
}

/** Flattens a model; the caller applies a variant first (see applyVariant). */
export function compileModel(model: ModelDefinition, variantKey: string | null = null): CompiledModel {
  const nodes: CompiledNode[] = [{ key: "", name: "Top level", parent: -1, weight: 1 }];
  const metrics: CompiledMetric[] = [];
  const parents: number[] = [];
  const weights: number[] = [];

  const visit = (node: { metrics: MetricNode[]; categories: CategoryNode[] }, index: number, path: string[]) => {
    for (const m of node.metrics) {
      metrics.push(compileMetric(m, model, path));
      parents.push(index);
      weights.push(m.weight);
    }
    for (const c of node.categories) {
      nodes.push({ key: c.key, name: c.name, parent: index, weight: c.weight });
      visit(c, nodes.length - 1, [...path, c.name]);
    }
  };
  visit(model, 0, []);

  const compiled: CompiledModel = {
    variantKey,
    range: { ...model.range },
    minCoverage: model.minCoverage / 100,
    tiers: [...model.tiers],
    metrics,
    nodes,
    metricParent: Int32Array.from(parents),
    metricWeight: Float64Array.from(weights),
    nodeParent: Int32Array.from(nodes.map((n) => n.parent)),
    nodeWeight: Float64Array.from(nodes.map((n) => n.weight)),
    baseWeight: new Float64Array(metrics.length),
    baseNum: new Float64Array(metrics.length),
    baseDen: new Float64Array(metrics.length),
    lowest: 0,
    highest: 0,
    kernel: buildKernel(metrics),
  };
  const all = new Uint8Array(metrics.length).fill(1);
  const full = effectiveWeights(compiled, all);
  compiled.baseWeight = full.weight;
  compiled.metricParent.forEach((p, i) => {
    compiled.baseNum[i] = full.num[p]! * compiled.metricWeight[i]!;
    compiled.baseDen[i] = full.den[p]! * full.levelTotal[p]!;
  });
  compiled.lowest = sumProducts(
    compiled.baseWeight,
    metrics.map((m) => m.minPoints),
  );
  compiled.highest = sumProducts(
    compiled.baseWeight,
    metrics.map((m) => m.maxPoints),
  );
  return compiled;
}

function compileMetric(m: MetricNode, model: ModelDefinition, path: string[]): CompiledMetric {
  const bounds = rulePointBounds(m.rule, model.range);
  return {
    key: m.metric,
    name: m.name ?? m.metric,
    path,
    rule: m.rule,
    normalize: NORMALIZE[m.normalize],
    arrUnit: m.arrUnit,
    policy: POLICY[m.missing.policy],
    fallback: POLICY[m.missing.fallback],
    minPoints: bounds.min,
    maxPoints: bounds.max,
    neutral: m.missing.neutral ?? (bounds.min + bounds.max) / 2,
    staleAfterDays: m.staleAfterDays ?? Infinity,
    decayDays: m.missing.policy === "carry_forward" && m.missing.decayDays ? m.missing.decayDays : NaN,
    options:
      m.rule.type === "categorical"
        ? new Map(Object.entries(m.rule.options).map(([label, points]) => [label.trim().toLowerCase(), points]))
        : null,
  };
}

function sumProducts(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * Effective weights after renormalising over the present metrics at every level.
 * Numerators and denominators are kept apart (products of the entered weights
 * and of the level totals) so whole-percent weights give exact contributions.
 */
export function effectiveWeights(model: CompiledModel, present: Uint8Array) {
  const nodeCount = model.nodes.length;
  const levelTotal = new Float64Array(nodeCount);
  accumulateLevelTotals(model, present, levelTotal);
  const num = new Float64Array(nodeCount);
  const den = new Float64Array(nodeCount);
  propagateFactors(model, levelTotal, num, den);
  const weight = new Float64Array(model.metrics.length);
  for (let i = 0; i < weight.length; i++) {
    if (!present[i]) continue;
    const p = model.metricParent[i]!;
    weight[i] = (num[p]! * model.metricWeight[i]!) / (den[p]! * levelTotal[p]!);
  }
  return { weight, levelTotal, num, den };
}

/** Σ weights of present children per node, bottom-up (a node is present when its total is > 0). */
export function accumulateLevelTotals(model: CompiledModel, present: Uint8Array, total: Float64Array) {
  total.fill(0);
  const mp = model.metricParent;
  const mw = model.metricWeight;
  for (let i = 0; i < mp.length; i++) total[mp[i]!]! += mw[i]! * present[i]!;
  for (let n = model.nodes.length - 1; n > 0; n--)
    if (total[n]! > 0) total[model.nodeParent[n]!]! += model.nodeWeight[n]!;
}

/** Top-down numerator and denominator of each node's effective weight. */
export function propagateFactors(model: CompiledModel, total: Float64Array, num: Float64Array, den: Float64Array) {
  num[0] = 1;
  den[0] = 1;
  for (let n = 1; n < model.nodes.length; n++) {
    const p = model.nodeParent[n]!;
    num[n] = num[p]! * model.nodeWeight[n]!;
    den[n] = den[p]! * total[p]!;
  }
}
