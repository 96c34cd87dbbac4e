import { createReadStream, createWriteStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { sql } from "./database";
import { timed } from "./measure";

/** The copied file's rows (table `bench_copy_2`) with their account and metric ids resolved, for organisation $1. */
const RESOLVED_ROWS = `
  SELECT a."id" AS account_id, m."id" AS metric_id, c.observed_at, c.value
  FROM bench_copy_2 c
  JOIN "Account" a ON a."organizationId" = $1 AND a."externalId" = c.account
  JOIN "MetricDefinition" m ON m."organizationId" = $1 AND m."key" = c.metric`;

/** The least SQL alone does to get the copied file into the observations table: one INSERT … SELECT resolving ids. */
export const COPY_INSERT = `
  INSERT INTO "MetricObservation" ("organizationId", "accountId", "metricId", "observedAt", "value", "source")
  SELECT $1, account_id, metric_id, observed_at, value, 'import' FROM (${RESOLVED_ROWS}) r
  ON CONFLICT DO NOTHING`;

const OBSERVATION_TARGET = `"MetricObservation" ("organizationId", "accountId", "metricId", "observedAt", "value", "source")`;

/** Deletes the organisation's observations and vacuums, so the next write meets a table as the import did. */
export async function emptyObservations(url: string, organizationId: string) {
  await sql(url, `DELETE FROM "MetricObservation" WHERE "organizationId" = $1`, [organizationId]);
  await sql(url, `VACUUM "MetricObservation"`);
}

export interface LeastWrites {
  /** One INSERT … SELECT of the resolved rows, in key order. */
  insertMs: number;
  /** PostgreSQL's COPY of the resolved rows, in key order, straight into the observations table. */
  copyMs: number;
}

/**
 * The least any import into the observations table can do, two ways: the file's
 * rows with their ids already resolved (not timed), in key order, with no
 * duplicate check and no current values, written by one INSERT … SELECT, and by
 * COPY straight into the table (its key and its reference check included). Each
 * starts from the state the import found: none of the organisation's
 * observations, and no dead rows left by deleting them.
 */
export async function leastWrites(url: string, organizationId: string, work: string): Promise<LeastWrites> {
  const resolvedFile = path.join(work, "observations-resolved.csv");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TEMP TABLE bench_resolved AS ${RESOLVED_ROWS}`, [organizationId]);
    // COPY takes no parameters; the organisation's id is a uuid this run created.
    await pipeline(
      client.query(
        copyTo(`COPY (SELECT '${organizationId}'::uuid, account_id, metric_id, observed_at, value, 'import'
          FROM bench_resolved ORDER BY account_id, metric_id, observed_at) TO STDOUT WITH (FORMAT csv)`),
      ),
      createWriteStream(resolvedFile),
    );
    await emptyObservations(url, organizationId);
    const insert = await timed(() =>
      client.query(
        `INSERT INTO ${OBSERVATION_TARGET}
         SELECT $1, account_id, metric_id, observed_at, value, 'import' FROM bench_resolved
         ORDER BY account_id, metric_id, observed_at`,
        [organizationId],
      ),
    );
    await emptyObservations(url, organizationId);
    const copy = await timed(() =>
      pipeline(
        createReadStream(resolvedFile),
        client.query(copyFrom(`COPY ${OBSERVATION_TARGET} FROM STDIN WITH (FORMAT csv)`)),
      ),
    );
    return { insertMs: insert.ms, copyMs: copy.ms };
  } finally {
    await client.end();
  }
}
