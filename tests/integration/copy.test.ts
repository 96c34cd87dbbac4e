import { describe, expect, it } from "vitest";
import { float8Array, int4Array, textArray } from "@/lib/db/binary-arrays";
import { db, inlineParams, Prisma, withBulkTransaction } from "@/lib/db/client";
import { copyLinesIn, copyOutBinary } from "@/lib/db/copy";
import { loadPortfolioAccounts } from "@/lib/db/scoring-inputs";
import { loadActivePortfolio } from "@/lib/services/scoring/portfolio-input";
import { createTestOrg } from "../support/factories";

describe("binary COPY reader", () => {
  it("reads every row of a large result exactly, across chunk boundaries, with NULLs and multi-byte text", async () => {
    const n = 60_000;
    const seen: { id: number; x: number | null; t: string | null }[] = [];
    const rows = await withBulkTransaction((client) =>
      copyOutBinary(
        client,
        `COPY (SELECT g::int4, CASE WHEN g % 7 = 0 THEN NULL ELSE g * 1.25 END::float8,
                      CASE WHEN g % 5 = 0 THEN NULL ELSE repeat('é', g % 40) END
                 FROM generate_series(1, ${n}) g ORDER BY g) TO STDOUT (FORMAT binary)`,
        3,
        (buf, at, len) =>
          seen.push({
            id: buf.readInt32BE(at[0]!),
            x: len[1]! < 0 ? null : buf.readDoubleBE(at[1]!),
            t: len[2]! < 0 ? null : buf.toString("utf8", at[2]!, at[2]! + len[2]!),
          }),
      ),
    );
    expect(rows).toBe(n);
    expect(seen).toHaveLength(n);
    seen.forEach((r, i) => {
      const g = i + 1;
      expect(r).toEqual({ id: g, x: g % 7 === 0 ? null : g * 1.25, t: g % 5 === 0 ? null : "é".repeat(g % 40) });
    });
  });

  it("reads arrays in their binary form: empty ones, NULL elements, repeated texts shared", async () => {
    const rows: unknown[][] = [];
    const seen = new Map<string, string>();
    await withBulkTransaction((client) =>
      copyOutBinary(
        client,
        `COPY (SELECT ARRAY[1.5, NULL, -2e300]::float8[], '{}'::float8[], ARRAY[3, -1, 2147483647]::int4[],
                      ARRAY['at_risk', 'héalthy', 'at_risk', '']::text[], '{}'::text[]
                 FROM generate_series(1, 2)) TO STDOUT (FORMAT binary)`,
        5,
        (buf, at) =>
          rows.push([
            float8Array(buf, at[0]!),
            float8Array(buf, at[1]!),
            int4Array(buf, at[2]!),
            textArray(buf, at[3]!, seen),
            textArray(buf, at[4]!, seen),
          ]),
      ),
    );
    expect(rows).toEqual([
      [[1.5, null, -2e300], [], [3, -1, 2147483647], ["at_risk", "héalthy", "at_risk", ""], []],
      [[1.5, null, -2e300], [], [3, -1, 2147483647], ["at_risk", "héalthy", "at_risk", ""], []],
    ]);
    expect([...seen.keys()].sort()).toEqual(["", "at_risk", "héalthy"]);
  });

  it("writes a statement's values into it as literals that cannot break out of their quotes", async () => {
    const nasty = `it's a \\ trap'); DROP TABLE "Account"; --`;
    const day = new Date("2026-11-22T00:00:00Z");
    const read: unknown[][] = [];
    const sql = inlineParams(
      Prisma.sql`SELECT ${nasty}::text, ${day}::date - ${"2026-11-20"}::date, ${null}::text, ${7}`,
    );
    expect(sql).not.toContain("$");
    await withBulkTransaction((client) =>
      copyOutBinary(client, `COPY (${sql}) TO STDOUT (FORMAT binary)`, 4, (buf, at, len) =>
        read.push([
          buf.toString("utf8", at[0]!, at[0]! + len[0]!),
          buf.readInt32BE(at[1]!),
          len[2],
          buf.readInt32BE(at[3]!),
        ]),
      ),
    );
    expect(read).toEqual([[nasty, 2, -1, 7]]);
    expect(await db().account.count()).toBeGreaterThan(0);
  });

  it("streams lines in and reads them back", async () => {
    const lines = Array.from({ length: 45_000 }, (_, i) => `${i}\tname ${i}`);
    const back = await withBulkTransaction(async (client) => {
      await client.query(`CREATE TEMP TABLE copy_check (i int4, name text) ON COMMIT DROP`);
      await copyLinesIn(client, "copy_check", lines);
      return (await client.query(`SELECT count(*)::int AS n, max(i) AS top, min(name) AS first FROM copy_check`))
        .rows[0];
    });
    expect(back).toEqual({ n: 45_000, top: 44_999, first: "name 0" });
  });
});

describe("the scoring pipeline's inputs", () => {
  it("loads every current value, text and observation time exactly as stored, and account dates to the day", async () => {
    const org = await createTestOrg({ accounts: 12, days: 4, seed: 21 });
    const { accounts, portfolio } = await loadActivePortfolio(org.organizationId);
    const stored = await db().metricCurrentValue.findMany({
      where: { organizationId: org.organizationId, account: { status: "active" } },
      include: { metric: { select: { key: true } } },
    });
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((r) => r.textValue !== null)).toBe(true);
    const width = portfolio.metricKeys.length;
    let filled = 0;
    for (const r of stored) {
      const cell = accounts.ids.indexOf(r.accountId) * width + portfolio.metricKeys.indexOf(r.metric.key);
      expect(portfolio.values[cell]).toBe(r.value ?? NaN);
      expect(portfolio.texts[cell]).toBe(r.textValue);
      expect(portfolio.observedAt[cell]).toBe(r.observedAt.getTime());
      filled++;
    }
    // Every other cell is missing.
    expect(Array.from(portfolio.observedAt).filter((t) => !Number.isNaN(t))).toHaveLength(filled);

    const all = await loadPortfolioAccounts(org.organizationId);
    const rows = await db().account.findMany({ where: { organizationId: org.organizationId }, orderBy: { id: "asc" } });
    expect(all.ids).toEqual(rows.map((a) => a.id));
    rows.forEach((a, i) => {
      expect(all.arr[i]).toBe(Number(a.arr));
      expect(all.startedAt[i]).toBe(a.startDate?.getTime() ?? NaN);
      expect(all.churnedAt[i]).toBe(a.status === "churned" && a.renewalDate ? a.renewalDate.getTime() : NaN);
    });
  });
});
