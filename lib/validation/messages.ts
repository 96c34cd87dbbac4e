import type { z } from "zod";

/** What a value of each JSON type is called in a message. */
const KINDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  null: "null",
  date: "a date",
};

const FORMATS: Record<string, string> = {
  uuid: "an id",
  email: "an email address",
  url: "a web address",
  date: "a date like 2026-01-31",
  datetime: "a time like 2026-01-31T09:30:00Z",
};

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return KINDS[typeof value] ?? typeof value;
}

const kind = (expected: string | undefined) => (expected && KINDS[expected]) ?? expected ?? "something else";

/** What a union's options accept, from the first issue of each option: "a number, text or true or false". */
function unionKinds(errors: z.core.$ZodIssue[][]): string {
  const kinds = [
    ...new Set(errors.map((e) => (e[0]?.code === "invalid_type" ? kind(e[0].expected) : "something else"))),
  ];
  return kinds.length > 1 ? `${kinds.slice(0, -1).join(", ")} or ${kinds.at(-1)}` : (kinds[0] ?? "something else");
}

/** A length bound of text or a list ("3 characters", "1 item"); null for a number's bound. */
function length(origin: string, bound: number): string | null {
  const unit = origin === "string" ? "character" : origin === "array" || origin === "set" ? "item" : null;
  return unit && `${bound} ${unit}${bound === 1 ? "" : "s"}`;
}

/**
 * Plain-language messages for zod's own issues, as users read them next to a
 * field ("must be a number, not text", "is required", "must be at most 1000");
 * passed to safeParse, so messages a schema words itself take precedence.
 * Undefined leaves zod's default.
 */
export const plainIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      // A query parameter coerced to a number arrives as NaN: its text is gone.
      if (Number.isNaN(issue.input)) return `must be ${kind(issue.expected)}`;
      return `must be ${kind(issue.expected)}, not ${kindOf(issue.input)}`;
    case "invalid_union":
      return `must be ${unionKinds(issue.errors)}`;
    case "too_big": {
      const max = Number(issue.maximum);
      const most = length(issue.origin, max);
      return most ? `must have at most ${most}` : `must be ${issue.inclusive ? "at most" : "less than"} ${max}`;
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string" && min === 1) return "must not be empty";
      const least = length(issue.origin, min);
      return least ? `must have at least ${least}` : `must be ${issue.inclusive ? "at least" : "more than"} ${min}`;
    }
    case "invalid_format":
      return `must be ${FORMATS[issue.format] ?? `in the format ${issue.format}`}`;
    case "invalid_value":
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return `has unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.join(", ")}`;
    default:
      return undefined;
  }
};
