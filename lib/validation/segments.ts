import { z } from "zod";
import { RULE_FIELDS, RULE_OPS } from "../segments/rules";

const field = z
  .string()
  .trim()
  .refine((f) => f in RULE_FIELDS || /^traits\.[A-Za-z0-9_ -]{1,60}$/.test(f), "Choose a field, or traits.<name>");

/** One condition as the rule builder sends it; values are typed by the field and operator. */
const conditionSchema = z
  .object({
    field,
    op: z.enum(RULE_OPS, { error: "Choose an operator" }),
    value: z.string().trim().min(1, "Give a value"),
  })
  .transform((c, ctx) => {
    const numeric = (RULE_FIELDS as Record<string, { numeric: boolean }>)[c.field]?.numeric ?? false;
    const parse = (v: string) => {
      if (!numeric) return Number.isFinite(Number(v)) && c.field.startsWith("traits.") && v !== "" ? Number(v) : v;
      const n = Number(v.replace(/[, _]/g, ""));
      if (!Number.isFinite(n)) ctx.addIssue({ code: "custom", message: `"${v}" is not a number` });
      return n;
    };
    if (numeric && c.op === "contains") ctx.addIssue({ code: "custom", message: "“contains” works on text fields" });
    const value =
      c.op === "in"
        ? c.value
            .split(",")
            .map((v) => parse(v.trim()))
            .filter((v) => v !== "")
        : parse(c.value);
    return { field: c.field, op: c.op, value };
  });

/** The builder's rule: all / any of its conditions; stored as `{ all: [...] }` or `{ any: [...] }`. */
export const ruleTreeSchema = z
  .object({
    combinator: z.enum(["all", "any"]),
    conditions: z.array(conditionSchema).min(1, "Add at least one condition"),
  })
  .transform((r) => (r.combinator === "all" ? { all: r.conditions } : { any: r.conditions }));

const jsonRule = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  if (v.trim() === "") return null;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}, ruleTreeSchema.nullable());

const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{1,62}$/, "Use 2–63 lowercase letters, digits, - and _, starting with a letter");

export const segmentFormSchema = z.object({
  key,
  name: z.string().trim().min(2, "Name it (at least 2 characters)").max(120),
  description: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(500).optional()),
  /** Null: a hand-kept segment (members added by hand). */
  rule: jsonRule,
});
export type SegmentForm = z.output<typeof segmentFormSchema>;

export const stageFormSchema = z.object({
  key,
  name: z.string().trim().min(2, "Name it (at least 2 characters)").max(120),
  /** Null: the stage is only assigned by hand (or catches every account that reaches it). */
  rule: jsonRule,
});
export type StageForm = z.output<typeof stageFormSchema>;

export const rulePreviewSchema = z.object({ rule: jsonRule });
