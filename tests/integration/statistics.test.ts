import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { analyzeIfGrown } from "@/lib/db/statistics";

// A table of its own, out of autovacuum's reach, so only analyzeIfGrown moves its statistics.
const TABLE = "StatisticsProbe";

const plannerRows = async () =>
  Number(
    (await db().$queryRawUnsafe<{ n: number }[]>(`SELECT reltuples AS n FROM pg_class WHERE relname = '${TABLE}'`))[0]!
      .n,
  );
const add = (rows: number) => db().$executeRawUnsafe(`INSERT INTO "${TABLE}" SELECT generate_series(1, ${rows})`);

beforeAll(async () => {
  await db().$executeRawUnsafe(`DROP TABLE IF EXISTS "${TABLE}"`);
  await db().$executeRawUnsafe(`CREATE TABLE "${TABLE}" (x int) WITH (autovacuum_enabled = false)`);
});
afterAll(() => db().$executeRawUnsafe(`DROP TABLE IF EXISTS "${TABLE}"`));

it("analyses a table a write made a tenth or more of, and leaves a large one to autovacuum", async () => {
  expect(await plannerRows()).toBe(-1);
  await add(1000);
  await analyzeIfGrown(db(), TABLE, 1000);
  expect(await plannerRows()).toBe(1000);
  // 50 rows are not a tenth of 1,000: statistics stay as they were.
  await add(50);
  await analyzeIfGrown(db(), TABLE, 50);
  expect(await plannerRows()).toBe(1000);
  await add(150);
  await analyzeIfGrown(db(), TABLE, 150);
  expect(await plannerRows()).toBe(1200);
});

it("takes only a plain table name", async () => {
  await expect(analyzeIfGrown(db(), `${TABLE}"; DROP TABLE "x`, 1)).rejects.toThrow(/not a table name/);
});
