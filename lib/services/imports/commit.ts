import { queueScoringRun } from "../../db/scoring-runs";
import { csvField } from "../../csv";
import { assignSegmentsAndStages, upsertAccounts, upsertOutcomes, type Upserted } from "../../db/import-writes";
import {
  analyzeAfterImport,
  getImportJobOrThrow,
  reportImportProgress,
  loadImportLookups,
  replaceRejections,
  updateImportJob,
  withImportTransaction,
} from "../../db/imports";
import {
  applyObservationStaging,
  createObservationStaging,
  ObservationCopyText,
  openObservationStaging,
  withBulkTransaction,
  type BulkClient,
  type RepeatedLine,
} from "../../db/bulk-observations";
import type { Tx } from "../../db/client";
import type { OpenCopy } from "../../db/copy";
import type { TenantContext } from "../../tenant";
import { METRIC_COLUMN, missingRequiredFields, wideMetricFields, type ImportKind } from "../../validation/imports";
import { dateConvention, detectCsvFormat } from "./csv-format";
import { extraCellsProblem, mapRow, readCsvBatches } from "./csv-stream";
import {
  checkRow,
  type AccountRecord,
  type ImportLookups,
  type ImportRecord,
  type MappedRow,
  type ObservationRecord,
  type OutcomeRecord,
  type RowError,
} from "./rows";
import { RecordKeys, REPEAT_FIELD, repeatReason } from "./repeats";
import { removeUpload, uploadPath } from "./uploads";
import { wideValues } from "./wide";

const BATCH = 10_000;
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

  try {
    const written = await inOneTransaction(organizationId, kind, async (writer) => {
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
            raw: cells.map(csvField).join(","),
          });
        } else if (result.record) {
          accepted++;
          if (!repeat) writer.add(result.record, line);
        } else {
          rejected++;
          for (const e of result.errors)
            rejections.push({ line, column: e.column, reason: e.reason, raw: cells.map(csvField).join(",") });
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
        if (rejections.length >= BATCH) await flushRejections();
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
      return result;
    });
    // Lines that gave an earlier line's observation another value were left out of the write: rejected after all.
    const valueColumn = conflictColumns(toRow!([]), wide, lookups);
    for (const c of written.conflicts ?? []) {
      accepted--;
      rejected++;
      rejections.push({
        line: c.line,
        column: valueColumn(c.metricId),
        reason: repeatReason("observations", `line ${c.of}`),
        raw: "",
      });
    }
    await flushRejections();
    await updateImportJob(organizationId, importId, {
      status: "committed",
      totalRows: total,
      processedRows: total,
      acceptedRows: accepted,
      newRows: written.created,
      rejectedRows: rejected,
      finishedAt: new Date(),
    });
    // The file has served (the report keeps each rejected row's text); if it cannot go now, the worker's sweep removes it.
    await removeUpload(organizationId, importId).catch(() => {});
    if (accepted >= 10_000) await analyzeAfterImport(kind, accepted);
    if (written.ids.length > 0) await queueScoringRun(ctx, "import", written.ids);
    return { total, accepted, created: written.created, rejected };
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
}

/** The column a conflicting observation's value came from: Value, or in a wide file its metric's column. */
function conflictColumns(header: MappedRow, wide: string[] | null, lookups: ImportLookups) {
  const byMetric = new Map(
    (wide ?? []).map((field) => [lookups.metrics.get(field.slice(METRIC_COLUMN.length))?.id, header.column(field)]),
  );
  return (metricId: string) => byMetric.get(metricId) ?? header.column("value");
}

interface Writer {
  /** Buffers one accepted record (from `line` of the file). */
  add(record: ImportRecord, line: number): void;
  /** Called after each batch of the file: observations stream on at once, upserts wait for a batch's worth. */
  flush(): Promise<void>;
  /**
   * Writes what is left and runs the follow-up updates; returns the accounts touched, how many rows were new,
   * and the lines left out for repeating an earlier line's key with another value.
   */
  finish(now: Date): Promise<Upserted & { conflicts?: RepeatedLine[] }>;
}

/** Observations go through COPY into a staging table; accounts and outcomes through set-based upserts. */
function inOneTransaction<T>(
  organizationId: string,
  kind: ImportKind,
  work: (writer: Writer) => Promise<T>,
): Promise<T> {
  if (kind === "observations") {
    return withBulkTransaction(async (client) => {
      await createObservationStaging(client);
      const writer = copyWriter(organizationId, client);
      try {
        return await work(writer);
      } catch (error) {
        await writer.abort(error as Error);
        throw error;
      }
    });
  }
  return withImportTransaction((tx) => work(upsertWriter(organizationId, kind, tx)));
}

/**
 * Accepted rows stream into the staging table through one COPY while the file
 * is read — the database takes in one batch while the next is checked — and go
 * in with one statement at the end.
 */
function copyWriter(organizationId: string, client: BulkClient): Writer & { abort(error: Error): Promise<void> } {
  const text = new ObservationCopyText();
  let copy: OpenCopy | null = null;
  const send = () => (copy ??= openObservationStaging(client)).write(text.take());
  return {
    add(record, line) {
      text.add(record as ObservationRecord, line);
    },
    flush: send,
    async finish() {
      await send();
      await copy!.end();
      copy = null;
      return applyObservationStaging(client, organizationId);
    },
    async abort(error) {
      await copy?.abort(error);
    },
  };
}

function upsertWriter(organizationId: string, kind: ImportKind, tx: Tx): Writer {
  let batch: ImportRecord[] = [];
  const touched = new Set<string>();
  let created = 0;
  const write = async () => {
    if (batch.length === 0) return;
    if (kind === "accounts") {
      const accounts = await upsertAccounts(organizationId, batch as AccountRecord[], tx);
      for (const id of accounts.ids) touched.add(id);
      created += accounts.created;
    } else {
      // Outcomes are what backtests score against; they change no score.
      created += await upsertOutcomes(organizationId, batch as OutcomeRecord[], tx);
    }
    batch = [];
  };
  return {
    add(record) {
      batch.push(record);
    },
    async flush() {
      if (batch.length >= BATCH) await write();
    },
    async finish(now) {
      await write();
      if (kind === "accounts") await assignSegmentsAndStages(organizationId, [...touched], now, tx);
      return { ids: [...touched], created };
    },
  };
}
