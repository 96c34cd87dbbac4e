import type { TierInfo } from "../scoring";

/** Rows as the dashboards' queries return them (see lib/db/dashboards.ts). */
export interface DistributionInput {
  tierKey: string;
  bucket: number | null;
  accounts: number;
  scored: number;
  scoreSum: number;
  coverageSum: number;
  arr: number;
}

export interface PortfolioSummary {
  accounts: number;
  /** Mean of the scored accounts; null when none has a score. */
  averageScore: number | null;
  totalArr: number;
  /** ARR of accounts in the lowest tier. */
  arrAtRisk: number;
  accountsAtRisk: number;
  /** Mean coverage, 0–1; null without accounts. */
  averageCoverage: number | null;
  tiers: (TierInfo & { accounts: number; arr: number })[];
}

/** Headline figures and the tier breakdown (every tier of the model, in order, zeros included). */
export function summarize(rows: DistributionInput[], tiers: TierInfo[]): PortfolioSummary {
  const sum = (pick: (r: DistributionInput) => number, of = rows) => of.reduce((s, r) => s + pick(r), 0);
  const accounts = sum((r) => r.accounts);
  const scored = sum((r) => r.scored);
  const lowest = tiers[0]?.key;
  const atRisk = rows.filter((r) => r.tierKey === lowest);
  const known = new Set(tiers.map((t) => t.key));
  const extra = [...new Set(rows.map((r) => r.tierKey).filter((k) => !known.has(k)))].map((key): TierInfo => ({
    key,
    label: key.replace(/_/g, " "),
    color: "#667085",
    letter: null,
  }));
  return {
    accounts,
    averageScore: scored ? sum((r) => r.scoreSum) / scored : null,
    totalArr: sum((r) => r.arr),
    arrAtRisk: sum((r) => r.arr, atRisk),
    accountsAtRisk: sum((r) => r.accounts, atRisk),
    averageCoverage: accounts ? sum((r) => r.coverageSum) / accounts : null,
    tiers: [...tiers, ...extra].map((t) => {
      const of = rows.filter((r) => r.tierKey === t.key);
      return { ...t, accounts: sum((r) => r.accounts, of), arr: sum((r) => r.arr, of) };
    }),
  };
}

export interface Histogram {
  /** Bucket labels such as "40–45". */
  labels: string[];
  /** One stacked series per tier with scored accounts. */
  series: { key: string; label: string; color: string; counts: number[] }[];
}

const formatEdge = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** The score histogram over the scorecard's range, stacked by tier. */
export function histogram(
  rows: DistributionInput[],
  tiers: TierInfo[],
  range: { min: number; max: number },
  buckets: number,
): Histogram {
  const width = (range.max - range.min) / buckets;
  const labels = Array.from(
    { length: buckets },
    (_, i) => `${formatEdge(range.min + i * width)}–${formatEdge(range.min + (i + 1) * width)}`,
  );
  const series = tiers
    .map((t) => {
      const counts = new Array<number>(buckets).fill(0);
      for (const r of rows)
        if (r.tierKey === t.key && r.bucket !== null) counts[r.bucket] = (counts[r.bucket] ?? 0) + r.accounts;
      return { key: t.key, label: t.label, color: t.color, counts };
    })
    .filter((s) => s.counts.some((c) => c > 0));
  return { labels, series };
}

export interface TrendInput {
  day: string;
  tierKey: string;
  accounts: number;
  scoreSum: number;
  arr: number;
}

export interface TrendSeries {
  days: string[];
  /** Mean score of scored accounts per day; null on days without any. */
  average: (number | null)[];
  /** Per tier, its share of accounts (0–100) per day. */
  tierShare: { key: string; label: string; color: string; values: number[] }[];
}

/**
 * The average-score line and the tier mix over `days` (in order). Accounts with
 * "Insufficient data" have no score: they count in the mix, not in the average.
 */
export function trendSeries(rows: TrendInput[], days: string[], tiers: TierInfo[], unscoredTier: string): TrendSeries {
  const byDay = new Map<string, TrendInput[]>();
  for (const r of rows) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
  const average = days.map((d) => {
    const of = (byDay.get(d) ?? []).filter((r) => r.tierKey !== unscoredTier);
    const n = of.reduce((s, r) => s + r.accounts, 0);
    return n ? of.reduce((s, r) => s + r.scoreSum, 0) / n : null;
  });
  const tierShare = tiers.map((t) => ({
    key: t.key,
    label: t.label,
    color: t.color,
    values: days.map((d) => {
      const of = byDay.get(d) ?? [];
      const total = of.reduce((s, r) => s + r.accounts, 0);
      const mine = of.filter((r) => r.tierKey === t.key).reduce((s, r) => s + r.accounts, 0);
      return total ? (100 * mine) / total : 0;
    }),
  }));
  return { days, average, tierShare: tierShare.filter((t) => t.values.some((v) => v > 0)) };
}

/** The days `to − (n−1)·step` … `to`, as ISO dates, oldest first. */
export function dayRange(to: string, count: number, step = 1): string[] {
  const end = Date.parse(`${to}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(end - (count - 1 - i) * step * 86_400_000).toISOString().slice(0, 10),
  );
}

export interface MovementInput {
  fromTier: string;
  toTier: string;
  accounts: number;
  arr: number;
}

export interface MovementMatrix {
  /** Rows and columns: the tiers, then "none" (not scored that day) when anyone is there. */
  /** rank: position among the scored tiers, lowest first; null for "Insufficient data" and "none". */
  tiers: { key: string; label: string; color: string; rank: number | null }[];
  cells: { accounts: number; arr: number }[][];
  /** Accounts whose tier is better, the same or worse (both days scored; insufficient data excluded). */
  up: number;
  same: number;
  down: number;
  arrDown: number;
}

/** The from-tier × to-tier matrix between two days; tiers are ordered lowest first. */
export function movementMatrix(rows: MovementInput[], tiers: TierInfo[], unscoredTier: string): MovementMatrix {
  const none = { key: "none", label: "Not scored", color: "#d0d5dd" };
  const axis = [...tiers, none].filter(
    (t) => tiers.includes(t as TierInfo) || rows.some((r) => r.fromTier === t.key || r.toTier === t.key),
  );
  const index = new Map(axis.map((t, i) => [t.key, i]));
  const cells = axis.map(() => axis.map(() => ({ accounts: 0, arr: 0 })));
  const rank = new Map(tiers.filter((t) => t.key !== unscoredTier).map((t, i) => [t.key, i]));
  let up = 0;
  let same = 0;
  let down = 0;
  let arrDown = 0;
  for (const r of rows) {
    const i = index.get(r.fromTier);
    const j = index.get(r.toTier);
    if (i === undefined || j === undefined) continue;
    cells[i]![j]!.accounts += r.accounts;
    cells[i]![j]!.arr += r.arr;
    const a = rank.get(r.fromTier);
    const b = rank.get(r.toTier);
    if (a === undefined || b === undefined) continue;
    if (b > a) up += r.accounts;
    else if (b < a) {
      down += r.accounts;
      arrDown += r.arr;
    } else same += r.accounts;
  }
  return {
    tiers: axis.map(({ key, label, color }) => ({ key, label, color, rank: rank.get(key) ?? null })),
    cells,
    up,
    same,
    down,
    arrDown,
  };
}

export interface BookInput {
  ownerId: string | null;
  owner: string | null;
  accounts: number;
  scored: number;
  scoreSum: number;
  arr: number;
  atRiskArr: number;
  atRiskAccounts: number;
  delta30Sum: number;
  withDelta30: number;
}

export interface BookComparison {
  ownerId: string | null;
  owner: string;
  accounts: number;
  averageScore: number | null;
  /** Mean 30-day change of the book's accounts; null when none has 30 days of history. */
  averageChange30: number | null;
  arr: number;
  atRiskArr: number;
  /** Share of the book's accounts in the lowest tier, 0–100. */
  atRiskShare: number;
}

/** CSMs' books side by side, the most deteriorated (largest average 30-day fall) first. */
export function compareBooks(rows: BookInput[]): BookComparison[] {
  return rows
    .map((r) => ({
      ownerId: r.ownerId,
      owner: r.owner ?? "Unassigned",
      accounts: r.accounts,
      averageScore: r.scored ? r.scoreSum / r.scored : null,
      averageChange30: r.withDelta30 ? r.delta30Sum / r.withDelta30 : null,
      arr: r.arr,
      atRiskArr: r.atRiskArr,
      atRiskShare: r.accounts ? (100 * r.atRiskAccounts) / r.accounts : 0,
    }))
    .sort(
      (a, b) => (a.averageChange30 ?? Infinity) - (b.averageChange30 ?? Infinity) || a.owner.localeCompare(b.owner),
    );
}
