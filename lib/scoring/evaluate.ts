import {
  accumulateLevelTotals,
  NORMALIZE,
  POLICY,
  propagateFactors,
  type CompiledMetric,
  type CompiledModel,
} from "./compile";
import { numericPoints, percentileOf } from "./rules";

export const STATUS = { scored: 0, carried_forward: 1, worst: 2, neutral: 3, excluded: 4 } as const;
export const REASON = {
  none: 0,
  missing: 1,
  stale: 2,
  no_seats: 3,
  no_active_users: 4,
  no_arr: 5,
  unknown_option: 6,
  no_peers: 7,
  invalid_value: 8,
} as const;
export const STATUS_NAMES = Object.keys(STATUS) as (keyof typeof STATUS)[];
export const REASON_NAMES = Object.keys(REASON) as (keyof typeof REASON)[];

const DAY = 86_400_000;

/**
 * Many accounts' inputs in columns, metric-major within an account:
 * cell (a, i) is at a * metrics + i, in the compiled model's metric order.
 */
export interface InputColumns {
  count: number;
  /** Numeric values (booleans as 1/0); NaN = no observation. */
  values: Float64Array;
  /** Categorical answers; only read for categorical metrics. */
  texts?: (string | null | undefined)[];
  /** When each value was observed (ms since epoch); NaN = unknown (treated as current). */
  observedAt: Float64Array;
  seats: Float64Array;
  activeUsers: Float64Array;
  arr: Float64Array;
  /** Peer group of each account (its segment) for percentile rules; default: one group. */
  peerGroup?: Int32Array;
  /** Ready-made peer values per metric (already normalised, any order), instead of the batch itself. */
  peers?: (ArrayLike<number> | undefined)[];
}

export interface OutputColumns {
  /** NaN = no usable input at all. */
  score: Float64Array;
  coverage: Float64Array;
  /** Index into the tiers; -1 = "Insufficient data". */
  tier: Int16Array;
  normalized: Float64Array;
  points: Float64Array;
  weight: Float64Array;
  contribution: Float64Array;
  status: Uint8Array;
  reason: Uint8Array;
}

export function allocateOutput(count: number, metrics: number): OutputColumns {
  const cells = count * metrics;
  return {
    score: new Float64Array(count),
    coverage: new Float64Array(count),
    tier: new Int16Array(count),
    normalized: new Float64Array(cells),
    points: new Float64Array(cells),
    weight: new Float64Array(cells),
    contribution: new Float64Array(cells),
    status: new Uint8Array(cells),
    reason: new Uint8Array(cells),
  };
}

/** The value per seat, per active user or per ARR unit; NaN when the denominator is missing or 0. */
export function normalizeValue(
  metric: CompiledMetric,
  v: number,
  account: { seats?: number | null; activeUsers?: number | null; arr?: number | null },
): number {
  const per = (d: number | null | undefined) => (d !== null && d !== undefined && d > 0 ? v / d : NaN);
  switch (metric.normalize) {
    case NORMALIZE.per_seat:
      return per(account.seats);
    case NORMALIZE.per_active_user:
      return per(account.activeUsers);
    case NORMALIZE.per_arr_unit:
      return per(account.arr === null || account.arr === undefined ? null : account.arr / metric.arrUnit);
    default:
      return v;
  }
}

function normalizeCell(metric: CompiledMetric, v: number, input: InputColumns, a: number): number {
  if (metric.normalize === NORMALIZE.none) return v;
  return normalizeValue(metric, v, { seats: input.seats[a], activeUsers: input.activeUsers[a], arr: input.arr[a] });
}

const NORMALIZE_REASON = [REASON.invalid_value, REASON.no_seats, REASON.no_active_users, REASON.no_arr];

/** Sorted normalised values of every account with a usable value, per peer group and metric. */
function buildPeers(model: CompiledModel, input: InputColumns, asOf: number): (Float64Array | undefined)[][] {
  const m = model.metrics.length;
  const groups = new Map<number, number[][]>();
  for (let a = 0; a < input.count; a++) {
    const g = input.peerGroup?.[a] ?? 0;
    let lists = groups.get(g);
    if (!lists) groups.set(g, (lists = model.metrics.map(() => [])));
    for (let i = 0; i < m; i++) {
      const metric = model.metrics[i]!;
      if (metric.rule.type !== "percentile") continue;
      const cell = a * m + i;
      const v = input.values[cell]!;
      const at = input.observedAt[cell]!;
      const age = Number.isNaN(at) ? 0 : Math.floor((asOf - at) / DAY);
      if (Number.isNaN(v) || age < 0 || age > metric.staleAfterDays) continue;
      const norm = normalizeCell(metric, v, input, a);
      if (!Number.isNaN(norm)) lists[i]!.push(norm);
    }
  }
  const out: (Float64Array | undefined)[][] = [];
  for (const [g, lists] of groups)
    out[g] = lists.map((l, i) =>
      model.metrics[i]!.rule.type === "percentile" ? Float64Array.from(l).sort() : undefined,
    );
  return out;
}

/**
 * Scores every account of the batch, writing scores, coverage, tiers and the
 * full per-metric explanation into `out`. Pure: the result depends only on the
 * model, the inputs, `asOf` and the peers.
 */
export function scoreColumns(
  model: CompiledModel,
  input: InputColumns,
  asOf: number,
  out: OutputColumns = allocateOutput(input.count, model.metrics.length),
): OutputColumns {
  const m = model.metrics.length;
  const metrics = model.metrics;
  const needsPeers = metrics.some((x) => x.rule.type === "percentile");
  const given = input.peers?.map((p) => (p ? Float64Array.from(p).sort() : undefined));
  const peerSets = needsPeers && !given ? buildPeers(model, input, asOf) : null;
  const present = new Uint8Array(m);
  const total = new Float64Array(model.nodes.length);
  const num = new Float64Array(model.nodes.length);
  const den = new Float64Array(model.nodes.length);
  const { metricParent, metricWeight, baseWeight, tiers, minCoverage } = model;

  for (let a = 0; a < input.count; a++) {
    const base = a * m;
    let coverage = 0;
    for (let i = 0; i < m; i++) {
      const metric = metrics[i]!;
      const cell = base + i;
      const at = input.observedAt[cell]!;
      const age = Number.isNaN(at) ? 0 : Math.floor((asOf - at) / DAY);
      const text = metric.options ? input.texts?.[cell] : undefined;
      const v = input.values[cell]!;
      let has = metric.options ? text !== undefined && text !== null && text !== "" : !Number.isNaN(v);
      if (age < 0) has = false; // observed after the as-of time: not known yet
      let reason: number = REASON.none;
      let norm = NaN;
      let pts = NaN;
      if (!has) reason = REASON.missing;
      else if (age > metric.staleAfterDays) reason = REASON.stale;
      else if (metric.options) {
        pts = metric.options.get(text!.trim().toLowerCase()) ?? NaN;
        if (Number.isNaN(pts)) reason = REASON.unknown_option;
      } else {
        norm = normalizeCell(metric, v, input, a);
        if (Number.isNaN(norm)) reason = NORMALIZE_REASON[metric.normalize]!;
        else {
          const peers =
            metric.rule.type === "percentile"
              ? given
                ? given[i]
                : peerSets![input.peerGroup?.[a] ?? 0]?.[i]
              : undefined;
          const pct = peers ? percentileOf(peers, norm) : NaN;
          pts = numericPoints(metric.rule, norm, metric.minPoints, metric.maxPoints, pct);
          if (Number.isNaN(pts)) reason = metric.rule.type === "percentile" ? REASON.no_peers : REASON.invalid_value;
        }
      }
      let status: number;
      if (reason === REASON.none) {
        if (!Number.isNaN(metric.decayDays))
          pts = metric.neutral + (pts - metric.neutral) * Math.max(0, 1 - age / metric.decayDays);
        status = metric.policy === POLICY.carry_forward && age >= 1 ? STATUS.carried_forward : STATUS.scored;
        coverage += baseWeight[i]!;
      } else {
        const policy = metric.policy === POLICY.carry_forward ? metric.fallback : metric.policy;
        status = policy === POLICY.worst ? STATUS.worst : policy === POLICY.neutral ? STATUS.neutral : STATUS.excluded;
        pts = policy === POLICY.worst ? metric.minPoints : policy === POLICY.neutral ? metric.neutral : NaN;
      }
      present[i] = status === STATUS.excluded ? 0 : 1;
      out.normalized[cell] = norm;
      out.points[cell] = pts;
      out.status[cell] = status;
      out.reason[cell] = reason;
    }

    accumulateLevelTotals(model, present, total);
    if (total[0]! <= 0) {
      out.score[a] = NaN;
      out.coverage[a] = 0;
      out.tier[a] = -1;
      out.weight.fill(0, base, base + m);
      out.contribution.fill(0, base, base + m);
      continue;
    }
    propagateFactors(model, total, num, den);
    let score = 0;
    for (let i = 0; i < m; i++) {
      const cell = base + i;
      if (!present[i]) {
        out.weight[cell] = 0;
        out.contribution[cell] = 0;
        continue;
      }
      const p = metricParent[i]!;
      const n = num[p]! * metricWeight[i]!;
      const d = den[p]! * total[p]!;
      const c = (n * out.points[cell]!) / d;
      out.weight[cell] = n / d;
      out.contribution[cell] = c;
      score += c;
    }
    coverage = coverage > 1 ? 1 : coverage;
    out.score[a] = score;
    out.coverage[a] = coverage;
    out.tier[a] = coverage + 1e-9 < minCoverage ? -1 : tierIndex(tiers, score);
  }
  return out;
}

/** The highest tier whose minimum is at or below the score. */
export function tierIndex(tiers: readonly { min: number }[], score: number): number {
  let index = 0;
  for (let t = 1; t < tiers.length; t++) if (tiers[t]!.min <= score) index = t;
  return index;
}
