import { stat } from "node:fs/promises";
import path from "node:path";
import type { TenantContext } from "../../lib/tenant";
import { writeObservationsCsv } from "./csv";
import { sql } from "./database";
import { copyFile, importFile, OBSERVATION_COLUMNS } from "./imports";
import { COPY_INSERT, emptyObservations, leastWrites } from "./observation-floors";
import { peakMemory, seconds, timed } from "./measure";
import type { Figure } from "./results";

/** A time before every reading of the CSV (January 2026), to make its readings the newest. */
const BEFORE_THE_FILE = "2025-06-01T00:00:00Z";

export interface ObservationImport {
  rows: number;
  /** The import next to its baselines, the import again, the least write, and peak memory. */
  figures: Figure[];
  /**
   * The same file as the newest readings, as a daily feed brings them: every row moves a current value forward.
   * To be measured last, as it changes the current values everything else scores.
   */
  newest: () => Promise<Figure>;
}

/**
 * A 1M-row observations CSV imported through the product's path (upload,
 * commit), next to PostgreSQL COPY of the same file and to the least SQL that
 * gets it into the observations table; then the same file again, and the
 * insert of its resolved rows alone.
 */
export async function measureObservationImport(
  url: string,
  ctx: TenantContext,
  work: string,
  accounts: number,
  rowsPerAccount: number,
  log: (line: string) => void,
): Promise<ObservationImport> {
  const organizationId = ctx.organizationId;
  const figures: Figure[] = [];
  const file = path.join(work, "observations.csv");
  const rows = await writeObservationsCsv(file, accounts, rowsPerAccount);
  const size = (await stat(file)).size;
  const imported = await peakMemory(() => timed(() => importFile(ctx, file, "observations")));
  // The same file again: nothing is new, so every row is looked up among the stored ones.
  const again = await timed(() => importFile(ctx, file, "observations"));
  if (again.result.created !== 0 || again.result.rejected !== 0)
    throw new Error(
      `importing the file again stored ${again.result.created} rows and rejected ${again.result.rejected}`,
    );
  const copy = await timed(() => copyFile(url, file, "bench_copy", OBSERVATION_COLUMNS));
  // The least SQL alone does to get this file into the real table: COPY, then one INSERT … SELECT resolving ids.
  await emptyObservations(url, organizationId);
  const copyInsert = await timed(async () => {
    await copyFile(url, file, "bench_copy_2", OBSERVATION_COLUMNS);
    await sql(url, COPY_INSERT, [organizationId]);
  });
  figures.push({
    name: `Import of a ${rows.toLocaleString("en-US")}-row observations CSV (${(size / 1024 / 1024).toFixed(0)} MB) through the product's import path`,
    ours: imported.result.ms,
    baseline: copy.ms,
    baselineName: "PostgreSQL COPY of the same file into a plain table",
    goal: "≤ 3×",
    ratio: imported.result.ms / copy.ms,
    note: `${imported.result.result.accepted.toLocaleString("en-US")} rows accepted (${imported.result.result.created.toLocaleString("en-US")} new), ${imported.result.result.rejected} rejected`,
  });
  figures.push({
    name: "The same import",
    ours: imported.result.ms,
    baseline: copyInsert.ms,
    baselineName:
      "COPY into a staging table + one INSERT … SELECT into the observations table (ids resolved, duplicates skipped)",
    goal: "(context)",
    ratio: imported.result.ms / copyInsert.ms,
  });
  figures.push({
    name: "The same file imported again: every row stored already with the same value, so nothing is written, and each row is compared with what is stored",
    ours: again.ms,
    baseline: copy.ms,
    baselineName: "PostgreSQL COPY of the same file into a plain table",
    goal: "(context)",
    ratio: again.ms / copy.ms,
    note: `${again.result.accepted.toLocaleString("en-US")} rows accepted (${again.result.created} new)`,
  });
  const floor = await leastWrites(url, organizationId, work);
  figures.push({
    name: `Writing the file's rows into the observations table alone: one INSERT … SELECT of the ${rows.toLocaleString("en-US")} rows, ids already resolved, in key order (no duplicate check, no current values) — the least any import into this table does`,
    ours: floor.insertMs,
    baseline: copy.ms,
    baselineName: "PostgreSQL COPY of the same file into a plain table",
    goal: "(context)",
    ratio: floor.insertMs / copy.ms,
  });
  figures.push({
    name: `PostgreSQL's own COPY of the same ${rows.toLocaleString("en-US")} rows, ids already resolved, in key order, straight into the observations table (its unique key and reference check included; no duplicate check, no current values): what PostgreSQL itself takes to store the file's rows under the key every observation needs`,
    ours: floor.copyMs,
    baseline: copy.ms,
    baselineName: "PostgreSQL COPY of the same file into a plain table",
    goal: "(context)",
    ratio: floor.copyMs / copy.ms,
  });
  figures.push({
    name: "Peak memory (RSS) of the whole process during the import",
    ours: imported.peakMb,
    unit: "MB",
    goal: "≤ 512 MB",
    note: `${imported.startMb.toFixed(0)} MB when it started`,
  });
  log(
    `import ${seconds(imported.result.ms)} vs COPY ${seconds(copy.ms)}, COPY + INSERT ${seconds(copyInsert.ms)}, resolved rows' INSERT alone ${seconds(floor.insertMs)}, their COPY into the table ${seconds(floor.copyMs)}; peak RSS ${imported.peakMb.toFixed(0)} MB`,
  );
  return {
    rows,
    figures,
    newest: async () => {
      await emptyObservations(url, organizationId);
      await sql(url, `UPDATE "MetricCurrentValue" SET "observedAt" = $2 WHERE "organizationId" = $1`, [
        organizationId,
        BEFORE_THE_FILE,
      ]);
      await sql(url, `VACUUM "MetricCurrentValue"`);
      const newer = await timed(() => importFile(ctx, file, "observations"));
      const moved = await sql(
        url,
        `SELECT count(*)::int AS n FROM "MetricCurrentValue" WHERE "organizationId" = $1 AND "observedAt" > $2`,
        [organizationId, BEFORE_THE_FILE],
      );
      const figure: Figure = {
        name: `The same import when the file's readings are the newest: ${moved.rows[0].n.toLocaleString("en-US")} current values moved forward`,
        ours: newer.ms,
        baseline: copy.ms,
        baselineName: "PostgreSQL COPY of the same file into a plain table",
        goal: "(context)",
        ratio: newer.ms / copy.ms,
      };
      log(`the same import as the newest readings ${seconds(newer.ms)}`);
      return figure;
    },
  };
}
