import { z } from "zod";

/**
 * The model definition an admin writes (in the builder or as a JSON file). This
 * schema checks shapes; validate.ts checks the rules that span fields (weights
 * totalling 100 %, tiers without gaps, bands without overlaps …).
 */
const finite = z.number().refine(Number.isFinite, "must be a finite number");
const key = z
  .string()
  .trim()
  .min(1, "is required")
  .max(80)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/i, "may hold only letters, digits, '_', '-' and '.'");
const pointRange = { minPoints: finite.optional(), maxPoints: finite.optional() };
const direction = z.enum(["higher", "lower"], { error: "must be 'higher' or 'lower'" });

export const ruleSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("categorical"), options: z.record(z.string().min(1), finite) }),
    z.object({
      type: z.literal("bands"),
      bands: z
        .array(z.object({ from: finite.nullable().default(null), to: finite.nullable().default(null), points: finite }))
        .min(1, "needs at least one band"),
    }),
    z.object({ type: z.literal("linear"), worst: finite, best: finite, ...pointRange }),
    z.object({ type: z.literal("target"), target: finite, direction: direction.default("higher"), ...pointRange }),
    z.object({ type: z.literal("percentile"), direction: direction.default("higher"), ...pointRange }),
    z.object({ type: z.literal("boolean"), true: finite, false: finite }),
  ],
  { error: "must be one of categorical, bands, linear, target, percentile, boolean" },
);

export const missingSchema = z.object({
  policy: z.enum(["exclude", "worst", "neutral", "carry_forward"], {
    error: "must be exclude, worst, neutral or carry_forward",
  }),
  /** Points used by `neutral` (and the target of decay); defaults to the middle of the metric's points. */
  neutral: finite.optional(),
  /** What carry_forward does once the last observation is too old or absent. */
  fallback: z.enum(["exclude", "worst", "neutral"]).default("exclude"),
  /** carry_forward only: points fade linearly toward neutral over this many days after the observation. */
  decayDays: z.number().positive().optional(),
});

export const metricNodeSchema = z.object({
  metric: key,
  name: z.string().trim().min(1).max(120).optional(),
  weight: finite,
  rule: ruleSchema,
  normalize: z.enum(["none", "per_seat", "per_active_user", "per_arr_unit"]).default("none"),
  /** ARR per unit for per_arr_unit, e.g. 1000 → "per $1k of ARR". */
  arrUnit: z.number().positive().default(1000),
  missing: missingSchema.default({ policy: "exclude", fallback: "exclude" }),
  staleAfterDays: z.number().positive().optional(),
});

export interface CategoryNodeInput {
  key: string;
  name: string;
  weight: number;
  metrics?: z.input<typeof metricNodeSchema>[];
  categories?: CategoryNodeInput[];
}

export const categoryNodeSchema: z.ZodType<CategoryNode, CategoryNodeInput> = z.lazy(() =>
  z.object({
    key,
    name: z.string().trim().min(1).max(120),
    weight: finite,
    metrics: z.array(metricNodeSchema).default([]),
    categories: z.array(categoryNodeSchema).default([]),
  }),
);

export const tierSchema = z.object({
  key: key.optional(),
  min: finite,
  /** Optional upper bound; when given, the next tier must start exactly here. */
  max: finite.optional(),
  label: z.string().trim().min(1, "is required").max(60),
  color: z.string().regex(/^#[0-9a-f]{6}$/i, "must be a colour like #2e7d32"),
  letter: z.string().trim().max(3).optional(),
});

export const variantSchema = z.object({
  key,
  name: z.string().trim().min(1).max(120),
  priority: z.number().int("must be a whole number"),
  match: z.object({ segments: z.array(z.string().min(1)).default([]), stages: z.array(z.string().min(1)).default([]) }),
  /** Weights by metric or category key; everything not named is inherited from the base. */
  weights: z.record(z.string(), finite).default({}),
  rules: z.record(z.string(), ruleSchema).default({}),
  missing: z.record(z.string(), missingSchema).default({}),
  staleAfterDays: z.record(z.string(), z.number().positive()).default({}),
  tiers: z.array(tierSchema).optional(),
  minCoverage: z.number().min(0).max(100).optional(),
});

export const modelSchema = z.object({
  name: z.string().trim().max(120).optional(),
  range: z.object({ min: finite, max: finite }),
  /** Percent of the model's weight that must have usable data; below it the tier is "Insufficient data". */
  minCoverage: z.number().min(0, "must be from 0 to 100").max(100, "must be from 0 to 100").default(0),
  metrics: z.array(metricNodeSchema).default([]),
  categories: z.array(categoryNodeSchema).default([]),
  tiers: z.array(tierSchema).min(1, "needs at least one tier"),
  variants: z.array(variantSchema).default([]),
});

export type Rule = z.output<typeof ruleSchema>;
export type MissingConfig = z.output<typeof missingSchema>;
export type MetricNode = z.output<typeof metricNodeSchema>;
export interface CategoryNode {
  key: string;
  name: string;
  weight: number;
  metrics: MetricNode[];
  categories: CategoryNode[];
}
export type Tier = z.output<typeof tierSchema>;
export type Variant = z.output<typeof variantSchema>;
export type ModelDefinition = z.output<typeof modelSchema>;
export type ModelDefinitionInput = z.input<typeof modelSchema>;
