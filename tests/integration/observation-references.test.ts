import { beforeAll, describe, expect, it } from "vitest";
import { db, pool, withBulkTransaction } from "@/lib/db/client";
import { insertObservations } from "@/lib/db/observations";
import { createTestOrg, type TestOrg } from "../support/factories";

/**
 * Observations have no foreign keys: triggers check their references once per
 * statement. These tests hold the triggers to what the foreign keys promised.
 */
let a: TestOrg;
let b: TestOrg;
const at = new Date("2030-01-01T00:00:00Z");

const count = (org: TestOrg, where: { accountId?: string; metricId?: string } = {}) =>
  db().metricObservation.count({ where: { organizationId: org.organizationId, ...where } });

function one(accountId: string, metricId: string, observedAt = at) {
  return {
    accountId: [accountId],
    metricId: [metricId],
    observedAt: [observedAt],
    value: [1],
    textValue: [null],
    source: "api",
  };
}

beforeAll(async () => {
  [a, b] = await Promise.all([
    createTestOrg({ accounts: 6, days: 3, seed: 71 }),
    createTestOrg({ accounts: 6, days: 3, seed: 72 }),
  ]);
});

describe("observation references", () => {
  it("accepts an observation of the organisation's own account and metric", async () => {
    expect(await insertObservations(a.organizationId, one(a.accountIds[0]!, a.metricIds.weekly_active_users!))).toEqual(
      {
        inserted: 1,
        accountIds: [a.accountIds[0]],
      },
    );
  });

  it("refuses another organisation's account, and writes none of the statement's rows", async () => {
    const before = await count(a);
    const rows = one(a.accountIds[1]!, a.metricIds.weekly_active_users!);
    rows.accountId.push(b.accountIds[0]!);
    rows.metricId.push(a.metricIds.weekly_active_users!);
    rows.observedAt.push(at);
    rows.value.push(2);
    rows.textValue.push(null);
    await expect(insertObservations(a.organizationId, rows)).rejects.toThrow(
      new RegExp(`account ${b.accountIds[0]} does not exist in organisation ${a.organizationId}`),
    );
    expect(await count(a)).toBe(before);
  });

  it("refuses another organisation's metric and an id that names nothing", async () => {
    await expect(
      insertObservations(a.organizationId, one(a.accountIds[1]!, b.metricIds.weekly_active_users!)),
    ).rejects.toThrow(/metric .* does not exist in organisation/);
    await expect(
      insertObservations(
        a.organizationId,
        one("00000000-0000-4000-8000-000000000000", a.metricIds.weekly_active_users!),
      ),
    ).rejects.toThrow(/account 00000000-0000-4000-8000-000000000000 does not exist/);
  });

  it("refuses moving an observation onto a foreign account", async () => {
    await expect(
      db().$executeRaw`UPDATE "MetricObservation" SET "accountId" = ${b.accountIds[0]}::uuid
                       WHERE "organizationId" = ${a.organizationId}::uuid AND "accountId" = ${a.accountIds[0]}::uuid`,
    ).rejects.toThrow(/does not exist in organisation/);
  });

  it("holds the account and metric it references until the writing transaction ends, as a foreign key does", async () => {
    const [accountId, metricId] = [a.accountIds[5]!, a.metricIds.csat!];
    const deleting = async (statement: string, id: string) => {
      const other = await pool().connect();
      try {
        await other.query("BEGIN");
        await other.query("SET LOCAL lock_timeout = '300ms'");
        await other.query(statement, [a.organizationId, id]);
      } finally {
        await other.query("ROLLBACK");
        other.release();
      }
    };
    const rolledBack = new Error("roll back");
    await expect(
      withBulkTransaction(async (client) => {
        await client.query(
          `INSERT INTO "MetricObservation" ("organizationId", "accountId", "metricId", "observedAt", "value", "source")
           VALUES ($1, $2, $3, $4, 1, 'api')`,
          [a.organizationId, accountId, metricId, at],
        );
        await expect(
          deleting(`DELETE FROM "Account" WHERE "organizationId" = $1 AND "id" = $2`, accountId),
        ).rejects.toThrow(/lock timeout/);
        await expect(
          deleting(`DELETE FROM "MetricDefinition" WHERE "organizationId" = $1 AND "id" = $2`, metricId),
        ).rejects.toThrow(/lock timeout/);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
  });

  it("deletes an account's observations with the account, and no one else's", async () => {
    const [gone, kept] = [a.accountIds[2]!, a.accountIds[3]!];
    expect(await count(a, { accountId: gone })).toBeGreaterThan(0);
    const keptBefore = await count(a, { accountId: kept });
    const otherOrgBefore = await count(b);
    await db().account.delete({ where: { organizationId_id: { organizationId: a.organizationId, id: gone } } });
    expect(await count(a, { accountId: gone })).toBe(0);
    expect(await count(a, { accountId: kept })).toBe(keptBefore);
    expect(await count(b)).toBe(otherOrgBefore);
  });

  it("deletes a metric's observations with the metric", async () => {
    const metricId = a.metricIds.weekly_active_users!;
    expect(await count(a, { metricId })).toBeGreaterThan(0);
    await db().metricDefinition.delete({
      where: { organizationId_id: { organizationId: a.organizationId, id: metricId } },
    });
    expect(await count(a, { metricId })).toBe(0);
    expect(await count(a)).toBeGreaterThan(0);
  });

  it("deletes every observation with the organisation", async () => {
    const orphan = await createTestOrg({ accounts: 3, days: 2, seed: 73 });
    expect(await count(orphan)).toBeGreaterThan(0);
    await db().organization.delete({ where: { id: orphan.organizationId } });
    expect(await count(orphan)).toBe(0);
  });

  it("refuses changing an account's key", async () => {
    await expect(
      db().$executeRaw`UPDATE "Account" SET "id" = gen_random_uuid()
                       WHERE "organizationId" = ${a.organizationId}::uuid AND "id" = ${a.accountIds[4]}::uuid`,
    ).rejects.toThrow(/cannot change/);
  });
});
