import { expect, it } from "vitest";
import { applyObservationStaging, createObservationStaging, withBulkTransaction } from "@/lib/db/bulk-observations";
import { db, pool } from "@/lib/db/client";
import { createTestOrg } from "../support/factories";

/** Resolves once some statement over the import's staging table waits for a lock. */
async function importWaitsForLock() {
  for (let i = 0; i < 200; i++) {
    const { rows } = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%import_observations%'`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the import never waited for the other writer");
}

it("an import meeting a new key that a concurrent writer commits first skips that key and stores the rest", async () => {
  const org = await createTestOrg({ accounts: 2, days: 1, seed: 81 });
  const [account, metric] = [org.accountIds[0]!, org.metricIds.csat!];
  const first = new Date("2031-01-01T00:00:00Z");
  const second = new Date("2031-01-02T00:00:00Z");

  let commitOther!: () => void;
  let otherInserted!: () => void;
  const inserted = new Promise<void>((resolve) => (otherInserted = resolve));
  const other = withBulkTransaction(async (client) => {
    await client.query(
      `INSERT INTO "MetricObservation" ("organizationId", "accountId", "metricId", "observedAt", "value", "source")
       VALUES ($1, $2, $3, $4, 5, 'api')`,
      [org.organizationId, account, metric, first],
    );
    otherInserted();
    await new Promise<void>((resolve) => (commitOther = resolve));
  });
  await inserted;

  // The import does not see the other writer's row yet, so it tries to insert the same key and waits.
  const importing = withBulkTransaction(async (client) => {
    await createObservationStaging(client);
    await client.query(`INSERT INTO import_observations VALUES ($1, $2, $3, 1, NULL, 2), ($1, $2, $4, 2, NULL, 3)`, [
      account,
      metric,
      first,
      second,
    ]);
    return applyObservationStaging(client, org.organizationId);
  });
  await importWaitsForLock();
  commitOther();
  await other;

  // The key the other writer stored first is not counted as new.
  expect(await importing).toEqual({ ids: [account], created: 1, conflicts: [] });
  const stored = await db().metricObservation.findMany({
    where: { organizationId: org.organizationId, accountId: account, metricId: metric, observedAt: { gte: first } },
    orderBy: { observedAt: "asc" },
    select: { observedAt: true, value: true, source: true },
  });
  expect(stored).toEqual([
    { observedAt: first, value: 5, source: "api" },
    { observedAt: second, value: 2, source: "import" },
  ]);
  const current = await db().metricCurrentValue.findFirstOrThrow({
    where: { organizationId: org.organizationId, accountId: account, metricId: metric },
  });
  expect(current).toMatchObject({ observedAt: second, value: 2 });
});
