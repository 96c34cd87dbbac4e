import { expect, it } from "vitest";
import {
  applyObservationStaging,
  createObservationStaging,
  withBulkTransaction,
  type BulkClient,
} from "@/lib/db/bulk-observations";
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

/** Runs `write` in a transaction left open until `commit` is called: another writer, mid-flight. */
async function otherWriter(write: (client: BulkClient) => Promise<unknown>) {
  let commit!: () => void;
  let written!: () => void;
  const ready = new Promise<void>((resolve) => (written = resolve));
  const done = withBulkTransaction(async (client) => {
    await write(client);
    written();
    await new Promise<void>((resolve) => (commit = resolve));
  });
  await ready;
  return { commit: () => (commit(), done) };
}

/** Stages `rows` ([account, metric, observedAt, value]) as an import and applies them, as a commit does. */
function importRows(organizationId: string, rows: [string, string, Date, number][]) {
  return withBulkTransaction(async (client) => {
    await createObservationStaging(client);
    for (const [line, [account, metric, at, value]] of rows.entries())
      await client.query(`INSERT INTO import_observations VALUES ($1, $2, $3, $4, NULL, $5)`, [
        account,
        metric,
        at,
        value,
        line + 2,
      ]);
    return applyObservationStaging(client, organizationId, rows.length);
  });
}

const currentValue = (organizationId: string, accountId: string, metricId: string) =>
  db().metricCurrentValue.findFirstOrThrow({ where: { organizationId, accountId, metricId } });

/** An account's current value of a metric at `at`, committed: the row a concurrent writer then changes. */
async function storeCurrentValue(organizationId: string, accountId: string, metricId: string, at: Date) {
  const key = { organizationId, accountId, metricId };
  await db().metricCurrentValue.upsert({
    where: { organizationId_accountId_metricId: key },
    create: { ...key, observedAt: at, value: 0 },
    update: { observedAt: at, value: 0 },
  });
}

/** Another writer's move of that current value to the reading at `at` (value 9), left uncommitted. */
const moveCurrentValue = (organizationId: string, accountId: string, metricId: string, at: Date) =>
  otherWriter((client) =>
    client.query(
      `UPDATE "MetricCurrentValue" SET "observedAt" = $4, "value" = 9
       WHERE "organizationId" = $1 AND "accountId" = $2 AND "metricId" = $3`,
      [organizationId, accountId, metricId, at],
    ),
  );

it("an import meeting a new key that a concurrent writer commits first skips that key and stores the rest", async () => {
  const org = await createTestOrg({ accounts: 2, days: 1, seed: 81 });
  const [account, metric] = [org.accountIds[0]!, org.metricIds.csat!];
  const first = new Date("2031-01-01T00:00:00Z");
  const second = new Date("2031-01-02T00:00:00Z");
  const other = await otherWriter((client) =>
    client.query(
      `INSERT INTO "MetricObservation" ("organizationId", "accountId", "metricId", "observedAt", "value", "source")
       VALUES ($1, $2, $3, $4, 5, 'api')`,
      [org.organizationId, account, metric, first],
    ),
  );

  // The import does not see the other writer's row yet, so it tries to insert the same key and waits.
  const importing = importRows(org.organizationId, [
    [account, metric, first, 1],
    [account, metric, second, 2],
  ]);
  await importWaitsForLock();
  await other.commit();

  // The key the other writer stored first is not counted as new, and the import's other value for it is left out.
  expect(await importing).toEqual({
    ids: [account],
    created: 1,
    conflicts: [],
    storedOtherwise: [{ at: 2, metricId: metric, value: 5, textValue: null }],
  });
  const stored = await db().metricObservation.findMany({
    where: { organizationId: org.organizationId, accountId: account, metricId: metric, observedAt: { gte: first } },
    orderBy: { observedAt: "asc" },
    select: { observedAt: true, value: true, source: true },
  });
  expect(stored).toEqual([
    { observedAt: first, value: 5, source: "api" },
    { observedAt: second, value: 2, source: "import" },
  ]);
  expect(await currentValue(org.organizationId, account, metric)).toMatchObject({ observedAt: second, value: 2 });
});

const OLDER = new Date("2031-02-01T00:00:00Z");
const NEWER = new Date("2031-02-02T00:00:00Z");

// The import's reading is newer than the current value it sees, so it updates that row, and waits for the other
// writer holding it; it then compares again with what the other writer committed.
it.each([
  { moves: "never back past a newer one", other: NEWER, imported: OLDER, kept: { observedAt: NEWER, value: 9 } },
  { moves: "forward past an older one", other: OLDER, imported: NEWER, kept: { observedAt: NEWER, value: 1 } },
])("an import moves a current value $moves that a concurrent writer commits first", async (c) => {
  const org = await createTestOrg({ accounts: 2, days: 1, seed: 82 });
  const [account, metric] = [org.accountIds[0]!, org.metricIds.csat!];
  await storeCurrentValue(org.organizationId, account, metric, new Date("2031-01-01T00:00:00Z"));
  const other = await moveCurrentValue(org.organizationId, account, metric, c.other);

  const importing = importRows(org.organizationId, [[account, metric, c.imported, 1]]);
  await importWaitsForLock();
  await other.commit();

  expect(await importing).toEqual({ ids: [account], created: 1, conflicts: [], storedOtherwise: [] });
  expect(await currentValue(org.organizationId, account, metric)).toMatchObject(c.kept);
});
