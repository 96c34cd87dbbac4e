import { randomUUID } from "node:crypto";
import pg from "pg";

export const METRICS = 20;

/** The bench model: 20 linear 0–100 metrics in four equal categories, so one SQL statement can compute the same score. */
export function benchModel() {
  return {
    name: "Bench health",
    range: { min: 0, max: 100 },
    categories: [0, 1, 2, 3].map((c) => ({
      key: `c${c}`,
      name: `Category ${c}`,
      weight: 25,
      metrics: Array.from({ length: 5 }, (_, i) => ({
        metric: `m${String(c * 5 + i).padStart(2, "0")}`,
        weight: 20,
        rule: { type: "linear", worst: 0, best: 100 },
      })),
    })),
    tiers: [
      { min: 0, label: "At risk", color: "#d92d20" },
      { min: 40, label: "Neutral", color: "#f79009" },
      { min: 70, label: "Healthy", color: "#12b76a" },
    ],
  };
}

/** The baseline for a recompute: one statement computing the bench model's weighted scores of organisation $1. */
export const SQL_SCORES = `
  CREATE TABLE bench_sql_scores AS
  SELECT v."accountId" AS account_id, sum(20 * 25 * least(greatest(v."value", 0), 100)) / sum(20 * 25) AS score
  FROM "MetricCurrentValue" v WHERE v."organizationId" = $1 GROUP BY v."accountId"`;

/**
 * A synthetic organisation straight in SQL: `accounts` accounts in two ARR
 * segments and four lifecycle stages, 20 metric definitions and a current value
 * for every account and metric (all present, so every method computes the same score).
 */
export async function createSyntheticOrganization(url: string, accounts: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const org = randomUUID();
  await client.query(`INSERT INTO "Organization" ("id", "name", "slug") VALUES ($1, 'Bench Org', $2)`, [
    org,
    `bench-${org.slice(0, 8)}`,
  ]);
  await client.query(
    `INSERT INTO "MetricDefinition" ("organizationId", "id", "key", "name", "category", "valueType")
     SELECT $1, gen_random_uuid(), 'm' || lpad(i::text, 2, '0'), 'Metric ' || i, 'usage', 'number' FROM generate_series(0, ${METRICS - 1}) i`,
    [org],
  );
  await client.query(
    `INSERT INTO "Segment" ("organizationId", "id", "key", "name", "rule") VALUES
       ($1, gen_random_uuid(), 'enterprise', 'Enterprise', '{"all":[{"field":"arr","op":"gte","value":100000}]}'),
       ($1, gen_random_uuid(), 'smb', 'SMB', '{"all":[{"field":"arr","op":"lt","value":100000}]}')`,
    [org],
  );
  await client.query(
    `INSERT INTO "Account" ("organizationId", "id", "externalId", "name", "arr", "seats", "startDate", "renewalDate", "updatedAt")
     SELECT $1, gen_random_uuid(), 'BENCH-' || lpad(i::text, 6, '0'), 'Account ' || i, (1000 + (i * 7919) % 400000)::numeric, 10 + i % 500,
            date '2024-01-01' + (i % 600), date '2027-01-01' + (i % 365), now()
     FROM generate_series(1, $2) i`,
    [org, accounts],
  );
  await client.query(
    `INSERT INTO "AccountSegment" ("organizationId", "segmentId", "accountId", "source")
     SELECT a."organizationId", s."id", a."id", 'rule' FROM "Account" a
     JOIN "Segment" s ON s."organizationId" = a."organizationId" AND s."key" = CASE WHEN a."arr" >= 100000 THEN 'enterprise' ELSE 'smb' END
     WHERE a."organizationId" = $1`,
    [org],
  );
  // Lifecycle stages by days as a customer and days to renewal, as the demo's: the backfill places them as of each day.
  await client.query(
    `INSERT INTO "LifecycleStage" ("organizationId", "id", "key", "name", "position", "rule") VALUES
       ($1, gen_random_uuid(), 'onboarding', 'Onboarding', 0, '{"all":[{"field":"tenureDays","op":"lt","value":90}]}'),
       ($1, gen_random_uuid(), 'renewal', 'Renewal', 1, '{"all":[{"field":"daysToRenewal","op":"lte","value":90}]}'),
       ($1, gen_random_uuid(), 'adoption', 'Adoption', 2, '{"all":[{"field":"tenureDays","op":"lt","value":365}]}'),
       ($1, gen_random_uuid(), 'mature', 'Mature', 3, NULL)`,
    [org],
  );
  await client.query(
    `UPDATE "Account" a SET "lifecycleStageId" = s."id"
     FROM "LifecycleStage" s
     WHERE a."organizationId" = $1 AND s."organizationId" = $1 AND s."key" = CASE
       WHEN current_date - a."startDate" < 90 THEN 'onboarding' WHEN a."renewalDate" - current_date <= 90 THEN 'renewal'
       WHEN current_date - a."startDate" < 365 THEN 'adoption' ELSE 'mature' END`,
    [org],
  );
  await client.query(
    `INSERT INTO "MetricCurrentValue" ("organizationId", "accountId", "metricId", "observedAt", "value")
     SELECT a."organizationId", a."id", m."id", now() - interval '1 day', ((hashtext(a."id"::text || m."key") & 2147483647) % 11000) / 100.0
     FROM "Account" a CROSS JOIN "MetricDefinition" m
     WHERE a."organizationId" = $1 AND m."organizationId" = $1`,
    [org],
  );
  await client.end();
  return org;
}
