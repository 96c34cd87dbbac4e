import type pg from "pg";
import { copyField, openCopyIn, type OpenCopy } from "./copy";
import { withBulkTransaction } from "./client";
import type { Upserted } from "./import-writes";
import { insertObservationsSql, storedOtherwiseSql, type SkipStored, type StoredOtherwise } from "./observations";

/**
 * The bulk-load path for observations, inside one transaction on one connection
 * of the shared pool: accepted rows stream into a temporary staging table through
 * one COPY as the file is read, then one statement (insertObservationsSql)
 * inserts them and moves the current values forward.
 */
export { withBulkTransaction };

/** A connection inside a bulk transaction (opaque outside lib/db). */
export type BulkClient = pg.PoolClient;

export async function createObservationStaging(client: pg.PoolClient) {
  await client.query(
    `CREATE TEMP TABLE import_observations (account_id uuid, metric_id uuid, observed_at timestamptz, value float8, text_value text, line int4) ON COMMIT DROP`,
  );
}

export interface BulkObservation {
  accountId: string;
  metricId: string;
  observedAt: Date;
  value: number | null;
  text: string | null;
}

/**
 * Accepted rows as COPY text, appended row by row: no row object outlives its
 * line, so a million-row import keeps little in memory.
 */
export class ObservationCopyText {
  private text = "";
  /** Rows of a file mostly share their times: each is formatted once per batch. */
  private times = new Map<number, string>();

  add(r: BulkObservation, line: number) {
    const ms = r.observedAt.getTime();
    let time = this.times.get(ms);
    if (time === undefined) this.times.set(ms, (time = r.observedAt.toISOString()));
    this.text += `${r.accountId}\t${r.metricId}\t${time}\t${r.value === null ? "\\N" : r.value}\t${copyField(r.text)}\t${line}\n`;
  }

  /** The text so far; starts a new batch. */
  take(): string {
    const text = this.text;
    this.text = "";
    this.times.clear();
    return text;
  }
}

/** Opens the COPY that streams accepted rows into the staging table while the file is read. */
export function openObservationStaging(client: pg.PoolClient): OpenCopy {
  return openCopyIn(client, "COPY import_observations FROM STDIN");
}

/** A later line of a file that repeats an earlier line's key (`of`) with another value (of metric `metricId`). */
export interface RepeatedLine {
  line: number;
  of: number;
  metricId: string;
}

/**
 * Takes out every staged row that repeats an earlier line's key — the first line
 * of a key is the one written — and answers those that gave it another value
 * (the others repeated it exactly, as a file imported twice does).
 */
async function removeRepeatedKeys(client: pg.PoolClient): Promise<RepeatedLine[]> {
  const removed = await client.query<{ line: number; of: number; metric_id: string; differs: boolean }>(`
    WITH ranked AS (
      SELECT ctid AS row_id, line, metric_id, row_number() OVER w AS n, first_value(line) OVER w AS first_line,
             value IS DISTINCT FROM first_value(value) OVER w OR text_value IS DISTINCT FROM first_value(text_value) OVER w AS differs
      FROM import_observations
      WINDOW w AS (PARTITION BY account_id, metric_id, observed_at ORDER BY line))
    DELETE FROM import_observations s USING ranked r WHERE s.ctid = r.row_id AND r.n > 1
    RETURNING r.line, r.first_line AS of, r.metric_id, r.differs`);
  return removed.rows.filter((r) => r.differs).map(({ line, of, metric_id }) => ({ line, of, metricId: metric_id }));
}

/**
 * Moves the staged rows (`staged` of them) in with the current values they
 * advance; returns the accounts that got at least one new observation, how many
 * rows were new (the rest were stored already, or repeated a key earlier in the
 * file), the lines that repeated an earlier line's key with another value, and
 * those whose key is stored with another value (neither written).
 *
 * Inserts only the keys it does not find, in one pass. A unique violation then
 * means a key came twice: within the file (found and taken out, and the insert
 * done again), or from a concurrent writer that committed one of the same new
 * keys first (the insert is done again skipping conflicts). Each attempt is
 * undone to a savepoint first.
 */
export async function applyObservationStaging(
  client: pg.PoolClient,
  organizationId: string,
  staged: number,
): Promise<Upserted & { conflicts: RepeatedLine[]; storedOtherwise: StoredOtherwise[] }> {
  const apply = async (skip: SkipStored): Promise<Upserted> => {
    const result = await client.query<{ inserted: number; accounts: string[] }>(
      insertObservationsSql("import_observations", skip),
      [organizationId, "import"],
    );
    return { ids: result.rows[0]!.accounts, created: result.rows[0]!.inserted };
  };
  const attempt = async (skip: SkipStored): Promise<Upserted | null> => {
    await client.query("SAVEPOINT apply_observations");
    try {
      const result = await apply(skip);
      await client.query("RELEASE SAVEPOINT apply_observations");
      return result;
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await client.query("ROLLBACK TO SAVEPOINT apply_observations");
      return null;
    }
  };
  // Autovacuum never analyses temporary tables. Without statistics the planner guessed a tenth of a million staged
  // rows and probed the current values once per row (1M index probes, 2.8 s) instead of hashing them (1.7 s).
  await client.query("ANALYZE import_observations");
  const inserted = async (): Promise<Upserted & { conflicts: RepeatedLine[] }> => {
    const first = await attempt("absent");
    if (first) return { ...first, conflicts: [] };
    const conflicts = await removeRepeatedKeys(client);
    const again = conflicts.length > 0 ? await attempt("absent") : null;
    return { ...(again ?? (await apply("conflicts"))), conflicts };
  };
  const result = await inserted();
  // Rows that did not go in repeated a key: of an earlier line, or of a stored observation — with its value or not.
  if (result.created === staged) return { ...result, storedOtherwise: [] };
  const stored = await client.query<StoredOtherwise>(storedOtherwiseSql("import_observations r", "r.line"), [
    organizationId,
  ]);
  return { ...result, storedOtherwise: stored.rows };
}

const UNIQUE_VIOLATION = "23505";
