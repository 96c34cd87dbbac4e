import { upsertAccounts, upsertOutcomes, type Upserted } from "../../db/import-writes";
import { assignSegmentsAndStages } from "../../db/placements";
import { withImportTransaction } from "../../db/imports";
import {
  applyObservationStaging,
  createObservationStaging,
  ObservationCopyText,
  openObservationStaging,
  withBulkTransaction,
  type BulkClient,
  type RepeatedLine,
} from "../../db/bulk-observations";
import { sqlTxFor, type SqlTx, type Tx } from "../../db/client";
import type { OpenCopy } from "../../db/copy";
import type { StoredOtherwise } from "../../db/observations";
import type { ImportKind } from "../../validation/imports";
import type { AccountRecord, ImportRecord, ObservationRecord, OutcomeRecord } from "./rows";

/** Upserts wait for this many accepted records before they are written. */
const BATCH = 10_000;

export interface Writer {
  /** Buffers one accepted record (from `line` of the file). */
  add(record: ImportRecord, line: number): void;
  /** Called after each batch of the file: observations stream on at once, upserts wait for a batch's worth. */
  flush(): Promise<void>;
  /**
   * Writes what is left and runs the follow-up updates; returns the accounts touched, how many rows were new,
   * the lines left out for giving an earlier line's or a stored observation's key another value, and an
   * observation file's earliest reading.
   */
  finish(
    now: Date,
  ): Promise<Upserted & { conflicts?: RepeatedLine[]; storedOtherwise?: StoredOtherwise[]; earliest?: Date | null }>;
  /** Statements in the same transaction (the import is marked committed in it, so both happen or neither). */
  sql: SqlTx;
}

/** Observations go through COPY into a staging table; accounts and outcomes through set-based upserts. */
export function inOneTransaction<T>(
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
  let earliest = Infinity;
  let staged = 0;
  const send = () => (copy ??= openObservationStaging(client)).write(text.take());
  return {
    sql: sqlTxFor(client),
    add(record, line) {
      const observation = record as ObservationRecord;
      earliest = Math.min(earliest, observation.observedAt.getTime());
      text.add(observation, line);
      staged++;
    },
    flush: send,
    async finish() {
      await send();
      await copy!.end();
      copy = null;
      const applied = await applyObservationStaging(client, organizationId, staged);
      return { ...applied, earliest: earliest === Infinity ? null : new Date(earliest) };
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
  let changed = 0;
  const write = async () => {
    if (batch.length === 0) return;
    // Outcomes are what backtests score against; they change no score, so touch no account.
    const written =
      kind === "accounts"
        ? await upsertAccounts(organizationId, batch as AccountRecord[], tx)
        : { ids: [], ...(await upsertOutcomes(organizationId, batch as OutcomeRecord[], tx)) };
    for (const id of written.ids) touched.add(id);
    created += written.created;
    changed += written.changed;
    batch = [];
  };
  return {
    sql: tx,
    add(record) {
      batch.push(record);
    },
    async flush() {
      if (batch.length >= BATCH) await write();
    },
    async finish(now) {
      await write();
      if (kind === "accounts") await assignSegmentsAndStages(organizationId, [...touched], now, tx);
      return { ids: [...touched], created, changed };
    },
  };
}
