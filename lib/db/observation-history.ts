import type { PoolClient } from "pg";
import { withBulkTransaction } from "./client";
import { createPositionTables } from "./scoring-inputs";
import { isUuid } from "../ids";

/** Observations with their account's position and metric's column (as `ValueCells` lay them out). */
export interface ObservationBatch {
  length: number;
  account: Int32Array;
  column: Int32Array;
  value: Float64Array;
  text: (string | null)[];
  /** Milliseconds since the epoch. */
  observedAt: Float64Array;
}

const HISTORY_BATCH = 20_000;
/**
 * Above this many observations per account and metric before the window, the
 * state is read with one index lookup per account and metric (a few µs each)
 * rather than by reading every earlier observation (about 1.5 µs each).
 */
export const LOOKUP_ABOVE_PER_CELL = 4;

/**
 * Hands the history of `accountIds` up to `until` to `onBatch`, a batch at a
 * time, through a cursor, in two parts: first the state as of `from` (the
 * observations before it, in no particular order: keep the latest of each
 * account and metric), then every observation from `from` to `until` in time
 * order. A backfill of the last 30 days thus sorts 30 days of observations, not
 * years of them. The state is the latest observation of each account and metric,
 * looked up in the index, when there are many earlier ones each; when there are
 * few, all of them, read as they lie. Each batch is handled before the next is
 * fetched; `onBatch` answering false stops there.
 */
export async function forEachObservationInTime(
  organizationId: string,
  window: { from: Date; until: Date },
  accountIds: string[],
  columnOf: Map<string, number>,
  onBatch: (batch: ObservationBatch) => Promise<boolean | void>,
) {
  if (!isUuid(organizationId)) throw new Error("organisation id must be a uuid");
  if (accountIds.length === 0 || columnOf.size === 0) return;
  const org = `o."organizationId" = '${organizationId}'`;
  const from = `'${window.from.toISOString()}'`;
  const columns = `a.ord, m.ord, o."value", o."textValue", (extract(epoch FROM o."observedAt") * 1000)::float8`;
  await withBulkTransaction(async (client) => {
    await createPositionTables(client, accountIds, columnOf);
    const cells = accountIds.length * columnOf.size;
    const state = (await earlierThan(client, org, from, LOOKUP_ABOVE_PER_CELL * cells)) ? latestPerCell : everyEarlier;
    const more = await fetchAll(client, state(columns, org, from), onBatch);
    if (!more) return;
    await fetchAll(
      client,
      `SELECT ${columns} FROM "MetricObservation" o
         JOIN scoring_accounts a ON a.id = o."accountId"
         JOIN scoring_metrics m ON m.id = o."metricId"
        WHERE ${org} AND o."observedAt" >= ${from} AND o."observedAt" <= '${window.until.toISOString()}'
        ORDER BY o."observedAt"`,
      onBatch,
    );
  });
}

/** Whether the organisation has more than `count` observations before `from` (counting no further). */
async function earlierThan(client: PoolClient, org: string, from: string, count: number) {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM "MetricObservation" o WHERE ${org} AND o."observedAt" < ${from} LIMIT ${count + 1}) earlier`,
  );
  return rows[0]!.n > count;
}

const latestPerCell = (columns: string, org: string, from: string) =>
  `SELECT ${columns} FROM scoring_accounts a CROSS JOIN scoring_metrics m
     CROSS JOIN LATERAL (
       SELECT o."value", o."textValue", o."observedAt" FROM "MetricObservation" o
        WHERE ${org} AND o."accountId" = a.id AND o."metricId" = m.id AND o."observedAt" < ${from}
        ORDER BY o."observedAt" DESC LIMIT 1) o`;

const everyEarlier = (columns: string, org: string, from: string) =>
  `SELECT ${columns} FROM "MetricObservation" o
     JOIN scoring_accounts a ON a.id = o."accountId"
     JOIN scoring_metrics m ON m.id = o."metricId"
    WHERE ${org} AND o."observedAt" < ${from}`;

/** Runs `query` through a cursor, a batch at a time; false when `onBatch` stopped it. */
async function fetchAll(
  client: PoolClient,
  query: string,
  onBatch: (batch: ObservationBatch) => Promise<boolean | void>,
) {
  await client.query(`DECLARE history NO SCROLL CURSOR FOR ${query}`);
  let more: boolean | void = true;
  while (more !== false) {
    const { rows } = await client.query({ text: `FETCH ${HISTORY_BATCH} FROM history`, rowMode: "array" });
    if (rows.length === 0) break;
    const typed = rows as [number, number, number | null, string | null, number][];
    more = await onBatch({
      length: typed.length,
      account: Int32Array.from(typed, (r) => r[0]),
      column: Int32Array.from(typed, (r) => r[1]),
      value: Float64Array.from(typed, (r) => r[2] ?? NaN),
      text: typed.map((r) => r[3]),
      observedAt: Float64Array.from(typed, (r) => r[4]),
    });
  }
  await client.query(`CLOSE history`);
  return more !== false;
}
