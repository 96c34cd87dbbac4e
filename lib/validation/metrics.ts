import { z } from "zod";

export const METRIC_CATEGORIES = [
  "usage",
  "engagement",
  "support",
  "financial",
  "sentiment",
  "nps",
  "fit",
  "external",
] as const;
export const METRIC_VALUE_TYPES = ["number", "boolean", "categorical", "percent"] as const;
export const METRIC_DIRECTIONS = ["higher_is_better", "lower_is_better", "neutral"] as const;
export const METRIC_NORMALIZATIONS = ["none", "per_seat", "per_active_user", "per_arr_unit"] as const;
/** How a normalisation reads in the catalogue and the builder. */
export const NORMALIZATION_LABELS: Record<(typeof METRIC_NORMALIZATIONS)[number], string> = {
  none: "As reported",
  per_seat: "Per seat",
  per_active_user: "Per active user",
  per_arr_unit: "Per unit of ARR",
};
export const METRIC_SOURCES = ["import", "api", "manual", "computed"] as const;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A metric definition as the catalogue form sends it. */
export const metricFormSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,62}$/, "Use 2–63 lowercase letters, digits and underscores, starting with a letter"),
    name: z.string().trim().min(2, "Name the metric (at least 2 characters)").max(120),
    description: z.preprocess(blank, z.string().trim().max(500).optional()),
    category: z.enum(METRIC_CATEGORIES, { error: "Choose a category" }),
    valueType: z.enum(METRIC_VALUE_TYPES, { error: "Choose a value type" }),
    unit: z.preprocess(blank, z.string().trim().max(30).optional()),
    direction: z.enum(METRIC_DIRECTIONS, { error: "Choose a direction" }),
    normalization: z.enum(METRIC_NORMALIZATIONS, { error: "Choose a normalisation" }),
    stalenessDays: z.preprocess(
      blank,
      z.coerce
        .number({ error: "Staleness must be a number of days" })
        .int("Staleness must be whole days")
        .min(1, "Staleness must be from 1 to 3650 days")
        .max(3650, "Staleness must be from 1 to 3650 days")
        .optional(),
    ),
    source: z.enum(METRIC_SOURCES, { error: "Choose a source" }),
    /** Categorical options, best first, one per line or comma-separated. */
    options: z.preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .split(/[\n,]/)
              .map((o) => o.trim())
              .filter(Boolean)
          : (v ?? []),
      z.array(z.string().max(60, "Each option is at most 60 characters")).max(20, "At most 20 options"),
    ),
  })
  .superRefine((m, ctx) => {
    if (m.valueType === "categorical" && m.options.length < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "A categorical metric needs at least two options" });
    if (m.valueType !== "categorical" && m.options.length > 0)
      ctx.addIssue({ code: "custom", path: ["options"], message: "Only categorical metrics have options" });
    if (new Set(m.options.map((o) => o.toLowerCase())).size !== m.options.length)
      ctx.addIssue({ code: "custom", path: ["options"], message: "Options must be different" });
  });
export type MetricForm = z.output<typeof metricFormSchema>;
