import { z } from "zod";

export const TREND_RANGES = [30, 90, 180, 365] as const;
export const AT_RISK_SORTS = ["priority", "score", "delta30", "arr", "renewalDate", "coverage", "name"] as const;
export const AT_RISK_PAGE_SIZES = [25, 50, 100] as const;

const id = z.uuid().optional().catch(undefined);
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** Filters every dashboard shares, as they live in the URL (bad values fall back to none). */
export const portfolioFiltersSchema = z.object({
  scorecard: id,
  segment: id,
  team: id,
  owner: z
    .union([z.literal("none"), z.uuid()])
    .optional()
    .catch(undefined),
  stage: id,
});

export const overviewQuerySchema = portfolioFiltersSchema.extend({
  range: z.coerce
    .number()
    .refine((n): n is (typeof TREND_RANGES)[number] => (TREND_RANGES as readonly number[]).includes(n))
    .catch(90)
    .default(90),
  from: isoDay,
  to: isoDay,
});

export const movementQuerySchema = portfolioFiltersSchema.extend({
  from: isoDay,
  to: isoDay,
  fromTier: z.string().max(60).optional().catch(undefined),
  toTier: z.string().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export const atRiskQuerySchema = portfolioFiltersSchema.extend({
  tier: z.string().max(60).optional().catch(undefined),
  sort: z.enum(AT_RISK_SORTS).catch("priority").default("priority"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  size: z.coerce
    .number()
    .refine((n): n is (typeof AT_RISK_PAGE_SIZES)[number] => (AT_RISK_PAGE_SIZES as readonly number[]).includes(n))
    .catch(25)
    .default(25),
});

export const accountStoryQuerySchema = z.object({
  scorecard: id,
  range: overviewQuerySchema.shape.range,
  from: isoDay,
  to: isoDay,
});

export type PortfolioFilters = Omit<z.infer<typeof portfolioFiltersSchema>, "scorecard">;
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;
export type MovementQuery = z.infer<typeof movementQuerySchema>;
export type AtRiskQuery = z.infer<typeof atRiskQuerySchema>;
export type AccountStoryQuery = z.infer<typeof accountStoryQuerySchema>;
