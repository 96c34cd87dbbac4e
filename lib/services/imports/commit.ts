import { queueScoringRun } from "../../db/scoring-runs";
import { csvField } from "../../csv";
import { assignSegmentsAndStages, upsertAccounts, upsertOutcomes } from "../../db/import-writes";
import {
  analyzeAfterImport,
  getImportJobOrThrow,
  loadImportLookups,
  replaceRejections,
  updateImportJob,
  withImportTransaction,
} from "../../db/imports";
import {
  applyObservationStaging,
  copyObservations,
  createObservationStaging,
  withBulkTransaction,
  type BulkClient,
} from "../../db/bulk-observations";
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
    const touched = await inOneTransaction(organizationId, kind, async (writer) => {
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
            rejections.push({ line, column: e.column, reason: e.reason, raw: cells.map(csvField).join(",") });
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
    if (accepted >= 10_000) await analyzeAfterImport(kind);
    if (touched.length > 0) await queueScoringRun(ctx, "import", touched);
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

interface Writer {
  add(record: ImportRecord): Promise<void>;
  /** Writes what is buffered and runs the follow-up updates; returns the accounts touched. */
  finish(now: Date): Promise<string[]>;
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
      return work(copyWriter(organizationId, client));
    });
  }
  return withImportTransaction((tx) => work(upsertWriter(organizationId, kind, tx)));
}

function copyWriter(organizationId: string, client: BulkClient): Writer {
  let batch: ObservationRecord[] = [];
  return {
    async add(record) {
      batch.push(record as ObservationRecord);
      if (batch.length >= BATCH) {
        await copyObservations(client, batch);
        batch = [];
      }
    },
    async finish() {
      await copyObservations(client, batch);
      return applyObservationStaging(client, organizationId);
    },
  };
}

function upsertWriter(organizationId: string, kind: ImportKind, tx: Tx): Writer {
  let batch: ImportRecord[] = [];
  const touched = new Set<string>();
  const flush = async () => {
    if (batch.length === 0) return;
    if (kind === "accounts") {
      for (const id of await upsertAccounts(organizationId, batch as AccountRecord[], tx)) touched.add(id);
    } else {
      // Outcomes are what backtests score against; they change no score.
      await upsertOutcomes(organizationId, batch as OutcomeRecord[], tx);
    }
    batch = [];
  };
  return {
    async add(record) {
      batch.push(record);
      if (batch.length >= BATCH) await flush();
    },
    async finish(now) {
      await flush();
      if (kind === "accounts") await assignSegmentsAndStages(organizationId, [...touched], now, tx);
      return [...touched];
    },
  };
}
