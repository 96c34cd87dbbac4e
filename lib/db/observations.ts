import { db, type Tx } from "./client";

export interface ObservationColumns {
  accountId: string[];
  metricId: string[];
  observedAt: Date[];
  value: (number | null)[];
  textValue: (string | null)[];
  source: string;
}

const CHUNK = 20_000;

/**
 * Inserts observations set-based (one INSERT … SELECT unnest per chunk). The
 * natural key makes a repeat of the same observation a no-op, so re-sending
 * data never duplicates it. Returns how many rows were new.
 */
export async function insertObservations(
  organizationId: string,
  cols: ObservationColumns,
  tx: Tx = db(),
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < cols.accountId.length; start += CHUNK) {
    const end = start + CHUNK;
    inserted += await tx.$executeRaw`
      INSERT INTO "MetricObservation" ("organizationId", "accountId", "metricId", "observedAt", "value", "textValue", "source")
      SELECT ${organizationId}::uuid, a, m, t, v, x, ${cols.source}::"MetricSource"
      FROM unnest(${cols.accountId.slice(start, end)}::uuid[], ${cols.metricId.slice(start, end)}::uuid[],
                  ${cols.observedAt.slice(start, end)}::timestamptz[], ${cols.value.slice(start, end)}::float8[],
                  ${cols.textValue.slice(start, end)}::text[]) AS u(a, m, t, v, x)
      ON CONFLICT DO NOTHING`;
  }
  return inserted;
}

/**
 * Latest observation per account and metric into the current-value table, for
 * the accounts in $2 (all when null) of organisation $1. Shared by the Prisma
 * path and the bulk (COPY) path, which run it on their own connections.
 */
export const REFRESH_CURRENT_VALUES_SQL = `
  INSERT INTO "MetricCurrentValue" ("organizationId", "accountId", "metricId", "observedAt", "value", "textValue", "updatedAt")
  SELECT DISTINCT ON ("accountId", "metricId") "organizationId", "accountId", "metricId", "observedAt", "value", "textValue", now()
  FROM "MetricObservation"
  WHERE "organizationId" = $1::uuid AND ($2::uuid[] IS NULL OR "accountId" = ANY($2::uuid[]))
  ORDER BY "accountId", "metricId", "observedAt" DESC
  ON CONFLICT ("organizationId", "accountId", "metricId") DO UPDATE
    SET "observedAt" = EXCLUDED."observedAt", "value" = EXCLUDED."value", "textValue" = EXCLUDED."textValue", "updatedAt" = now()
    WHERE "MetricCurrentValue"."observedAt" <= EXCLUDED."observedAt"`;

/** Brings the current values of the given accounts (all when omitted) up to date from their observations. */
export async function refreshCurrentValues(organizationId: string, accountIds?: string[], tx: Tx = db()) {
  await tx.$executeRawUnsafe(REFRESH_CURRENT_VALUES_SQL, organizationId, accountIds ?? null);
}
