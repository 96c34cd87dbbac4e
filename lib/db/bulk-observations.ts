import type pg from "pg";

/** A connection inside a bulk transaction (opaque outside lib/db). */
export type BulkClient = pg.PoolClient;
import { copyField, openCopyIn, type OpenCopy } from "./copy";
import { withBulkTransaction } from "./client";

/**
 * The bulk-load path for observations, inside one transaction on one connection
 * of the shared pool: accepted rows stream into a temporary staging table through
 * one COPY as the file is read, then one statement inserts the new rows (duplicates ignored) and moves the
 * current values forward from exactly the rows it inserted. One statement over
 * the whole file inserts in key order, which keeps the index writes sequential.
 */
export { withBulkTransaction };

export async function createObservationStaging(client: pg.PoolClient) {
  await client.query(
    `CREATE TEMP TABLE import_observations (account_id uuid, metric_id uuid, observed_at timestamptz, value float8, text_value text) ON COMMIT DROP`,
  );
}

export interface BulkObservation {
  accountId: string;
  metricId: string;
  observedAt: Date;
  value: number | null;
  text: string | null;
}

// New rows only (RETURNING skips the duplicates ON CONFLICT ignored); their latest per
// account and metric becomes the current value unless a later one is already stored.
const APPLY_STAGED = `
  WITH inserted AS (
    INSERT INTO "MetricObservation" ("organizationId", "accountId", "metricId", "observedAt", "value", "textValue", "source")
    SELECT $1, account_id, metric_id, observed_at, value, text_value, 'import' FROM import_observations
    ORDER BY account_id, metric_id, observed_at
    ON CONFLICT DO NOTHING
    RETURNING "accountId", "metricId", "observedAt", "value", "textValue"
  ), latest AS (
    SELECT DISTINCT ON ("accountId", "metricId") * FROM inserted ORDER BY "accountId", "metricId", "observedAt" DESC
  ), current AS (
    INSERT INTO "MetricCurrentValue" ("organizationId", "accountId", "metricId", "observedAt", "value", "textValue", "updatedAt")
    SELECT $1, l."accountId", l."metricId", l."observedAt", l."value", l."textValue", now()
    FROM latest l
    LEFT JOIN "MetricCurrentValue" c ON c."organizationId" = $1 AND c."accountId" = l."accountId" AND c."metricId" = l."metricId"
    -- Only what moves forward reaches ON CONFLICT, which locks every row it meets.
    WHERE c."observedAt" IS NULL OR c."observedAt" <= l."observedAt"
    ON CONFLICT ("organizationId", "accountId", "metricId") DO UPDATE
      SET "observedAt" = EXCLUDED."observedAt", "value" = EXCLUDED."value", "textValue" = EXCLUDED."textValue", "updatedAt" = now()
      WHERE "MetricCurrentValue"."observedAt" <= EXCLUDED."observedAt"
  )
  SELECT DISTINCT "accountId" AS id FROM inserted`;

/**
 * Accepted rows as COPY text, appended row by row: no row object outlives its
 * line, so a million-row import keeps little in memory.
 */
export class ObservationCopyText {
  private text = "";
  /** Rows of a file mostly share their times: each is formatted once per batch. */
  private times = new Map<number, string>();
  rows = 0;

  add(r: BulkObservation) {
    const ms = r.observedAt.getTime();
    let time = this.times.get(ms);
    if (time === undefined) this.times.set(ms, (time = r.observedAt.toISOString()));
    this.text += `${r.accountId}\t${r.metricId}\t${time}\t${r.value === null ? "\\N" : r.value}\t${copyField(r.text)}\n`;
    this.rows++;
  }

  /** The text so far; starts a new batch. */
  take(): string {
    const text = this.text;
    this.text = "";
    this.rows = 0;
    this.times.clear();
    return text;
  }
}

/** Opens the COPY that streams accepted rows into the staging table while the file is read. */
export function openObservationStaging(client: pg.PoolClient): OpenCopy {
  return openCopyIn(client, "COPY import_observations FROM STDIN");
}

/**
 * Moves the staged rows in with the current values they advance; returns the
 * accounts that got at least one new observation.
 */
export async function applyObservationStaging(client: pg.PoolClient, organizationId: string): Promise<string[]> {
  const touched = await client.query<{ id: string }>(APPLY_STAGED, [organizationId]);
  return touched.rows.map((r) => r.id);
}
