import { db, pool } from "./client";

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

/** The current (latest) value of every metric of the given accounts. */
export async function loadCurrentValues(organizationId: string, accountIds?: string[]): Promise<ValueRows> {
  return readValueRows(
    `SELECT "accountId", "metricId", "value", "textValue", (extract(epoch FROM "observedAt") * 1000)::float8 FROM "MetricCurrentValue"
     WHERE "organizationId" = $1 AND ($2::uuid[] IS NULL OR "accountId" = ANY($2::uuid[]))`,
    [organizationId, accountIds ?? null],
  );
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
