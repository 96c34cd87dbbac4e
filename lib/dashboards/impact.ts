/**
 * What publishing a draft would do to the portfolio: both versions' scores of
 * every account, compared — tier moves (count and ARR), the distributions
 * overlaid, the from-tier × to-tier matrix, and the biggest movers.
 */
export interface ScoredSide {
  /** NaN: unscored. */
  score: ArrayLike<number>;
  tier: readonly string[];
}

export interface ImpactSummary {
  accounts: number;
  changedTier: number;
  arrChangedTier: number;
  up: number;
  down: number;
  averageBefore: number | null;
  averageAfter: number | null;
  histogram: { labels: string[]; before: number[]; after: number[] };
  /** Rows: tier under the published version; columns: under the draft (both in `tiers` order). */
  matrix: { accounts: number; arr: number }[][];
  movers: {
    index: number;
    before: number | null;
    after: number | null;
    delta: number;
    fromTier: string;
    toTier: string;
  }[];
}

const average = (s: ArrayLike<number>) => {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (Number.isNaN(s[i]!)) continue;
    sum += s[i]!;
    n++;
  }
  return n ? sum / n : null;
};

export function summarizeImpact(
  before: ScoredSide,
  after: ScoredSide,
  arr: ArrayLike<number>,
  /** Tier keys, lowest first; unranked tiers (insufficient data) last and not counted as up or down. */
  tiers: { key: string; ranked: boolean }[],
  range: { min: number; max: number },
  buckets = 20,
  moversShown = 15,
): ImpactSummary {
  const rank = new Map(tiers.map((t, i) => [t.key, t.ranked ? i : -1]));
  const position = new Map(tiers.map((t, i) => [t.key, i]));
  const matrix = tiers.map(() => tiers.map(() => ({ accounts: 0, arr: 0 })));
  const width = (range.max - range.min) / buckets;
  const bucket = (s: number) => Math.min(buckets - 1, Math.max(0, Math.floor((s - range.min) / width)));
  const histogram = {
    labels: Array.from({ length: buckets }, (_, i) => `${range.min + i * width}–${range.min + (i + 1) * width}`),
    before: new Array<number>(buckets).fill(0),
    after: new Array<number>(buckets).fill(0),
  };
  let changedTier = 0;
  let arrChangedTier = 0;
  let up = 0;
  let down = 0;
  const movers: ImpactSummary["movers"] = [];
  for (let i = 0; i < arr.length; i++) {
    const a = before.score[i]!;
    const b = after.score[i]!;
    if (!Number.isNaN(a)) histogram.before[bucket(a)]! += 1;
    if (!Number.isNaN(b)) histogram.after[bucket(b)]! += 1;
    const from = before.tier[i]!;
    const to = after.tier[i]!;
    const cell = matrix[position.get(from) ?? tiers.length - 1]![position.get(to) ?? tiers.length - 1]!;
    cell.accounts += 1;
    cell.arr += arr[i]!;
    if (from !== to) {
      changedTier += 1;
      arrChangedTier += arr[i]!;
      const [rf, rt] = [rank.get(from) ?? -1, rank.get(to) ?? -1];
      if (rf >= 0 && rt >= 0) {
        if (rt > rf) up++;
        else down++;
      }
    }
    const delta = (Number.isNaN(b) ? 0 : b) - (Number.isNaN(a) ? 0 : a);
    if (!Number.isNaN(a) || !Number.isNaN(b))
      movers.push({
        index: i,
        before: Number.isNaN(a) ? null : a,
        after: Number.isNaN(b) ? null : b,
        delta,
        fromTier: from,
        toTier: to,
      });
  }
  movers.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.index - y.index);
  return {
    accounts: arr.length,
    changedTier,
    arrChangedTier,
    up,
    down,
    averageBefore: average(before.score),
    averageAfter: average(after.score),
    histogram,
    matrix,
    movers: movers.slice(0, moversShown),
  };
}
