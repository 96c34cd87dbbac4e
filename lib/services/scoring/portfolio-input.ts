import { loadMetricKeys, loadPortfolioAccounts, readCurrentValuesInto } from "../../db/scoring-inputs";
import type { PortfolioAccounts } from "../../db/scoring-inputs";
import type { PortfolioInput } from "../../scoring";

/** An empty portfolio for `accounts` (every value missing), with metric columns in `metricKeys` order. */
export function emptyPortfolio(accounts: PortfolioAccounts, metricKeys: string[]): PortfolioInput {
  const cells = accounts.ids.length * metricKeys.length;
  return {
    count: accounts.ids.length,
    metricKeys,
    values: new Float64Array(cells).fill(NaN),
    texts: new Array<string | null>(cells).fill(null),
    observedAt: new Float64Array(cells).fill(NaN),
    seats: accounts.seats,
    activeUsers: accounts.activeUsers,
    arr: accounts.arr,
    segments: accounts.segments,
    stages: accounts.stages,
  };
}

/** Keeps only the accounts at `keep` indices, in order. */
export function selectAccounts(accounts: PortfolioAccounts, keep: number[]): PortfolioAccounts {
  const pick = (col: Float64Array) => Float64Array.from(keep, (i) => col[i]!);
  return {
    ids: keep.map((i) => accounts.ids[i]!),
    seats: pick(accounts.seats),
    activeUsers: pick(accounts.activeUsers),
    arr: pick(accounts.arr),
    segments: keep.map((i) => accounts.segments[i]!),
    stages: keep.map((i) => accounts.stages[i]!),
    churnedAt: pick(accounts.churnedAt),
    startedAt: pick(accounts.startedAt),
  };
}

/** A portfolio of only the accounts at `keep` (their cells copied), e.g. the customers of one day. */
export function subPortfolio(p: PortfolioInput, keep: number[]): PortfolioInput {
  const width = p.metricKeys.length;
  const values = new Float64Array(keep.length * width);
  const observedAt = new Float64Array(keep.length * width);
  const texts = new Array<string | null>(keep.length * width);
  keep.forEach((a, row) => {
    values.set(p.values.subarray(a * width, (a + 1) * width), row * width);
    observedAt.set(p.observedAt.subarray(a * width, (a + 1) * width), row * width);
    for (let j = 0; j < width; j++) texts[row * width + j] = p.texts[a * width + j] ?? null;
  });
  const pick = (col: Float64Array) => Float64Array.from(keep, (a) => col[a]!);
  return {
    count: keep.length,
    metricKeys: p.metricKeys,
    values,
    texts,
    observedAt,
    seats: pick(p.seats),
    activeUsers: pick(p.activeUsers),
    arr: pick(p.arr),
    segments: keep.map((a) => p.segments[a]!),
    stages: keep.map((a) => p.stages[a]!),
  };
}

/**
 * The organisation's active accounts (or only `accountIds`) with their current
 * metric values, as the engine's input: what a recompute scores.
 */
export async function loadActivePortfolio(organizationId: string, accountIds?: string[]) {
  const [all, metricKeyById] = await Promise.all([
    loadPortfolioAccounts(organizationId, accountIds),
    loadMetricKeys(organizationId),
  ]);
  const active = all.ids.flatMap((_, i) => (Number.isNaN(all.churnedAt[i]!) ? [i] : []));
  const accounts = selectAccounts(all, active);
  const portfolio = emptyPortfolio(accounts, [...new Set(metricKeyById.values())].sort());
  const column = new Map(portfolio.metricKeys.map((k, j) => [k, j]));
  const columnOf = new Map([...metricKeyById].map(([id, key]) => [id, column.get(key)!]));
  await readCurrentValuesInto(organizationId, accounts.ids, columnOf, {
    width: portfolio.metricKeys.length,
    values: portfolio.values,
    observedAt: portfolio.observedAt,
    texts: portfolio.texts,
  });
  return { accounts, portfolio };
}
