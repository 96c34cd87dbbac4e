import { findStoredReadings, type StoredReading } from "../../db/observations";
import type { ImportKind } from "../../validation/imports";
import type { AccountRecord, ImportRecord, ObservationRecord, OutcomeRecord } from "./rows";

export type Repeat = { of: number; same: boolean } | null;

function keyOf(kind: ImportKind, record: ImportRecord): string {
  if (kind === "accounts") return (record as AccountRecord).externalId;
  if (kind === "outcomes") {
    const r = record as OutcomeRecord;
    return `${r.accountId} ${r.kind} ${r.occurredOn.toISOString()}`;
  }
  const r = record as ObservationRecord;
  return `${r.accountId} ${r.metricId} ${r.observedAt.getTime()}`;
}

/** What a repeat of `kind`'s key is, in a reason: "the account", "the outcome", "the observation". */
const REPEATED: Record<ImportKind, string> = {
  accounts: "the account (same id)",
  outcomes: "the outcome (same account, kind and date)",
  observations: "the observation (same account, metric and time)",
};

/**
 * Where a record that repeats an earlier one's key with other values is
 * rejected: an observation at its value (its only other field), an account or
 * outcome at its key.
 */
export const REPEAT_FIELD: Record<ImportKind, string> = {
  accounts: "external_id",
  outcomes: "account_external_id",
  observations: "value",
};

/** The reason a repeat with other values is rejected: `of` names the earlier one ("line 2", "item 0"). */
export const repeatReason = (kind: ImportKind, of: string) =>
  `repeats ${REPEATED[kind]} of ${of} with ${kind === "observations" ? "another value" : "other values"}`;

/**
 * The reason a reading is rejected whose key is stored with another value:
 * stored observations are history, never changed by a later write.
 */
export function storedReason(stored: { value: number | null; textValue: string | null }) {
  const value = stored.textValue ?? (stored.value === null ? "no value" : String(stored.value));
  return `the observation (same account, metric and time) is stored already with the value ${value}; stored observations are not changed`;
}

/**
 * Why a record is rejected, once its key's stored observation (if any) is known:
 * an observation whose key is stored is judged against what is stored (another
 * value is rejected, the same changes nothing), and only other records against
 * the earlier lines or items they repeat (`of` names one: "line 2", "item 0").
 * Null: accepted.
 */
export function verdict(
  kind: ImportKind,
  repeat: Repeat,
  stored: { value: number | null; textValue: string | null; differs: boolean } | undefined,
  of: (at: number) => string,
): string | null {
  if (stored) return stored.differs ? storedReason(stored) : null;
  return repeat && !repeat.same ? repeatReason(kind, of(repeat.of)) : null;
}

/** The stored observations of `records`' keys, by position in `records`. */
export async function storedByPosition(
  organizationId: string,
  records: ObservationRecord[],
): Promise<Map<number, StoredReading>> {
  if (records.length === 0) return new Map();
  return new Map((await findStoredReadings(organizationId, records)).map((s) => [s.at, s]));
}

/**
 * The records of one file or request by their natural key: the first line (or
 * item) with a key is the one written; a later one is either the same record
 * again — a harmless repeat, like importing a file twice — or a conflicting one,
 * which is rejected rather than left to chance. (A million-row observation
 * file is checked in the database instead: see applyObservationStaging.)
 */
export class RecordKeys {
  private seen = new Map<string, { at: number; record: string }>();

  constructor(private kind: ImportKind) {}

  /** Whether the record at `at` (a line or an item's index) repeats an earlier one's key, and if so, which. */
  check(record: ImportRecord, at: number): Repeat {
    const key = keyOf(this.kind, record);
    const text = JSON.stringify(record);
    const first = this.seen.get(key);
    if (first) return { of: first.at, same: first.record === text };
    this.seen.set(key, { at, record: text });
    return null;
  }
}
