import {
  accumulateLevelTotals,
  NORMALIZE,
  POLICY,
  propagateFactors,
  type CompiledMetric,
  type CompiledModel,
} from "./compile";
import { KIND, kernelPoints } from "./kernel";
import { percentileOf } from "./rules";

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
/** Accounts per block: a block's cells (× 6 columns) stay in the L2 cache. */
const BLOCK = 256;

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
  /** Peer values per metric (already normalised, any order) for percentile rules; without them a percentile metric is unusable. */
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

/**
 * Scores every account of the batch, writing scores, coverage, tiers and the
 * full per-metric explanation into `out`. Pure: the result depends only on the
 * model, the inputs, `asOf` and the peers.
 *
 * This is the hot path of every recompute. Accounts go in blocks small enough
 * to stay in cache; within a block it runs metric by metric (so the rule and
 * policy are fixed for a whole loop and its branches predict well), then
 * account by account to aggregate.
 */
export function scoreColumns(
  model: CompiledModel,
  input: InputColumns,
  asOf: number,
  out: OutputColumns = allocateOutput(input.count, model.metrics.length),
): OutputColumns {
  const sorted = input.peers?.map((p) => (p ? Float64Array.from(p).sort() : undefined));
  const aggregation = aggregationScratch(model);
  for (let start = 0; start < input.count; start += BLOCK) {
    const end = Math.min(input.count, start + BLOCK);
    for (let i = 0; i < model.metrics.length; i++) scoreMetric(model, input, asOf, out, i, start, end, sorted?.[i]);
    aggregate(model, start, end, out, aggregation);
  }
  return out;
}

/** Points, status and reason of metric `i` for every account. */
function scoreMetric(
  model: CompiledModel,
  input: InputColumns,
  asOf: number,
  out: OutputColumns,
  i: number,
  start: number,
  end: number,
  /** This metric's peers, sorted (percentile rules only). */
  peers: Float64Array | undefined,
) {
  const m = model.metrics.length;
  const metric = model.metrics[i]!;
  const k = model.kernel;
  const kind = k.kind[i]!;
  // Staleness in whole days without a division per cell: age > N days ⟺ elapsed ≥ (N + 1) days.
  const staleMs = (k.stale[i]! + 1) * DAY;
  const decay = k.decay[i]!;
  const neutral = k.neutral[i]!;
  const carry = k.policy[i] === POLICY.carry_forward;
  const policy = carry ? k.fallback[i]! : k.policy[i]!;
  const substitute = policy === POLICY.worst ? k.lo[i]! : policy === POLICY.neutral ? neutral : NaN;
  const substituteStatus =
    policy === POLICY.worst ? STATUS.worst : policy === POLICY.neutral ? STATUS.neutral : STATUS.excluded;
  const categorical = kind === KIND.categorical;
  const percentile = kind === KIND.percentileHigher || kind === KIND.percentileLower;
  const normalizes = k.normalize[i] !== NORMALIZE.none;
  const { values, observedAt, texts } = input;
  const { normalized, points, status: statusOut, reason: reasonOut } = out;

  for (let a = start, cell = start * m + i; a < end; a++, cell += m) {
    const at = observedAt[cell]!;
    const elapsed = at !== at ? 0 : asOf - at;
    let reason: number = REASON.none;
    let norm = NaN;
    let pts = NaN;
    if (categorical) {
      const text = texts?.[cell];
      if (text === undefined || text === null || text === "" || elapsed < 0) reason = REASON.missing;
      else if (elapsed >= staleMs) reason = REASON.stale;
      else {
        pts = metric.options!.get(text.trim().toLowerCase()) ?? NaN;
        if (pts !== pts) reason = REASON.unknown_option;
      }
    } else {
      const v = values[cell]!;
      if (v !== v || elapsed < 0) reason = REASON.missing;
      else if (elapsed >= staleMs) reason = REASON.stale;
      else {
        norm = normalizes ? normalizeCell(metric, v, input, a) : v;
        if (norm !== norm) reason = NORMALIZE_REASON[k.normalize[i]!]!;
        else {
          pts = kernelPoints(k, i, norm, percentile && peers ? percentileOf(peers, norm) : NaN);
          if (pts !== pts) reason = percentile ? REASON.no_peers : REASON.invalid_value;
        }
      }
    }
    let status: number;
    if (reason === REASON.none) {
      if (decay === decay) pts = neutral + (pts - neutral) * Math.max(0, 1 - Math.floor(elapsed / DAY) / decay);
      status = carry && elapsed >= DAY ? STATUS.carried_forward : STATUS.scored;
    } else {
      pts = substitute;
      status = substituteStatus;
    }
    normalized[cell] = norm;
    points[cell] = pts;
    statusOut[cell] = status;
    reasonOut[cell] = reason;
  }
}

function aggregationScratch(model: CompiledModel) {
  const nodes = model.nodes.length;
  return {
    present: new Uint8Array(model.metrics.length),
    total: new Float64Array(nodes),
    num: new Float64Array(nodes),
    den: new Float64Array(nodes),
  };
}

/** Renormalised weights, contributions, score, coverage and tier of accounts start..end. */
function aggregate(
  model: CompiledModel,
  start: number,
  end: number,
  out: OutputColumns,
  scratch: ReturnType<typeof aggregationScratch>,
) {
  const m = model.metrics.length;
  const { present, total, num, den } = scratch;
  const { metricParent, metricWeight, baseWeight, baseNum, baseDen, tiers, minCoverage } = model;
  const { points, status, weight, contribution } = out;

  for (let a = start; a < end; a++) {
    const base = a * m;
    let coverage = 0;
    let excluded = 0;
    for (let i = 0; i < m; i++) {
      const s = status[base + i]!;
      if (s <= STATUS.carried_forward) coverage += baseWeight[i]!;
      present[i] = s === STATUS.excluded ? 0 : 1;
      if (s === STATUS.excluded) excluded++;
    }
    coverage = coverage > 1 ? 1 : coverage;
    out.coverage[a] = coverage;
    let score = 0;
    if (excluded === 0) {
      // Every metric counts: the weights are the model's own, no renormalisation needed.
      for (let i = 0; i < m; i++) {
        const cell = base + i;
        const c = (baseNum[i]! * points[cell]!) / baseDen[i]!;
        weight[cell] = baseWeight[i]!;
        contribution[cell] = c;
        score += c;
      }
    } else {
      accumulateLevelTotals(model, present, total);
      if (total[0]! <= 0) {
        out.score[a] = NaN;
        out.tier[a] = -1;
        weight.fill(0, base, base + m);
        contribution.fill(0, base, base + m);
        continue;
      }
      propagateFactors(model, total, num, den);
      for (let i = 0; i < m; i++) {
        const cell = base + i;
        if (!present[i]) {
          weight[cell] = 0;
          contribution[cell] = 0;
          continue;
        }
        const p = metricParent[i]!;
        const n = num[p]! * metricWeight[i]!;
        const d = den[p]! * total[p]!;
        const c = (n * points[cell]!) / d;
        weight[cell] = n / d;
        contribution[cell] = c;
        score += c;
      }
    }
    out.score[a] = score;
    out.tier[a] = coverage + 1e-9 < minCoverage ? -1 : tierIndex(tiers, score);
  }
}

/** The highest tier whose minimum is at or below the score. */
export function tierIndex(tiers: readonly { min: number }[], score: number): number {
  let index = 0;
  for (let t = 1; t < tiers.length; t++) if (tiers[t]!.min <= score) index = t;
  return index;
}
