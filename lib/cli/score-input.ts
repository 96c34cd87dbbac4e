import { z } from "zod";
import { parseCsv as readCsvRecords } from "../csv-reader";
import type { AccountInput, CompiledModel, MetricInput } from "../scoring";

/** An input problem, worded for the person who wrote the file. */
export class InputError extends Error {}

const metricValue = z.union([z.number(), z.boolean(), z.string(), z.null()]);
const accountSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  segments: z.array(z.string()).default([]),
  stage: z.string().nullable().optional(),
  seats: z.number().nonnegative().nullable().optional(),
  activeUsers: z.number().nonnegative().nullable().optional(),
  arr: z.number().nonnegative().nullable().optional(),
  values: z.record(
    z.string(),
    z.union([metricValue, z.object({ value: metricValue, observedAt: z.string().nullable().optional() })]),
  ),
});
const jsonInputSchema = z.union([
  z.array(accountSchema),
  z.object({ asOf: z.string().optional(), accounts: z.array(accountSchema) }),
]);

export interface ParsedInput {
  accounts: AccountInput[];
  asOf?: string;
}

const FIELD_COLUMNS = new Set([
  "id",
  "account",
  "name",
  "segments",
  "segment",
  "stage",
  "seats",
  "active_users",
  "arr",
]);

/** Reads accounts from JSON (`{ asOf?, accounts: [...] }` or an array) or CSV. */
export function parseScoreInput(text: string, format: "json" | "csv", metricKeys: Set<string>): ParsedInput {
  return format === "json" ? parseJson(text, metricKeys) : parseCsv(text, metricKeys);
}

function parseJson(text: string, metricKeys: Set<string>): ParsedInput {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(`the input is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = jsonInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(
      `${
        issue.path
          .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
          .join("")
          .replace(/^\./, "") || "input"
      }: ${issue.message}`,
    );
  }
  const accounts = Array.isArray(parsed.data) ? parsed.data : parsed.data.accounts;
  accounts.forEach((a, i) => {
    for (const key of Object.keys(a.values)) {
      if (!metricKeys.has(key))
        throw new InputError(
          `accounts[${i}] (${a.id}): "${key}" is not a metric of the model (${[...metricKeys].join(", ")})`,
        );
    }
  });
  return { accounts, asOf: Array.isArray(parsed.data) ? undefined : parsed.data.asOf };
}

function parseCsv(text: string, metricKeys: Set<string>): ParsedInput {
  let rows: { line: number; cells: string[] }[];
  try {
    rows = readCsvRecords(text).map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }));
  } catch (error) {
    throw new InputError(`the CSV cannot be read: ${(error as Error).message}`);
  }
  const [header, ...body] = rows;
  if (!header) throw new InputError("the CSV is empty: it needs a header row and one row per account");
  const columns = header.cells;
  const idColumn = columns.findIndex((c) => c === "id" || c === "account");
  if (idColumn < 0) throw new InputError('the CSV needs an "id" (or "account") column');
  columns.forEach((c) => {
    const metric = c.endsWith("@observed_at") ? c.slice(0, -"@observed_at".length) : c;
    if (!FIELD_COLUMNS.has(c) && !metricKeys.has(metric)) {
      throw new InputError(
        `column "${c}" is neither an account field (${[...FIELD_COLUMNS].join(", ")}) nor a metric of the model (${[...metricKeys].join(", ")})`,
      );
    }
  });
  const accounts = body.map(({ line, cells }) => {
    if (cells.length !== columns.length)
      throw new InputError(`line ${line}: ${cells.length} cells, but the header has ${columns.length} columns`);
    const get = (name: string) => {
      const i = columns.indexOf(name);
      return i < 0 ? "" : (cells[i] ?? "");
    };
    const number = (name: string) => {
      const v = get(name);
      if (v === "") return null;
      const n = Number(v);
      if (!Number.isFinite(n)) throw new InputError(`line ${line}, column ${name}: "${v}" is not a number`);
      return n;
    };
    const id = cells[idColumn] ?? "";
    if (!id) throw new InputError(`line ${line}, column ${columns[idColumn]}: the account id is empty`);
    const values: Record<string, MetricInput> = {};
    for (const key of metricKeys) {
      const v = get(key);
      if (!columns.includes(key) || v === "") continue;
      const observedAt = get(`${key}@observed_at`);
      if (observedAt && Number.isNaN(Date.parse(observedAt)))
        throw new InputError(`line ${line}, column ${key}@observed_at: "${observedAt}" is not a date`);
      values[key] = observedAt ? { value: v, observedAt } : v;
    }
    const segments = (get("segments") || get("segment"))
      .split(/[;|]/)
      .map((s) => s.trim())
      .filter(Boolean);
    return {
      id,
      segments,
      stage: get("stage") || null,
      seats: number("seats"),
      activeUsers: number("active_users"),
      arr: number("arr"),
      values,
    };
  });
  return { accounts };
}

/** Values that a numeric rule cannot read are input errors, not silent gaps. */
export function checkNumericValues(accounts: AccountInput[], compiled: CompiledModel) {
  for (const account of accounts) {
    for (const metric of compiled.metrics) {
      if (metric.options) continue;
      const input = account.values[metric.key];
      const value = input !== null && typeof input === "object" ? input.value : input;
      if (typeof value !== "string") continue;
      const ok = value.trim() !== "" && (Number.isFinite(Number(value)) || /^(true|false|yes|no)$/i.test(value.trim()));
      if (!ok) throw new InputError(`account ${account.id}, metric ${metric.key}: "${value}" is not a number`);
    }
  }
}
