import { z } from "zod";

/**
 * The at-risk ranking. Every account gets a priority from 0 to 100:
 *
 *   priority = 100 × risk × ((1 − revenue − urgency) + revenue × arrRank + urgency × renewalUrgency)
 *
 * - risk (0–1) mixes three signals by the risk weights: how low the score sits in
 *   the scorecard's range (an unscored account counts as halfway), how fast it fell
 *   over 30 days (a fall of a fifth of the range or more is full risk), and how much
 *   of the model lacks data (1 − coverage).
 * - arrRank (0–1) is the account's ARR percentile among the scorecard's accounts.
 * - renewalUrgency (0–1) is 1 within 30 days of renewal, 0 from 180 days out (or
 *   with no renewal ahead), linear in between.
 *
 * Risk multiplies everything: a large healthy account renewing tomorrow is not at
 * risk. Revenue and urgency only reorder accounts that are at risk; their weights
 * say how much (0 = ignore, together at most 1).
 */
export interface PriorityWeights {
  score: number;
  trend: number;
  coverage: number;
  revenue: number;
  urgency: number;
}

export const DEFAULT_PRIORITY_WEIGHTS: PriorityWeights = {
  score: 0.6,
  trend: 0.25,
  coverage: 0.15,
  revenue: 0.3,
  urgency: 0.3,
};

const share = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .min(0, `${label} must be from 0 to 1`)
    .max(1, `${label} must be from 0 to 1`);

export const priorityWeightsSchema = z
  .object({
    score: share("Low score"),
    trend: share("Falling trend"),
    coverage: share("Missing data"),
    revenue: share("Revenue"),
    urgency: share("Renewal urgency"),
  })
  .refine((w) => w.score + w.trend + w.coverage > 0, {
    path: ["score"],
    message: "At least one risk weight must be above 0",
  })
  .refine((w) => w.revenue + w.urgency <= 1, {
    path: ["revenue"],
    message: "Revenue and renewal urgency together may be at most 1",
  });

/** Reads stored weights, falling back to the defaults for anything missing or invalid. */
export function readPriorityWeights(stored: unknown): PriorityWeights {
  const parsed = priorityWeightsSchema.safeParse({ ...DEFAULT_PRIORITY_WEIGHTS, ...(stored as object) });
  return parsed.success ? parsed.data : DEFAULT_PRIORITY_WEIGHTS;
}

export interface PriorityInput {
  score: number | null;
  delta30: number | null;
  /** 0–1. */
  coverage: number;
  /** 0–1 percentile of ARR. */
  arrRank: number;
  /** Days until renewal; null when unknown. */
  daysToRenewal: number | null;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export function renewalUrgency(days: number | null): number {
  if (days === null || days < 0) return 0;
  return clamp01((180 - days) / 150);
}

export function riskOf(input: PriorityInput, range: { min: number; max: number }, w: PriorityWeights): number {
  const span = range.max - range.min;
  const low = input.score === null ? 0.5 : clamp01((range.max - input.score) / span);
  const falling = clamp01(-(input.delta30 ?? 0) / (0.2 * span));
  const missing = clamp01(1 - input.coverage);
  return (w.score * low + w.trend * falling + w.coverage * missing) / (w.score + w.trend + w.coverage);
}

export function priorityOf(input: PriorityInput, range: { min: number; max: number }, w: PriorityWeights): number {
  const weight =
    1 - w.revenue - w.urgency + w.revenue * input.arrRank + w.urgency * renewalUrgency(input.daysToRenewal);
  return 100 * riskOf(input, range, w) * weight;
}
