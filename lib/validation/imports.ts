import { z } from "zod";
import { METRIC_COLUMN } from "./metric-column";

export const IMPORT_KINDS = ["accounts", "observations", "outcomes"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The kinds of import as the app names them. */
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  accounts: "Accounts",
  observations: "Metric observations",
  outcomes: "Renewal outcomes",
};

export interface ImportField {
  field: string;
  label: string;
  required: boolean;
  /** Header names that map to this field automatically (lower-case, any of _ - space). */
  aliases: string[];
}

const f = (field: string, label: string, required: boolean, ...aliases: string[]): ImportField => ({
  field,
  label,
  required,
  aliases: [field, ...aliases],
});

/** The fields each kind of import fills; other columns of an accounts file become custom traits. */
export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  accounts: [
    // Aliases include the column names CRM and CS tools export under (account, company, customer, record).
    f("external_id", "Account id", true, "id", "account_id", "account", "customer_id", "company_id", "record_id"),
    f("name", "Name", true, "account_name", "company", "company_name", "customer", "customer_name"),
    f("domain", "Domain", false, "website", "company_domain_name", "domain_name"),
    // Owners by email or name; CRMs export them under these names.
    f(
      "owner_email",
      "Owner",
      false,
      "owner",
      "csm",
      "csm_email",
      "account_owner",
      "account_owner_email",
      "company_owner",
      "customer_success_manager",
      "owner_email_address",
    ),
    f("team", "Team", false, "team_name"),
    // Not "annual revenue": in CRMs that is the customer's own revenue, not what it pays.
    f("arr", "ARR", false, "annual_recurring_revenue", "recurring_revenue"),
    f("seats", "Seats", false, "licenses", "licensed_seats", "seat_count", "license_count", "number_of_seats"),
    f("active_users", "Active users", false, "active_user_count", "monthly_active_users", "mau"),
    f("plan", "Plan", false, "tier", "plan_tier", "plan_name", "subscription_plan", "product_tier"),
    f("region", "Region", false),
    f(
      "start_date",
      "Start date",
      false,
      "customer_since",
      "start",
      "contract_start",
      "contract_start_date",
      "subscription_start_date",
    ),
    f(
      "renewal_date",
      "Renewal date",
      false,
      "renewal",
      "contract_end",
      "contract_end_date",
      "next_renewal_date",
      "subscription_end_date",
    ),
  ],
  observations: [
    f(
      "account_external_id",
      "Account id",
      true,
      "external_id",
      "account_id",
      "account",
      "id",
      "customer_id",
      "company_id",
    ),
    f("metric", "Metric key", true, "metric_key"),
    f("observed_at", "Observed at", true, "date", "timestamp", "time", "observed", "day", "observed_on", "recorded_at"),
    f("value", "Value", true),
  ],
  outcomes: [
    f("account_external_id", "Account id", true, "external_id", "account_id", "account", "id"),
    f("kind", "Outcome", true, "outcome", "type", "opportunity_type", "event", "event_type"),
    f("occurred_on", "Date", true, "date", "occurred", "close_date", "closed_on", "event_date", "churn_date"),
    f("arr_before", "ARR before", false, "previous_arr", "prior_arr", "old_arr"),
    f("arr_after", "ARR after", false, "new_arr"),
    f("note", "Note", false, "notes", "comment"),
  ],
};

/** How an owner's email or name is compared: any case and spacing ("olivia  rossi" is Olivia Rossi). */
export const personKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/** What a name two members share looks up to: an import cannot tell which of them it means. */
export const AMBIGUOUS_MEMBER = "";

/**
 * Members by email and by name, as CRM exports name an account's owner either
 * way; a name two members share maps to AMBIGUOUS_MEMBER.
 */
export function memberLookup(members: { id: string; email: string; name: string }[]): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const m of members) {
    const name = personKey(m.name);
    if (name) lookup.set(name, lookup.has(name) && lookup.get(name) !== m.id ? AMBIGUOUS_MEMBER : m.id);
  }
  // Emails win over a name written the same way.
  for (const m of members) lookup.set(m.email.toLowerCase(), m.id);
  return lookup;
}

/** A column is mapped to a field key, to "trait:<name>" (accounts only), or ignored (""). */
export const mappingSchema = z.record(z.string(), z.string());

export const saveMappingSchema = z.object({
  importId: z.uuid({ error: "is not an import" }),
  mapping: z.string().transform((text, ctx) => {
    try {
      return mappingSchema.parse(JSON.parse(text));
    } catch {
      ctx.addIssue({ code: "custom", message: "is not a valid column mapping" });
      return z.NEVER;
    }
  }),
  /** How to read the file's slash dates; empty when it has none or they tell by themselves. */
  dateOrder: z
    .enum(["dmy", "mdy", ""], { error: "must be day/month/year or month/day/year" })
    .optional()
    .transform((v) => v || null),
});

export const importIdSchema = z.object({ importId: z.uuid({ error: "is not an import" }) });

const normalizeHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

export { METRIC_COLUMN };

/** The metric fields (`metric:<key>`) a mapping gives columns to: non-empty for a wide file. */
export const metricFields = (mapping: Record<string, string>) =>
  Object.values(mapping).filter((target) => target.startsWith(METRIC_COLUMN));

/** A wide observations file's metric fields (one per column mapped to a metric); null for any other file. */
export function wideMetricFields(kind: ImportKind, mapping: Record<string, string>): string[] | null {
  const fields = kind === "observations" ? metricFields(mapping) : [];
  return fields.length ? fields : null;
}

/** What is wrong with mapping some columns to metrics and others to Metric key and Value, if that is done. */
export function mixedObservationLayout(mapping: Record<string, string>): string | null {
  const targets = new Set(Object.values(mapping));
  if (metricFields(mapping).length === 0 || (!targets.has("metric") && !targets.has("value"))) return null;
  return "Map columns either to Metric key and Value (a row per reading) or each to a metric (a column per metric), not both.";
}

/**
 * The mapping a header row suggests: known names to fields; for accounts, the
 * rest to traits; for observations, a column named as a metric (its key or
 * name) to that metric.
 */
export function guessMapping(
  kind: ImportKind,
  headers: string[],
  metrics: { key: string; name: string }[] = [],
): Record<string, string> {
  const fields = IMPORT_FIELDS[kind];
  const used = new Set<string>();
  const mapping: Record<string, string> = {};
  for (const header of headers) {
    const name = normalizeHeader(header);
    const match = fields.find((x) => !used.has(x.field) && x.aliases.some((a) => normalizeHeader(a) === name));
    const metric =
      kind === "observations" && !match
        ? metrics.find((m) => normalizeHeader(m.key) === name || normalizeHeader(m.name) === name)
        : undefined;
    const target = match?.field ?? (metric ? `${METRIC_COLUMN}${metric.key}` : "");
    if (target && !used.has(target)) {
      used.add(target);
      mapping[header] = target;
    } else mapping[header] = kind === "accounts" && name ? `trait:${name}` : "";
  }
  // A file with Metric key and Value columns has a row per reading: a column that happens to be named as a metric
  // is not one of its values.
  if (mixedObservationLayout(mapping))
    for (const [header, target] of Object.entries(mapping)) if (target.startsWith(METRIC_COLUMN)) mapping[header] = "";
  return mapping;
}

/** Required fields no column is mapped to. */
export function missingRequiredFields(kind: ImportKind, mapping: Record<string, string>): ImportField[] {
  const mapped = new Set(Object.values(mapping));
  // A wide file's metric columns stand in for Metric key and Value.
  const wide = kind === "observations" && metricFields(mapping).length > 0;
  return IMPORT_FIELDS[kind].filter(
    (x) => x.required && !mapped.has(x.field) && !(wide && (x.field === "metric" || x.field === "value")),
  );
}
