import { z } from "zod";

export const ACCOUNT_SORTS = ["name", "score", "arr", "seats", "renewalDate", "startDate", "plan"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.uuid({ error: "is not a valid id" }).optional());

/** The accounts table's state, as it lives in the URL. Bad values fall back to defaults. */
export const accountListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  segment: optionalId.catch(undefined),
  stage: optionalId.catch(undefined),
  owner: z
    .union([z.literal("none"), z.uuid()])
    .optional()
    .catch(undefined),
  team: optionalId.catch(undefined),
  sort: z.enum(ACCOUNT_SORTS).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  size: z.coerce
    .number()
    .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(25)
    .default(25),
});

export type AccountListQuery = z.infer<typeof accountListQuerySchema>;

/** The accounts list's columns a user may hide, in their order; the account's name always shows. */
export const ACCOUNT_COLUMNS = [
  { id: "score", label: "Score" },
  { id: "tier", label: "Tier" },
  { id: "arr", label: "ARR" },
  { id: "seats", label: "Seats" },
  { id: "plan", label: "Plan" },
  { id: "segments", label: "Segment" },
  { id: "stage", label: "Stage" },
  { id: "owner", label: "Owner" },
  { id: "team", label: "Team" },
  { id: "renewalDate", label: "Renewal" },
] as const;

/** The cookie that remembers, in this browser, which of the accounts list's columns its user hid. */
export const HIDDEN_ACCOUNT_COLUMNS_COOKIE = "pb-accounts-hidden";

const columnIds: readonly string[] = ACCOUNT_COLUMNS.map((c) => c.id);

/** The hidden columns a cookie names (comma-separated): unknown or repeated names are dropped, as is a bad cookie. */
export const hiddenColumnsSchema = z
  .string()
  .max(500)
  .transform((text) => [...new Set(text.split(",").filter((id) => columnIds.includes(id)))])
  .catch([]);
