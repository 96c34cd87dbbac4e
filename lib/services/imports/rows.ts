import type { BulkObservation } from "../../db/bulk-observations";
import { AMBIGUOUS_MEMBER, personKey, type ImportKind } from "../../validation/imports";
import { readDate, type DateConvention, type DateReading } from "./dates";
import { readNumber, type DecimalMark } from "./numbers";

/** Reference data an import checks rows against, loaded once per import. */
export interface ImportLookups {
  accounts: Map<string, string>;
  metrics: Map<string, { id: string; valueType: string; options: string[] }>;
  members: Map<string, string>;
  teams: Map<string, string>;
  now: Date;
  /** How the file writes decimals (the API's JSON numbers: with a point). */
  decimal: DecimalMark;
  /** How the file writes dates (the API: ISO only). */
  dates: DateConvention;
}

export interface RowError {
  column: string;
  reason: string;
}

export type ObservationRecord = BulkObservation;
export type AccountRecord = {
  externalId: string;
  name: string;
  domain: string | null;
  ownerId: string | null;
  teamId: string | null;
  arr: number | null;
  seats: number | null;
  activeUsers: number | null;
  plan: string | null;
  region: string | null;
  startDate: Date | null;
  renewalDate: Date | null;
  traits: Record<string, string | number | boolean>;
};
export type OutcomeRecord = {
  accountId: string;
  kind: string;
  occurredOn: Date;
  arrBefore: number | null;
  arrAfter: number | null;
  note: string | null;
};
export type ImportRecord = ObservationRecord | AccountRecord | OutcomeRecord;

/** A row's cells by field, and the column each field came from (for messages). */
export interface MappedRow {
  get(field: string): string;
  column(field: string): string;
  traits: [string, string][];
}

const OUTCOMES = ["renewed", "churned", "expanded", "contracted"];

/** The words CRMs record outcomes by (an opportunity's type, a cancellation's reason) for each kind. */
const OUTCOME_WORDS = new Map<string, string>([
  ...OUTCOMES.map((k) => [k, k] as const),
  ...["renewal", "renew"].map((w) => [w, "renewed"] as const),
  ...["churn", "cancelled", "canceled", "cancellation", "lost"].map((w) => [w, "churned"] as const),
  ...["expansion", "upsell", "upgrade", "cross-sell", "cross sell"].map((w) => [w, "expanded"] as const),
  ...["contraction", "downsell", "downgrade"].map((w) => [w, "contracted"] as const),
]);

// Imports repeat the same dates row after row (a day's readings, a batch's timestamp):
// each distinct valid text is read once per convention. Dates handed out are shared, so never mutated.
const dates = new Map<DateConvention, Map<string, Date>>();

function parseDate(text: string, convention: DateConvention): DateReading {
  let known = dates.get(convention);
  if (!known) dates.set(convention, (known = new Map()));
  const date = known.get(text);
  if (date !== undefined) return { ok: true, date };
  const read = readDate(text, convention);
  if (read.ok) {
    if (known.size >= 10_000) known.clear();
    // A cell is a slice of the file's chunk it was read from: keyed by a copy, the
    // cache never keeps a 64 KB chunk alive for one 20-character date.
    known.set(Buffer.from(text, "latin1").toString("latin1"), read.date);
  }
  return read;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** What exports write in a cell that has no value: "N/A", Excel's "#N/A", a dash, "null". */
const NO_VALUE = new Set(["n/a", "#n/a", "-", "–", "—", "null"]);

/** Whether a (trimmed) cell says it has no value. On the million-row path: a date or number is told by its length or first digit. */
export function saysNoValue(text: string): boolean {
  if (text.length > 4) return false;
  const first = text.charCodeAt(0);
  return !(first >= 48 && first <= 57) && NO_VALUE.has(text.toLowerCase());
}

class RowChecker {
  errors: RowError[] = [];
  constructor(
    private row: MappedRow,
    private format: Pick<ImportLookups, "decimal" | "dates">,
  ) {}

  text(field: string, required = false): string | null {
    const v = this.row.get(field).trim();
    if (!v && required) this.fail(field, "is required");
    return v || null;
  }

  /** A cell that holds a value: one that says it has none ("N/A", "-") counts as empty. */
  filled(field: string, required = false): string | null {
    const v = this.text(field);
    if (v !== null && !saysNoValue(v)) return v;
    if (required) this.fail(field, v === null ? "is required" : `is required ("${v}" is no value)`);
    return null;
  }

  number(
    field: string,
    options: { required?: boolean; integer?: boolean; min?: number; percent?: boolean } = {},
  ): number | null {
    const v = this.filled(field, options.required);
    if (v === null) return null;
    // A percent metric's reading may carry its sign, as spreadsheets format it: 55% is 55.
    const read = readNumber(options.percent && v.endsWith("%") ? v.slice(0, -1).trimEnd() : v, this.format.decimal);
    if (!read.ok || !Number.isFinite(read.value))
      return this.fail(field, read.ok ? `"${v}" is not a number` : read.reason);
    const n = read.value;
    if (options.integer && !Number.isInteger(n)) return this.fail(field, `"${v}" is not a whole number`);
    if (options.min !== undefined && n < options.min) return this.fail(field, `${v} is below ${options.min}`);
    return n;
  }

  date(field: string, required = false): Date | null {
    const v = this.filled(field, required);
    if (v === null) return null;
    const read = parseDate(v, this.format.dates);
    return read.ok ? read.date : this.fail(field, read.reason);
  }

  /** A date that has happened by `now` (a day's grace for time zones), else null with `reason`. */
  past(field: string, now: Date, reason: string, required = false): Date | null {
    const date = this.date(field, required);
    return date && date.getTime() > now.getTime() + 86_400_000 ? this.fail(field, reason) : date;
  }

  lookup(
    field: string,
    map: Map<string, string>,
    what: (v: string) => string,
    transform = (v: string) => v,
  ): string | null {
    const v = this.text(field);
    if (v === null) return null;
    return map.get(transform(v)) ?? this.fail(field, what(v));
  }

  /** A member named by email or by name; a name two members share is refused, asking for the email. */
  member(field: string, members: Map<string, string>): string | null {
    const v = this.text(field);
    if (v === null) return null;
    const id = members.get(personKey(v));
    if (id === AMBIGUOUS_MEMBER) return this.fail(field, `"${v}" is the name of more than one member: use the email`);
    return id ?? this.fail(field, `${v} is not the email or name of a member of this organisation`);
  }

  fail(field: string, reason: string): null {
    this.errors.push({ column: this.row.column(field), reason });
    return null;
  }
}

function observation(row: MappedRow, l: ImportLookups): { record?: ObservationRecord; errors: RowError[] } {
  const c = new RowChecker(row, l);
  const externalId = c.text("account_external_id", true);
  const accountId = externalId
    ? (l.accounts.get(externalId) ??
      c.fail("account_external_id", `account "${externalId}" does not exist (import it first)`))
    : null;
  const key = c.text("metric", true);
  // Keys are lowercase, so "NPS" in a file can only mean nps.
  const metric = key ? (l.metrics.get(key) ?? l.metrics.get(key.toLowerCase())) : undefined;
  if (key && !metric) c.fail("metric", `unknown metric "${key}"`);
  const observedAt = c.past("observed_at", l.now, "is in the future", true);
  const raw = c.filled("value", true);
  let value: number | null = null;
  let text: string | null = null;
  if (raw !== null && metric) {
    if (metric.valueType === "categorical") {
      const option = metric.options.find((o) => o.toLowerCase() === raw.toLowerCase());
      if (option) text = option;
      else c.fail("value", `"${raw}" is not an option of ${key} (${metric.options.join(", ")})`);
    } else if (metric.valueType === "boolean") {
      const b = raw.toLowerCase();
      if (["true", "yes", "1"].includes(b)) value = 1;
      else if (["false", "no", "0"].includes(b)) value = 0;
      else c.fail("value", `"${raw}" is not true or false`);
    } else value = c.number("value", { percent: metric.valueType === "percent" });
  }
  if (c.errors.length) return { errors: c.errors };
  return { record: { accountId: accountId!, metricId: metric!.id, observedAt: observedAt!, value, text }, errors: [] };
}

function account(row: MappedRow, l: ImportLookups): { record?: AccountRecord; errors: RowError[] } {
  const c = new RowChecker(row, l);
  const record: AccountRecord = {
    externalId: c.text("external_id", true) ?? "",
    name: c.text("name", true) ?? "",
    domain: c.text("domain"),
    ownerId: c.member("owner_email", l.members),
    teamId: c.lookup(
      "team",
      l.teams,
      (v) => `team "${v}" does not exist`,
      (v) => v.toLowerCase(),
    ),
    arr: c.number("arr", { min: 0 }),
    seats: c.number("seats", { integer: true, min: 0 }),
    activeUsers: c.number("active_users", { integer: true, min: 0 }),
    plan: c.text("plan"),
    region: c.text("region"),
    startDate: c.date("start_date"),
    renewalDate: c.date("renewal_date"),
    traits: Object.fromEntries(
      row.traits
        .filter(([, v]) => v.trim() !== "")
        .map(([k, v]) => {
          const t = v.trim();
          // Numbers as the file writes them (4,5 in a semicolon-separated file), so segment rules compare them as numbers.
          const n = readNumber(t, l.decimal);
          return [
            k,
            /^(true|false)$/i.test(t) ? t.toLowerCase() === "true" : n.ok && Number.isFinite(n.value) ? n.value : t,
          ];
        }),
    ),
  };
  if (record.externalId.length > 200) c.fail("external_id", "is longer than 200 characters");
  if (record.startDate && record.renewalDate && record.renewalDate < record.startDate)
    c.fail("renewal_date", `${isoDay(record.renewalDate)} is before the start date ${isoDay(record.startDate)}`);
  return c.errors.length ? { errors: c.errors } : { record, errors: [] };
}

/** What contradicts the outcome's kind in its ARR after (and before), if anything. */
function outcomeArrProblem(kind: string, before: number | null, after: number): string | null {
  if (kind === "churned" && after !== 0) return `is ${after}, but a churned account's ARR after is 0 (or left empty)`;
  if (before === null) return null;
  if (kind === "expanded" && after <= before)
    return `is ${after}, not above the ARR before (${before}) of an expansion`;
  if (kind === "contracted" && after >= before)
    return `is ${after}, not below the ARR before (${before}) of a contraction`;
  return null;
}

function outcome(row: MappedRow, l: ImportLookups): { record?: OutcomeRecord; errors: RowError[] } {
  const c = new RowChecker(row, l);
  const externalId = c.text("account_external_id", true);
  const accountId = externalId
    ? (l.accounts.get(externalId) ?? c.fail("account_external_id", `account "${externalId}" does not exist`))
    : null;
  const word = c.text("kind", true);
  const kind = word === null ? null : (OUTCOME_WORDS.get(word.toLowerCase()) ?? null);
  if (word !== null && !kind)
    c.fail("kind", `"${word}" is not one of ${OUTCOMES.join(", ")} (or renewal, churn, upsell, downsell…)`);
  const occurredOn = c.past(
    "occurred_on",
    l.now,
    "is in the future: an outcome is recorded once it has happened",
    true,
  );
  const arrBefore = c.number("arr_before", { min: 0 });
  const arrAfter = c.number("arr_after", { min: 0 });
  const note = c.text("note");
  const arrProblem = kind && arrAfter !== null ? outcomeArrProblem(kind, arrBefore, arrAfter) : null;
  if (arrProblem) c.fail("arr_after", arrProblem);
  if (c.errors.length) return { errors: c.errors };
  return {
    record: { accountId: accountId!, kind: kind!, occurredOn: occurredOn!, arrBefore, arrAfter, note },
    errors: [],
  };
}

/** Checks one mapped row; a row is either a record to write or the list of what is wrong with it. */
export function checkRow(
  kind: ImportKind,
  row: MappedRow,
  lookups: ImportLookups,
): { record?: ImportRecord; errors: RowError[] } {
  if (kind === "observations") return observation(row, lookups);
  if (kind === "accounts") return account(row, lookups);
  return outcome(row, lookups);
}
