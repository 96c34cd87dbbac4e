import { queueScoringRun } from "../../db/scoring-runs";
import { assignSegmentsAndStages, upsertAccounts, upsertOutcomes } from "../../db/import-writes";
import {
  getImportJobOrThrow,
  loadImportLookups,
  replaceRejections,
  updateImportJob,
  withImportTransaction,
} from "../../db/imports";
import { insertObservations, refreshCurrentValues } from "../../db/observations";
import type { Tx } from "../../db/client";
import type { TenantContext } from "../../tenant";
import { missingRequiredFields, type ImportKind } from "../../validation/imports";
import { mapRow, readCsv } from "./csv-stream";
import {
  checkRow,
  type AccountRecord,
  type ImportLookups,
  type ImportRecord,
  type ObservationRecord,
  type OutcomeRecord,
} from "./rows";
import { uploadPath } from "./uploads";

const BATCH = 10_000;
const PROGRESS_EVERY = 5_000;

export interface CommitOptions {
  now?: Date;
  /** Tests: fail after this many rows, to prove a failure writes nothing. */
  failAfterRows?: number;
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

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
  const lookups: ImportLookups = { ...(await loadImportLookups(organizationId)), now };
  let headers: string[] | null = null;
  let toRow: ReturnType<typeof mapRow> | null = null;
  let total = 0;
  let accepted = 0;
  let rejected = 0;
  let rejections: { line: number; column: string; reason: string; raw: string }[] = [];
  let firstRejections = true;
  const flushRejections = async () => {
    await replaceRejections(organizationId, importId, rejections, firstRejections);
    firstRejections = false;
    rejections = [];
  };

  try {
    const touched = await withImportTransaction(async (tx) => {
      const writer = batchWriter(organizationId, kind, tx);
      for await (const { line, cells } of readCsv(uploadPath(organizationId, importId))) {
        if (!headers) {
          headers = cells.map((c) => c.trim());
          const missing = missingRequiredFields(kind, job.mapping);
          if (missing.length) throw new Error(`No column is mapped to ${missing.map((m) => m.label).join(", ")}.`);
          toRow = mapRow(headers, job.mapping);
          continue;
        }
        total++;
        const result = checkRow(kind, toRow!(cells), lookups);
        if (result.record) {
          accepted++;
          await writer.add(result.record);
        } else {
          rejected++;
          for (const e of result.errors)
            rejections.push({ line, column: e.column, reason: e.reason, raw: cells.map(csvCell).join(",") });
          if (rejections.length >= BATCH) await flushRejections();
        }
        if (total % PROGRESS_EVERY === 0) await updateImportJob(organizationId, importId, { processedRows: total });
        if (options.failAfterRows !== undefined && total >= options.failAfterRows)
          throw new Error("Simulated failure part-way through the import.");
      }
      if (!headers) throw new Error("The file is empty: it needs a header row and at least one row.");
      return writer.finish(now);
    });
    await flushRejections();
    await updateImportJob(organizationId, importId, {
      status: "committed",
      totalRows: total,
      processedRows: total,
      acceptedRows: accepted,
      rejectedRows: rejected,
      finishedAt: new Date(),
    });
    if (touched > 0) await queueScoringRun(ctx, "import");
    return { total, accepted, rejected };
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

/** Buffers accepted records and writes them set-based; `finish` runs the follow-up updates. */
function batchWriter(organizationId: string, kind: ImportKind, tx: Tx) {
  let batch: ImportRecord[] = [];
  const touched = new Set<string>();
  const flush = async () => {
    if (batch.length === 0) return;
    if (kind === "observations") {
      const rows = batch as ObservationRecord[];
      await insertObservations(
        organizationId,
        {
          accountId: rows.map((r) => r.accountId),
          metricId: rows.map((r) => r.metricId),
          observedAt: rows.map((r) => r.observedAt),
          value: rows.map((r) => r.value),
          textValue: rows.map((r) => r.text),
          source: "import",
        },
        tx,
      );
      for (const r of rows) touched.add(r.accountId);
    } else if (kind === "accounts") {
      for (const id of await upsertAccounts(organizationId, batch as AccountRecord[], tx)) touched.add(id);
    } else {
      await upsertOutcomes(organizationId, batch as OutcomeRecord[], tx);
      for (const r of batch as OutcomeRecord[]) touched.add(r.accountId);
    }
    batch = [];
  };
  return {
    async add(record: ImportRecord) {
      batch.push(record);
      if (batch.length >= BATCH) await flush();
    },
    async finish(now: Date) {
      await flush();
      const ids = [...touched];
      if (kind === "observations" && ids.length) await refreshCurrentValues(organizationId, ids, tx);
      if (kind === "accounts") await assignSegmentsAndStages(organizationId, ids, now, tx);
      return ids.length;
    },
  };
}
