import { z } from "zod";

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
    f("owner_email", "Owner email", false, "owner", "csm", "csm_email", "account_owner_email", "owner_email_address"),
    f("team", "Team", false, "team_name"),
    f("arr", "ARR", false, "annual_recurring_revenue"),
    f("seats", "Seats", false, "licenses", "licensed_seats"),
    f("active_users", "Active users", false),
    f("plan", "Plan", false, "tier"),
    f("region", "Region", false),
    f("start_date", "Start date", false, "customer_since", "start", "contract_start_date"),
    f("renewal_date", "Renewal date", false, "renewal", "contract_end_date", "next_renewal_date"),
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
    f("kind", "Outcome", true, "outcome", "type"),
    f("occurred_on", "Date", true, "date", "occurred"),
    f("arr_before", "ARR before", false),
    f("arr_after", "ARR after", false),
    f("note", "Note", false, "notes", "comment"),
  ],
};

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

/** The mapping a header row suggests: known names to fields; for accounts, the rest to traits. */
export function guessMapping(kind: ImportKind, headers: string[]): Record<string, string> {
  const fields = IMPORT_FIELDS[kind];
  const used = new Set<string>();
  const mapping: Record<string, string> = {};
  for (const header of headers) {
    const name = normalizeHeader(header);
    const match = fields.find((x) => !used.has(x.field) && x.aliases.some((a) => normalizeHeader(a) === name));
    if (match) {
      used.add(match.field);
      mapping[header] = match.field;
    } else mapping[header] = kind === "accounts" && name ? `trait:${name}` : "";
  }
  return mapping;
}

/** Required fields no column is mapped to. */
export function missingRequiredFields(kind: ImportKind, mapping: Record<string, string>): ImportField[] {
  const mapped = new Set(Object.values(mapping));
  return IMPORT_FIELDS[kind].filter((x) => x.required && !mapped.has(x.field));
}
