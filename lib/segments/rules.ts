/**
 * Segment and lifecycle-stage rules: `{ all: [...] }` or `{ any: [...] }` of
 * conditions `{ field, op, value }` (nesting allowed) on account fields — arr,
 * seats, activeUsers, plan, region, tenureDays, daysToRenewal — or `traits.<name>`.
 */
export type Condition = {
  field: string;
  op: "eq" | "neq" | "gt" | "gte" | "lt" | "lte" | "in" | "contains";
  value: unknown;
};
export type Rule = { all: (Rule | Condition)[] } | { any: (Rule | Condition)[] };

export interface RuleAccount {
  arr: number;
  seats: number | null;
  activeUsers: number | null;
  plan: string | null;
  region: string | null;
  startDate: Date | null;
  renewalDate: Date | null;
  traits: Record<string, unknown>;
}

const DAY = 86_400_000;

function fieldValue(account: RuleAccount, field: string, today: Date): unknown {
  if (field.startsWith("traits.")) return account.traits[field.slice(7)];
  switch (field) {
    case "tenureDays":
      return account.startDate ? Math.floor((today.getTime() - account.startDate.getTime()) / DAY) : null;
    case "daysToRenewal":
      return account.renewalDate ? Math.floor((account.renewalDate.getTime() - today.getTime()) / DAY) : null;
    default:
      return (account as unknown as Record<string, unknown>)[field] ?? null;
  }
}

function test(c: Condition, actual: unknown): boolean {
  if (actual === null || actual === undefined) return false;
  const a = typeof actual === "string" ? actual.toLowerCase() : actual;
  const v = typeof c.value === "string" ? c.value.toLowerCase() : c.value;
  switch (c.op) {
    case "eq":
      return a === v;
    case "neq":
      return a !== v;
    case "gt":
      return (a as number) > (v as number);
    case "gte":
      return (a as number) >= (v as number);
    case "lt":
      return (a as number) < (v as number);
    case "lte":
      return (a as number) <= (v as number);
    case "in":
      return Array.isArray(c.value) && c.value.map((x) => (typeof x === "string" ? x.toLowerCase() : x)).includes(a);
    case "contains":
      return typeof a === "string" && typeof v === "string" && a.includes(v);
  }
}

/** Whether the account satisfies the rule as of `today`. A missing rule matches everything. */
export function matchesRule(rule: unknown, account: RuleAccount, today: Date): boolean {
  if (rule === null || rule === undefined) return true;
  const r = rule as Partial<{ all: unknown[]; any: unknown[] }> & Condition;
  if (Array.isArray(r.all)) return r.all.every((x) => matchesRule(x, account, today));
  if (Array.isArray(r.any)) return r.any.some((x) => matchesRule(x, account, today));
  return test(r, fieldValue(account, r.field, today));
}

/** Fields a rule can test, with how their values are read (traits are free-form: `traits.<name>`). */
export const RULE_FIELDS = {
  arr: { label: "ARR", numeric: true },
  seats: { label: "Seats", numeric: true },
  activeUsers: { label: "Active users", numeric: true },
  tenureDays: { label: "Days as a customer", numeric: true },
  daysToRenewal: { label: "Days to renewal", numeric: true },
  plan: { label: "Plan", numeric: false },
  region: { label: "Region", numeric: false },
} as const;

export const RULE_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "in", "contains"] as const;

const OP_TEXT: Record<Condition["op"], string> = {
  eq: "=",
  neq: "≠",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
  in: "is one of",
  contains: "contains",
};

export const OP_LABELS = OP_TEXT;

export const fieldLabel = (field: string) =>
  (RULE_FIELDS as Record<string, { label: string }>)[field]?.label ?? field.replace(/^traits\./, "trait ");

/** How a rule's numbers are written: by field (the app writes ARR as money). */
export type RuleFigure = (field: string, value: number) => string;

/** A rule in words: "ARR ≥ $100,000 and Plan = pro" (numbers by `figure`); null rule → null. */
export function describeRule(rule: unknown, figure: RuleFigure = (_, value) => String(value)): string | null {
  if (rule === null || rule === undefined) return null;
  const r = rule as Partial<{ all: unknown[]; any: unknown[] }> & Condition;
  const group = (parts: unknown[], word: string) =>
    parts
      .map((p) =>
        ((p as Record<string, unknown>).all ?? (p as Record<string, unknown>).any)
          ? `(${describeRule(p, figure)})`
          : describeRule(p, figure),
      )
      .join(` ${word} `);
  if (Array.isArray(r.all)) return group(r.all, "and");
  if (Array.isArray(r.any)) return group(r.any, "or");
  const value = Array.isArray(r.value)
    ? r.value.join(", ")
    : typeof r.value === "number"
      ? figure(r.field, r.value)
      : String(r.value);
  return `${fieldLabel(r.field)} ${OP_TEXT[r.op]} ${value}`;
}

/** A stored rule as the builder edits it: all / any of plain conditions (null when it has nested groups). */
export function flatRule(rule: unknown): { combinator: "all" | "any"; conditions: Condition[] } | null {
  const r = rule as Partial<{ all: unknown[]; any: unknown[] }> | null;
  const list = r?.all ?? r?.any;
  if (!Array.isArray(list) || list.some((c) => !(c as Condition).field)) return null;
  return { combinator: r?.all ? "all" : "any", conditions: list as Condition[] };
}
