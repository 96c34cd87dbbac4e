import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db, readRows } from "@/lib/db/client";

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe("readRows (the pages' reads, straight on the pool)", () => {
  it("returns what Prisma's raw query returns, in any process time zone", async () => {
    process.env.TZ = "Pacific/Auckland";
    const late = new Date("2026-06-15T23:30:00Z");
    const [direct] = await readRows<Record<string, unknown>[]>`
      SELECT ${late}::date AS "day", ${late}::timestamptz AS "at", 2.5::float8 AS "x", 7::int AS "n",
             'a'::text AS "s", '{"k":[1,2]}'::json AS "j", NULL::float8 AS "none", ${["a", "b"]}::text[] AS "list"`;
    const [prisma] = await db().$queryRaw<Record<string, unknown>[]>`
      SELECT ${late}::date AS "day", ${late}::timestamptz AS "at", 2.5::float8 AS "x", 7::int AS "n",
             'a'::text AS "s", '{"k":[1,2]}'::json AS "j", NULL::float8 AS "none", ${["a", "b"]}::text[] AS "list"`;
    expect(direct).toEqual(prisma);
    // A day is UTC midnight and a Date parameter is its instant, not the process's local day.
    expect((direct!.day as Date).toISOString()).toBe("2026-06-15T00:00:00.000Z");
    expect((direct!.at as Date).getTime()).toBe(late.getTime());
  });

  it("returns numeric and bigint as strings, so reads cast them in SQL", async () => {
    const [row] = await readRows<
      { arr: unknown; count: unknown }[]
    >`SELECT 1234.50::numeric AS "arr", 3::bigint AS "count"`;
    expect(row).toEqual({ arr: "1234.50", count: "3" });
  });

  it("prepares its statements on the connection, to be run again without parsing", async () => {
    // The statement lists the prepared statements of the connection it runs on, itself among them.
    const rows = await readRows<{ statement: string }[]>`SELECT "statement" FROM pg_prepared_statements`;
    expect(rows.map((r) => r.statement)).toContain(`SELECT "statement" FROM pg_prepared_statements`);
  });

  it("carries on when the server closes an idle connection of the pool", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const [backend] = await readRows<{ pid: number }[]>`SELECT pg_backend_pid() AS "pid"`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query("SELECT pg_terminate_backend($1)", [backend!.pid]);
      await admin.end();
      await vi.waitFor(() =>
        expect(logged).toHaveBeenCalledWith(expect.stringMatching(/database connection was lost/)),
      );
      const [row] = await readRows<{ ok: number }[]>`SELECT 1 AS "ok"`;
      expect(row).toEqual({ ok: 1 });
    } finally {
      logged.mockRestore();
    }
  });
});
