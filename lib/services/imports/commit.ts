import { queueScoringRun } from "../../db/scoring-runs";
import { csvLine } from "../../csv";
import {
  analyzeAfterImport,
  getImportJobOrThrow,
  markImportCommitted,
  reportImportProgress,
  loadImportLookups,
  replaceRejections,
  updateImportJob,
} from "../../db/imports";
import type { TenantContext } from "../../tenant";
import { METRIC_COLUMN, missingRequiredFields, wideMetricFields, type ImportKind } from "../../validation/imports";
import { dateConvention, detectCsvFormat } from "./csv-format";
import { extraCellsProblem, mapRow, readCsvBatches, readLines } from "./csv-stream";
import { checkRow, type ImportLookups, type MappedRow, type RowError } from "./rows";
import { RecordKeys, REPEAT_FIELD, repeatReason, storedReason } from "./repeats";
import { removeUpload, uploadPath } from "./uploads";
import { wideValues } from "./wide";
import { inOneTransaction, type Writer } from "./writers";

/** Rejected rows are stored this many at a time. */
const REJECTIONS_EVERY = 10_000;
const PROGRESS_EVERY = 10_000;

export interface CommitOptions {
  now?: Date;
  /** Tests: fail after this many rows, to prove a failure writes nothing. */
  failAfterRows?: number;
}

/**
 * Commits an uploaded file: streams it row by row, checks every row, reports
 * each rejected row (line, column, reason) and writes every accepted row in ONE
 * transaction — a failure or a crash part-way leaves nothing written. Writes are
 * set-based, in batches; re-importing the same rows stores nothing twice.
 */
export async function commitImport(organizationId: string, importId: string, options: CommitOptions = {}) {
  const ctx = { organizationId } as TenantContext;
  const job = await getImportJobOrThrow(ctx, importId);
  const kind = job.kind as ImportKind;
  const now = options.now ?? new Date();
  const file = uploadPath(organizationId, importId);
  const format = await detectCsvFormat(file);
  const lookups: ImportLookups = {
    ...(await loadImportLookups(organizationId)),
    now,
    decimal: format.decimal,
    dates: dateConvention(format, job.dateOrder),
  };
  let headers: string[] | null = null;
  let toRow: ReturnType<typeof mapRow> | null = null;
  // Rows of the file, for the progress; `total` counts what is checked — the rows, or a wide file's values.
  let rowsRead = 0;
  let total = 0;
  let reported = 0;
  let accepted = 0;
  let rejected = 0;
  let rejections: { line: number; column: string; reason: string; raw: string }[] = [];
  let firstRejections = true;
  // Observation files can hold millions of rows: their repeated keys are found in the database, at the end.
  const repeats = kind === "observations" ? null : new RecordKeys(kind);
  const wide = wideMetricFields(kind, job.mapping);
  // Each progress report tells whether someone asked to stop; the transaction then rolls back, writing nothing.
  const report = async (data: Parameters<typeof reportImportProgress>[2]) => {
    if ((await reportImportProgress(organizationId, importId, data)).cancelRequested)
      throw new Error(`Cancelled on request, ${rowsRead.toLocaleString("en-US")} rows in.`);
  };
  const flushRejections = async () => {
    await replaceRejections(organizationId, importId, rejections, firstRejections);
    firstRejections = false;
    rejections = [];
  };

  let written: Awaited<ReturnType<Writer["finish"]>>;
  try {
    written = await inOneTransaction(organizationId, kind, async (writer) => {
      // Checks one row of a long file, or one value of a wide one, and writes or reports it.
      const take = (row: MappedRow, line: number, cells: string[], extra: RowError | null) => {
        total++;
        const result = extra ? { errors: [extra] } : checkRow(kind, row, lookups);
        const repeat = result.record ? (repeats?.check(result.record, line) ?? null) : null;
        if (repeat && !repeat.same) {
          rejected++;
          rejections.push({
            line,
            column: row.column(REPEAT_FIELD[kind]),
            reason: repeatReason(kind, `line ${repeat.of}`),
            raw: csvLine(cells),
          });
        } else if (result.record) {
          accepted++;
          if (!repeat) writer.add(result.record, line);
        } else {
          rejected++;
          for (const e of result.errors)
            rejections.push({ line, column: e.column, reason: e.reason, raw: csvLine(cells) });
        }
      };
      // The file arrives in batches of rows (64 KB of it at a time).
      for await (const rows of readCsvBatches(file, format)) {
        for (const { line, cells } of rows) {
          if (!headers) {
            headers = cells.map((c) => c.trim());
            const missing = missingRequiredFields(kind, job.mapping);
            if (missing.length) throw new Error(`No column is mapped to ${missing.map((m) => m.label).join(", ")}.`);
            toRow = mapRow(headers, job.mapping);
            continue;
          }
          rowsRead++;
          const row = toRow!(cells);
          const extra = extraCellsProblem(headers, cells, format);
          // A wide row holds a value per metric column; each is checked and counted as a row of a long file.
          if (wide && !extra) for (const value of wideValues(row, wide)) take(value, line, cells, null);
          else take(row, line, cells, extra);
          if (options.failAfterRows !== undefined && rowsRead >= options.failAfterRows)
            throw new Error("Simulated failure part-way through the import.");
        }
        await writer.flush();
        if (rejections.length >= REJECTIONS_EVERY) await flushRejections();
        if (rowsRead - reported >= PROGRESS_EVERY) {
          reported = rowsRead;
          await report({ processedRows: rowsRead });
        }
      }
      if (!headers) throw new Error("The file is empty: it needs a header row and at least one row.");
      // Every row is checked; what is left is one write, which for a million rows takes seconds.
      await report({ processedRows: rowsRead, acceptedRows: accepted, checkedAt: new Date() });
      const result = await writer.finish(now);
      // A cancel that came during the write still undoes it: the transaction has not committed yet.
      await report({});
      // Lines that gave an earlier line's or a stored observation another value were left out: rejected after all.
      const valueColumn = conflictColumns(toRow!([]), wide, lookups);
      const leftOut = [
        ...(result.conflicts ?? []).map((c) => ({ ...c, reason: repeatReason("observations", `line ${c.of}`) })),
        ...(result.storedOtherwise ?? []).map((s) => ({ ...s, line: s.at, reason: storedReason(s) })),
      ];
      // The file is read again for their text, which the report shows as for every rejected row.
      const texts = leftOut.length ? await readLines(file, format, new Set(leftOut.map((c) => c.line))) : null;
      for (const c of leftOut) {
        accepted--;
        rejected++;
        rejections.push({
          line: c.line,
          column: valueColumn(c.metricId),
          reason: c.reason,
          raw: texts!.get(c.line) ?? "",
        });
      }
      // The whole report is in before the import shows as committed (its page then lists the first rejections).
      await flushRejections();
      // Marked committed by the transaction that writes its rows: a crash leaves both or neither.
      await markImportCommitted(writer.sql, organizationId, importId, {
        total,
        accepted,
        created: result.created,
        changed: result.changed ?? null,
        rejected,
        earliestAt: result.earliest ?? null,
        finishedAt: new Date(),
      });
      return result;
    });
  } catch (error) {
    await flushRejections().catch(() => {});
    await updateImportJob(organizationId, importId, {
      status: "failed",
      totalRows: total,
      processedRows: total,
      acceptedRows: 0,
      rejectedRows: rejected,
      error: `${error instanceof Error ? error.message : String(error)} Nothing was written.`,
      finishedAt: new Date(),
    });
    throw error;
  }
  // The file has served (the report keeps each rejected row's text); if it cannot go now, the worker's sweep removes it.
  await removeUpload(organizationId, importId).catch(() => {});
  if (accepted >= 10_000) await analyzeAfterImport(kind, accepted);
  if (written.ids.length > 0) await queueScoringRun(ctx, "import", written.ids);
  return { total, accepted, created: written.created, rejected };
}

/** The column a conflicting observation's value came from: Value, or in a wide file its metric's column. */
function conflictColumns(header: MappedRow, wide: string[] | null, lookups: ImportLookups) {
  const byMetric = new Map(
    (wide ?? []).map((field) => [lookups.metrics.get(field.slice(METRIC_COLUMN.length))?.id, header.column(field)]),
  );
  return (metricId: string) => byMetric.get(metricId) ?? header.column("value");
}
