import { db, pool, withBulkTransaction } from "./client";
import { copyLinesIn, copyOutBinary } from "./copy";

/** Accounts as the scoring pipeline needs them, in columns. */
export interface PortfolioAccounts {
  ids: string[];
  seats: Float64Array;
  activeUsers: Float64Array;
  arr: Float64Array;
  segments: string[][];
  stages: (string | null)[];
  /** Churn date (ms) of churned accounts; NaN for active ones. */
  churnedAt: Float64Array;
  /** Customer since (ms); NaN when unknown. */
  startedAt: Float64Array;
}

/** The organisation's accounts (or the given ones), with segment and stage keys. */
export async function loadPortfolioAccounts(organizationId: string, accountIds?: string[]): Promise<PortfolioAccounts> {
  const rows = await db().$queryRaw<
    {
      id: string;
      seats: number | null;
      activeUsers: number | null;
      arr: string;
      status: string;
      renewalDate: Date | null;
      startDate: Date | null;
      segments: string[] | null;
      stage: string | null;
    }[]
  >`
    SELECT a."id", a."seats", a."activeUsers", a."arr"::text AS "arr", a."status", a."renewalDate", a."startDate",
           (SELECT array_agg(s."key" ORDER BY s."key") FROM "AccountSegment" m
              JOIN "Segment" s ON s."organizationId" = m."organizationId" AND s."id" = m."segmentId"
             WHERE m."organizationId" = a."organizationId" AND m."accountId" = a."id") AS "segments",
           ls."key" AS "stage"
    FROM "Account" a
    LEFT JOIN "LifecycleStage" ls ON ls."organizationId" = a."organizationId" AND ls."id" = a."lifecycleStageId"
    WHERE a."organizationId" = ${organizationId}::uuid
      AND (${accountIds ?? null}::uuid[] IS NULL OR a."id" = ANY(${accountIds ?? null}::uuid[]))
    ORDER BY a."id"`;
  const column = (pick: (r: (typeof rows)[number]) => number | null) => Float64Array.from(rows, (r) => pick(r) ?? NaN);
  return {
    ids: rows.map((r) => r.id),
    seats: column((r) => r.seats),
    activeUsers: column((r) => r.activeUsers),
    arr: column((r) => Number(r.arr)),
    segments: rows.map((r) => r.segments ?? []),
    stages: rows.map((r) => r.stage),
    churnedAt: column((r) => (r.status === "churned" && r.renewalDate ? r.renewalDate.getTime() : null)),
    startedAt: column((r) => r.startDate?.getTime() ?? null),
  };
}

/** id → key of every metric definition of the organisation. */
export async function loadMetricKeys(organizationId: string): Promise<Map<string, string>> {
  const rows = await db().metricDefinition.findMany({ where: { organizationId }, select: { id: true, key: true } });
  return new Map(rows.map((r) => [r.id, r.key]));
}

export interface ValueRows {
  accountId: string[];
  metricId: string[];
  value: (number | null)[];
  text: (string | null)[];
  /** Milliseconds since the epoch (numbers, not Date objects: there are millions of them). */
  observedAt: number[];
}

/**
 * Reads value rows straight through the pool in array mode: these reads are the
 * bulk of a recompute (accounts × metrics rows), and skipping per-row objects
 * roughly halves their cost.
 */
async function readValueRows(text: string, values: unknown[]): Promise<ValueRows> {
  const result = await pool().query({ text, values, rowMode: "array" });
  const rows = result.rows as [string, string, number | null, string | null, number][];
  return {
    accountId: rows.map((r) => r[0]),
    metricId: rows.map((r) => r[1]),
    value: rows.map((r) => r[2]),
    text: rows.map((r) => r[3]),
    observedAt: rows.map((r) => r[4]),
  };
}

/** Every observation up to `until`, ordered by account, metric and time (for point-in-time history). */
export async function loadObservationHistory(organizationId: string, until: Date): Promise<ValueRows> {
  return readValueRows(
    `SELECT "accountId", "metricId", "value", "textValue", (extract(epoch FROM "observedAt") * 1000)::float8 FROM "MetricObservation"
     WHERE "organizationId" = $1 AND "observedAt" <= $2
     ORDER BY "accountId", "metricId", "observedAt"`,
    [organizationId, until],
  );
}

/** A portfolio's value cells: row-major, one row per account, `width` metric columns. */
export interface ValueCells {
  width: number;
  values: Float64Array;
  observedAt: Float64Array;
  texts: (string | null)[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writes the current value of every metric of `accountIds` into `cells`: row =
 * the account's position in `accountIds`, column = `columnOf` the metric id
 * (metrics not in it are skipped). This is the largest read of a recompute or an
 * impact preview (about 20 values per account), so the account and metric
 * positions go to the server in temporary tables and the values come back as a
 * binary COPY, read straight into the typed arrays — no object per value.
 */
export async function readCurrentValuesInto(
  organizationId: string,
  accountIds: string[],
  columnOf: Map<string, number>,
  cells: ValueCells,
): Promise<number> {
  if (!UUID.test(organizationId)) throw new Error("organisation id must be a uuid");
  if (accountIds.length === 0 || columnOf.size === 0) return 0;
  const { width, values, observedAt, texts } = cells;
  return withBulkTransaction(async (client) => {
    await client.query(`CREATE TEMP TABLE scoring_accounts (id uuid PRIMARY KEY, ord int4) ON COMMIT DROP`);
    await client.query(`CREATE TEMP TABLE scoring_metrics (id uuid PRIMARY KEY, ord int4) ON COMMIT DROP`);
    await copyLinesIn(
      client,
      "scoring_accounts",
      accountIds.map((id, i) => `${id}\t${i}`),
    );
    await copyLinesIn(
      client,
      "scoring_metrics",
      [...columnOf].map(([id, j]) => `${id}\t${j}`),
    );
    await client.query(`ANALYZE scoring_accounts, scoring_metrics`);
    return copyOutBinary(
      client,
      `COPY (SELECT a.ord, m.ord, v."value", v."textValue", (extract(epoch FROM v."observedAt") * 1000)::float8
               FROM "MetricCurrentValue" v
               JOIN scoring_accounts a ON a.id = v."accountId"
               JOIN scoring_metrics m ON m.id = v."metricId"
              WHERE v."organizationId" = '${organizationId}') TO STDOUT (FORMAT binary)`,
      5,
      (buf, at, len) => {
        const cell = buf.readInt32BE(at[0]!) * width + buf.readInt32BE(at[1]!);
        values[cell] = len[2]! < 0 ? NaN : buf.readDoubleBE(at[2]!);
        texts[cell] = len[3]! < 0 ? null : buf.toString("utf8", at[3]!, at[3]! + len[3]!);
        observedAt[cell] = buf.readDoubleBE(at[4]!);
      },
    );
  });
}
