import { upsertAccounts, upsertOutcomes } from "../../db/import-writes";
import { assignSegmentsAndStages } from "../../db/placements";
import { loadImportLookups, withImportTransaction } from "../../db/imports";
import { insertObservations, observationColumns, type StoredReading } from "../../db/observations";
import { queueScoringRun } from "../../db/scoring-runs";
import type { TenantContext } from "../../tenant";
import type { ImportKind } from "../../validation/imports";
import {
  checkRow,
  type AccountRecord,
  type ImportRecord,
  type MappedRow,
  type ObservationRecord,
  type OutcomeRecord,
} from "../imports/rows";
import { RecordKeys, REPEAT_FIELD, storedByPosition, verdict, type Repeat } from "../imports/repeats";

export interface IngestResult {
  accepted: number;
  /** Accepted items not stored before; the others repeated what was stored or (accounts, outcomes) changed it. */
  created: number;
  /** Accounts and outcomes: accepted items that changed a stored one (the others came as stored). */
  changed?: number;
  rejected: { index: number; errors: { field: string; reason: string }[] }[];
}

/** Field names of the API (camelCase) for the import fields the row checks use. */
const API_FIELDS: Record<string, string> = {
  external_id: "externalId",
  owner_email: "ownerEmail",
  active_users: "activeUsers",
  start_date: "startDate",
  renewal_date: "renewalDate",
  account_external_id: "account",
  observed_at: "observedAt",
  occurred_on: "occurredOn",
  arr_before: "arrBefore",
  arr_after: "arrAfter",
};

function asRow(item: Record<string, unknown>): MappedRow {
  const apiName = (field: string) => API_FIELDS[field] ?? field;
  const cell = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const traits = (item.traits ?? {}) as Record<string, unknown>;
  return {
    get: (field) => cell(item[apiName(field)]),
    column: apiName,
    traits: Object.entries(traits).map(([k, v]) => [k, cell(v)]),
  };
}

/**
 * Bulk upsert through the API: each item is checked like a CSV row; every
 * accepted item is written in one transaction, and each rejected one reported
 * by index, field and reason. Sending the same items again changes nothing.
 */
export async function ingest(
  ctx: TenantContext,
  kind: ImportKind,
  items: Record<string, unknown>[],
): Promise<IngestResult> {
  const lookups = {
    ...(await loadImportLookups(ctx.organizationId)),
    now: new Date(),
    decimal: "point" as const,
    dates: "iso" as const,
  };
  const rejected: IngestResult["rejected"] = [];
  const checked: { record: ImportRecord; index: number; field: string; repeat: Repeat }[] = [];
  const keys = new RecordKeys(kind);
  items.forEach((item, index) => {
    const row = asRow(item);
    const result = checkRow(kind, row, lookups);
    if (result.record)
      checked.push({
        record: result.record,
        index,
        field: row.column(REPEAT_FIELD[kind]),
        repeat: keys.check(result.record, index),
      });
    else rejected.push({ index, errors: result.errors.map((e) => ({ field: e.column, reason: e.reason })) });
  });
  // Observations whose key is stored are judged against what is stored (see verdict).
  const stored =
    kind === "observations"
      ? await storedByPosition(
          ctx.organizationId,
          checked.map((c) => c.record as ObservationRecord),
        )
      : new Map<number, StoredReading>();
  const records: ImportRecord[] = [];
  let acceptedItems = 0;
  checked.forEach((c, at) => {
    const s = stored.get(at);
    const reason = verdict(kind, c.repeat, s, (item) => `item ${item}`);
    if (reason) rejected.push({ index: c.index, errors: [{ field: c.field, reason }] });
    else {
      acceptedItems++;
      // The same item twice is written once, as when it is sent again.
      if (!c.repeat) records.push(c.record);
    }
  });
  rejected.sort((a, b) => a.index - b.index);
  let created = 0;
  let changed = 0;
  if (records.length) {
    const touched = await withImportTransaction(async (tx): Promise<string[]> => {
      if (kind === "observations") {
        // Current values move forward in the same statement, from the rows it inserted.
        const { inserted, accountIds } = await insertObservations(
          ctx.organizationId,
          { ...observationColumns(records as ObservationRecord[]), source: "api" },
          tx,
        );
        created = inserted;
        return accountIds;
      }
      if (kind === "accounts") {
        const accounts = await upsertAccounts(ctx.organizationId, records as AccountRecord[], tx);
        await assignSegmentsAndStages(ctx.organizationId, accounts.ids, lookups.now, tx);
        ({ created, changed } = accounts);
        return accounts.ids;
      }
      // Outcomes are what backtests score against; they change no score.
      ({ created, changed } = await upsertOutcomes(ctx.organizationId, records as OutcomeRecord[], tx));
      return [];
    });
    if (touched.length) await queueScoringRun(ctx, "api", touched);
  }
  return { accepted: acceptedItems, created, ...(kind === "observations" ? {} : { changed }), rejected };
}
