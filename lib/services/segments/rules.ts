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
