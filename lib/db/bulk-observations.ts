import type pg from "pg";

/** A connection inside a bulk transaction (opaque outside lib/db). */
export type BulkClient = pg.PoolClient;
import { copyField, copyIn } from "./copy";
import { withBulkTransaction } from "./client";
import { REFRESH_CURRENT_VALUES_SQL } from "./observations";

/**
 * The bulk-load path for observations: accepted rows stream into a temporary
 * staging table with COPY, then one INSERT … SELECT moves them in (duplicates
 * ignored) — all inside one transaction on one connection of the shared pool.
 */
export { withBulkTransaction };

export async function createObservationStaging(client: pg.PoolClient) {
  await client.query(
    `CREATE TEMP TABLE import_observations (account_id uuid, metric_id uuid, observed_at timestamptz, value float8, text_value text) ON COMMIT DROP`,
  );
}

export async function copyObservations(
  client: pg.PoolClient,
  rows: { accountId: string; metricId: string; observedAt: Date; value: number | null; text: string | null }[],
) {
  if (rows.length === 0) return;
  let chunk = "";
  for (const r of rows) {
    chunk += `${r.accountId}\t${r.metricId}\t${r.observedAt.toISOString()}\t${r.value === null ? "\\N" : r.value}\t${copyField(r.text)}\n`;
  }
  await copyIn(client, "COPY import_observations FROM STDIN", [chunk]);
}

/** Moves the staged rows in and refreshes the current values of the accounts they touch; returns those accounts. */
export async function applyObservationStaging(client: pg.PoolClient, organizationId: string): Promise<string[]> {
  await client.query(
    `INSERT INTO "MetricObservation" ("organizationId", "accountId", "metricId", "observedAt", "value", "textValue", "source")
     SELECT $1, account_id, metric_id, observed_at, value, text_value, 'import' FROM import_observations
     ORDER BY account_id, metric_id, observed_at
     ON CONFLICT DO NOTHING`,
    [organizationId],
  );
  const touched = await client.query(`SELECT array_agg(DISTINCT account_id) AS ids FROM import_observations`);
  const ids = (touched.rows[0].ids ?? []) as string[];
  if (ids.length) await client.query(REFRESH_CURRENT_VALUES_SQL, [organizationId, ids]);
  return ids;
}
