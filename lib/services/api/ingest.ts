import { upsertAccounts, upsertOutcomes } from "../../db/import-writes";
import { assignSegmentsAndStages } from "../../db/placements";
import { loadImportLookups, withImportTransaction } from "../../db/imports";
import { findStoredOtherwise, insertObservations, observationColumns } from "../../db/observations";
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
import { RecordKeys, REPEAT_FIELD, repeatReason, storedReason } from "../imports/repeats";

export interface IngestResult {
  accepted: number;
  /** Accepted items not stored before; the others repeated what was stored or updated it. */
  created: number;
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

interface AcceptedItem {
  record: ImportRecord;
  index: number;
}

/**
 * Rejects the accepted observations whose key is stored with another value
 * (stored observations are not changed), with the items that repeat them
 * exactly (`sameAs`); returns the accepted ones left.
 */
async function rejectStoredOtherwise(
  organizationId: string,
  accepted: AcceptedItem[],
  sameAs: Map<number, number[]>,
  rejected: IngestResult["rejected"],
): Promise<AcceptedItem[]> {
  const stored = await findStoredOtherwise(
    organizationId,
    accepted.map((a) => a.record as ObservationRecord),
  );
  for (const s of stored) {
    const first = accepted[s.at]!.index;
    for (const index of [first, ...(sameAs.get(first) ?? [])])
      rejected.push({ index, errors: [{ field: "value", reason: storedReason(s) }] });
  }
  rejected.sort((a, b) => a.index - b.index);
  const left = new Set(stored.map((s) => s.at));
  return accepted.filter((_, i) => !left.has(i));
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
  let accepted: AcceptedItem[] = [];
  // Items that repeat an accepted one exactly, by the index of the one they repeat.
  const sameAs = new Map<number, number[]>();
  const rejected: IngestResult["rejected"] = [];
  const keys = new RecordKeys(kind);
  items.forEach((item, index) => {
    const row = asRow(item);
    const result = checkRow(kind, row, lookups);
    const repeat = result.record ? keys.check(result.record, index) : null;
    if (repeat && !repeat.same) {
      const reason = repeatReason(kind, `item ${repeat.of}`);
      rejected.push({ index, errors: [{ field: row.column(REPEAT_FIELD[kind]), reason }] });
    } else if (repeat) {
      // The same item twice is written once, as when it is sent again.
      sameAs.set(repeat.of, [...(sameAs.get(repeat.of) ?? []), index]);
    } else if (result.record) accepted.push({ record: result.record, index });
    else rejected.push({ index, errors: result.errors.map((e) => ({ field: e.column, reason: e.reason })) });
  });
  if (kind === "observations" && accepted.length)
    accepted = await rejectStoredOtherwise(ctx.organizationId, accepted, sameAs, rejected);
  const acceptedItems = accepted.reduce((n, a) => n + 1 + (sameAs.get(a.index)?.length ?? 0), 0);
  let created = 0;
  if (accepted.length) {
    const records = accepted.map((a) => a.record);
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
        created = accounts.created;
        return accounts.ids;
      }
      // Outcomes are what backtests score against; they change no score.
      created = await upsertOutcomes(ctx.organizationId, records as OutcomeRecord[], tx);
      return [];
    });
    if (touched.length) await queueScoringRun(ctx, "api", touched);
  }
  return { accepted: acceptedItems, created, rejected };
}
