import { Prisma, type SqlTx } from "./client";

/**
 * Refreshes the planner's statistics of `table` after a bulk write of `written`
 * rows, if those rows are a tenth or more of what the planner believes the table
 * holds: a fresh or small table that just grew by 100k rows still looks empty to
 * it, which turns the joins that follow into nested loops. On a large table the
 * same write barely moves the statistics, while ANALYZE's sample (30,000 rows
 * from as many pages) takes seconds to read — 2.5–3.7 s on a year of snapshots
 * of 100k accounts — so it is left to autovacuum, which analyses a table once a
 * tenth of it has changed.
 */
export async function analyzeIfGrown(tx: SqlTx, table: string, written: number) {
  if (!/^[A-Za-z]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  const rows = Prisma.raw(String(Math.floor(written)));
  await tx.$executeRaw`
    DO $$ BEGIN
      IF (SELECT reltuples FROM pg_class WHERE oid = '"${Prisma.raw(table)}"'::regclass) < 10 * ${rows} THEN
        ANALYZE "${Prisma.raw(table)}";
      END IF;
    END $$`;
}
