import type { BulkObservation } from "./bulk-observations";
import { db, type Tx } from "./client";

export interface ObservationColumns {
  accountId: string[];
  metricId: string[];
  observedAt: Date[];
  value: (number | null)[];
  textValue: (string | null)[];
  source: string;
  /** Who recorded the values by hand (manual entries); none for imports and the API. */
  recordedById?: string;
}

const CHUNK = 20_000;

/**
 * How a statement skips rows whose natural key is already stored: "conflicts"
 * lets the unique index refuse each one (ON CONFLICT DO NOTHING, safe whatever
 * else is writing); "absent" inserts the keys it does not find — about a quarter
 * faster over a million rows (no speculative insertion), but a key that comes
 * twice (two rows of `rows`, or a concurrent transaction that commits one of the
 * same new keys first) makes it fail with a unique violation, after which the
 * caller takes the repeats out or retries with "conflicts".
 */
export type SkipStored = "conflicts" | "absent";

function newRows(rows: string, skip: SkipStored, recordedBy: string): string {
  const columns = `$1::uuid, account_id, metric_id, observed_at, value, text_value, $2::"MetricSource", ${recordedBy}`;
  if (skip === "conflicts")
    return `SELECT ${columns} FROM ${rows} ORDER BY account_id, metric_id, observed_at ON CONFLICT DO NOTHING`;
  return `SELECT ${columns} FROM ${rows}
    WHERE NOT EXISTS (SELECT 1 FROM "MetricObservation" o WHERE o."organizationId" = $1::uuid
                        AND o."accountId" = account_id AND o."metricId" = metric_id AND o."observedAt" = observed_at)
    ORDER BY account_id, metric_id, observed_at`;
}

/**
 * One statement that inserts observations and keeps current values up to date:
 * the rows of `rows` (a FROM item with columns account_id, metric_id, observed_at,
 * value, text_value) go in for organisation $1 with source $2 (and `recordedBy`, an
 * SQL expression, as who recorded them), rows whose natural
 * key is stored skipped (see SkipStored); then, from exactly the rows inserted
 * (RETURNING), each account's latest new reading per metric becomes its current
 * value unless a later one is already stored — never back to an older reading,
 * and a repeated key keeps what was stored. One join compares the latest new
 * readings with the stored current values; those that move are updated in place
 * (a plain UPDATE, rechecked against a concurrent writer's newer value), and
 * only pairs with no current value yet are inserted, through ON CONFLICT in case
 * a concurrent writer inserted one first. Upserting every moved value instead
 * cost a speculative insertion each: a million-row daily feed took 16 % longer.
 * Inserting in key order keeps the index writes sequential. Answers how many
 * rows went in and the accounts that got one.
 */
export function insertObservationsSql(rows: string, skip: SkipStored = "conflicts", recordedBy = "NULL::uuid"): string {
  return `
  WITH inserted AS (
    INSERT INTO "MetricObservation" ("organizationId", "accountId", "metricId", "observedAt", "value", "textValue", "source", "recordedById")
    ${newRows(rows, skip, recordedBy)}
    RETURNING "accountId", "metricId", "observedAt", "value", "textValue"
  ), latest AS (
    SELECT DISTINCT ON ("accountId", "metricId") * FROM inserted ORDER BY "accountId", "metricId", "observedAt" DESC
  ), compared AS MATERIALIZED (
    SELECT l.*, c."accountId" IS NOT NULL AS stored
    FROM latest l
    LEFT JOIN "MetricCurrentValue" c ON c."organizationId" = $1::uuid AND c."accountId" = l."accountId" AND c."metricId" = l."metricId"
    WHERE c."observedAt" IS NULL OR c."observedAt" <= l."observedAt"
  ), moved AS (
    UPDATE "MetricCurrentValue" c
    SET "observedAt" = m."observedAt", "value" = m."value", "textValue" = m."textValue", "updatedAt" = now()
    FROM compared m
    WHERE m.stored AND c."organizationId" = $1::uuid AND c."accountId" = m."accountId" AND c."metricId" = m."metricId"
      AND c."observedAt" <= m."observedAt"
  ), added AS (
    INSERT INTO "MetricCurrentValue" ("organizationId", "accountId", "metricId", "observedAt", "value", "textValue", "updatedAt")
    SELECT $1::uuid, m."accountId", m."metricId", m."observedAt", m."value", m."textValue", now()
    FROM compared m WHERE NOT m.stored
    ON CONFLICT ("organizationId", "accountId", "metricId") DO UPDATE
      SET "observedAt" = EXCLUDED."observedAt", "value" = EXCLUDED."value", "textValue" = EXCLUDED."textValue", "updatedAt" = now()
      WHERE "MetricCurrentValue"."observedAt" <= EXCLUDED."observedAt"
  )
  SELECT count(*)::int AS inserted, coalesce(array_agg(DISTINCT "accountId")::text[], '{}') AS accounts FROM inserted`;
}

/** A row of a write whose key is stored already with another value: where it came from (`at`), and what is stored. */
export interface StoredOtherwise {
  at: number;
  metricId: string;
  value: number | null;
  textValue: string | null;
}

/** A row of a write whose key is stored, whether with its value or another (`differs`). */
export interface StoredReading extends StoredOtherwise {
  differs: boolean;
}

/**
 * The rows of `rows` (a FROM item aliased `r`, with account_id, metric_id,
 * observed_at, value and text_value) whose natural key organisation $1 has
 * stored with another value, each with `at` (an SQL expression naming the
 * row: its line or item) and the stored value. Stored observations are history
 * and are never changed, so a write must say which of its rows it leaves out.
 * `all`: every row whose key is stored, each saying whether its value differs.
 */
export function storedOtherwiseSql(rows: string, at: string, all = false): string {
  const differs = `(o."value" IS DISTINCT FROM r.value OR o."textValue" IS DISTINCT FROM r.text_value)`;
  return `
  SELECT ${at} AS "at", r.metric_id::text AS "metricId", o."value", o."textValue"${all ? `, ${differs} AS "differs"` : ""}
  FROM ${rows}
  JOIN "MetricObservation" o ON o."organizationId" = $1::uuid AND o."accountId" = r.account_id
    AND o."metricId" = r.metric_id AND o."observedAt" = r.observed_at
  ${all ? "" : `WHERE ${differs}`}
  ORDER BY 1`;
}

/** Observations as the columns the statements take. */
export function observationColumns(rows: BulkObservation[]): Omit<ObservationColumns, "source" | "recordedById"> {
  return {
    accountId: rows.map((r) => r.accountId),
    metricId: rows.map((r) => r.metricId),
    observedAt: rows.map((r) => r.observedAt),
    value: rows.map((r) => r.value),
    textValue: rows.map((r) => r.text),
  };
}

/** Which of `rows` (by position) are stored already, with their value or another; see storedOtherwiseSql. */
export function findStoredReadings(organizationId: string, rows: BulkObservation[], tx: Tx = db()) {
  const cols = observationColumns(rows);
  return tx.$queryRawUnsafe<StoredReading[]>(
    storedOtherwiseSql(
      `unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::float8[], $6::text[])
        WITH ORDINALITY AS r(account_id, metric_id, observed_at, value, text_value, n)`,
      "(r.n - 1)::int",
      true,
    ),
    organizationId,
    cols.accountId,
    cols.metricId,
    cols.observedAt,
    cols.value,
    cols.textValue,
  );
}

const FROM_ARRAYS = `unnest($3::uuid[], $4::uuid[], $5::timestamptz[], $6::float8[], $7::text[])
  AS u(account_id, metric_id, observed_at, value, text_value)`;

/**
 * Inserts observations set-based (one statement per chunk) and moves the current
 * values forward with them. The natural key makes a repeat of the same
 * observation a no-op, so re-sending data never duplicates it. Returns how many
 * rows were new and the accounts that got one.
 */
export async function insertObservations(
  organizationId: string,
  cols: ObservationColumns,
  tx: Tx = db(),
): Promise<{ inserted: number; accountIds: string[] }> {
  let inserted = 0;
  const accountIds = new Set<string>();
  for (let start = 0; start < cols.accountId.length; start += CHUNK) {
    const end = start + CHUNK;
    const [result] = await tx.$queryRawUnsafe<{ inserted: number; accounts: string[] }[]>(
      insertObservationsSql(FROM_ARRAYS, "conflicts", "$8::uuid"),
      organizationId,
      cols.source,
      cols.accountId.slice(start, end),
      cols.metricId.slice(start, end),
      cols.observedAt.slice(start, end),
      cols.value.slice(start, end),
      cols.textValue.slice(start, end),
      cols.recordedById ?? null,
    );
    inserted += result!.inserted;
    for (const id of result!.accounts) accountIds.add(id);
  }
  return { inserted, accountIds: [...accountIds] };
}
