import type { PoolClient } from "pg";
import { db, queryPool, withBulkTransaction } from "./client";
import { copyLinesIn, copyOutBinary } from "./copy";
import { isUuid } from "../ids";

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
  // Array mode through the pool (100k accounts per organisation); dates as whole days since 1970 (no time zones).
  const result = await queryPool({
    rowMode: "array",
    // Segment keys grouped in one pass and joined, not a subquery per account (half the time at 100k).
    text: `
    WITH segments AS (
      SELECT m."accountId", array_agg(s."key" ORDER BY s."key") AS "keys" FROM "AccountSegment" m
        JOIN "Segment" s ON s."organizationId" = m."organizationId" AND s."id" = m."segmentId"
       WHERE m."organizationId" = $1 AND ($2::uuid[] IS NULL OR m."accountId" = ANY($2::uuid[]))
       GROUP BY m."accountId")
    SELECT a."id", a."seats", a."activeUsers", a."arr"::float8, a."status" = 'churned',
           a."renewalDate" - DATE '1970-01-01', a."startDate" - DATE '1970-01-01', segments."keys", ls."key"
    FROM "Account" a
    LEFT JOIN segments ON segments."accountId" = a."id"
    LEFT JOIN "LifecycleStage" ls ON ls."organizationId" = a."organizationId" AND ls."id" = a."lifecycleStageId"
    WHERE a."organizationId" = $1 AND ($2::uuid[] IS NULL OR a."id" = ANY($2::uuid[]))
    ORDER BY a."id"`,
    values: [organizationId, accountIds ?? null],
  });
  type Row = [
    string,
    number | null,
    number | null,
    number,
    boolean,
    number | null,
    number | null,
    string[] | null,
    string | null,
  ];
  const rows = result.rows as Row[];
  const DAY = 86_400_000;
  const column = (pick: (r: Row) => number | null) => Float64Array.from(rows, (r) => pick(r) ?? NaN);
  return {
    ids: rows.map((r) => r[0]),
    seats: column((r) => r[1]),
    activeUsers: column((r) => r[2]),
    arr: column((r) => r[3]),
    segments: rows.map((r) => r[7] ?? []),
    stages: rows.map((r) => r[8]),
    churnedAt: column((r) => (r[4] && r[5] !== null ? r[5] * DAY : null)),
    startedAt: column((r) => (r[6] === null ? null : r[6] * DAY)),
  };
}

/** id → key of every metric definition of the organisation. */
export async function loadMetricKeys(organizationId: string): Promise<Map<string, string>> {
  const rows = await db().metricDefinition.findMany({ where: { organizationId }, select: { id: true, key: true } });
  return new Map(rows.map((r) => [r.id, r.key]));
}

/** Temporary tables of the accounts' positions and the metrics' columns, for reads to join to. */
export async function createPositionTables(client: PoolClient, accountIds: string[], columnOf: Map<string, number>) {
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
}

/** A portfolio's value cells: row-major, one row per account, `width` metric columns. */
export interface ValueCells {
  width: number;
  values: Float64Array;
  observedAt: Float64Array;
  texts: (string | null)[];
}

/** PostgreSQL's binary timestamptz (int64 µs since 2000-01-01 UTC) as epoch milliseconds; cheaper than extract() on the server. */
const PG_EPOCH_MS = 946_684_800_000;
function timestamptzMs(buf: Buffer, at: number): number {
  return (buf.readInt32BE(at) * 4_294_967_296 + buf.readUInt32BE(at + 4)) / 1000 + PG_EPOCH_MS;
}

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
  if (!isUuid(organizationId)) throw new Error("organisation id must be a uuid");
  if (accountIds.length === 0 || columnOf.size === 0) return 0;
  const { width, values, observedAt, texts } = cells;
  return withBulkTransaction(async (client) => {
    await createPositionTables(client, accountIds, columnOf);
    return copyOutBinary(
      client,
      `COPY (SELECT a.ord, m.ord, v."value", v."textValue", v."observedAt"
               FROM "MetricCurrentValue" v
               JOIN scoring_accounts a ON a.id = v."accountId"
               JOIN scoring_metrics m ON m.id = v."metricId"
              WHERE v."organizationId" = '${organizationId}') TO STDOUT (FORMAT binary)`,
      5,
      (buf, at, len) => {
        const cell = buf.readInt32BE(at[0]!) * width + buf.readInt32BE(at[1]!);
        values[cell] = len[2]! < 0 ? NaN : buf.readDoubleBE(at[2]!);
        texts[cell] = len[3]! < 0 ? null : buf.toString("utf8", at[3]!, at[3]! + len[3]!);
        observedAt[cell] = timestamptzMs(buf, at[4]!);
      },
    );
  });
}
