import { formatCount } from "../format";

/**
 * By kind of import: what a new record is called, what an accepted row that
 * changed a stored record did, what the other accepted rows did, and (imports
 * committed before changes were counted) what either did.
 */
const OUTCOMES_OF_ROWS: Record<string, { created: string; changed?: string; same: string; either?: string }> = {
  observations: {
    created: "new observation",
    same: "repeated an observation already stored or on an earlier line (same account, metric, time and value) and changed nothing",
  },
  accounts: {
    created: "new account",
    changed: "changed an account already stored",
    same: "came as the account is stored, or repeated an earlier line, and changed nothing",
    either: "updated an account already stored or repeated an earlier line",
  },
  outcomes: {
    created: "new outcome",
    changed: "changed an outcome already stored",
    same: "came as the outcome is stored, or repeated an earlier line, and changed nothing",
    either: "updated an outcome already stored or repeated an earlier line",
  },
};

export interface CommittedJob {
  kind: string;
  totalRows: number;
  acceptedRows: number;
  newRows: number | null;
  /** Null for observations, and for imports committed before it was counted. */
  changedRows: number | null;
  rejectedRows: number;
}

/** "12 new accounts; 30 rows changed an account already stored; 958 rows came as …", for the counts there are. */
export function describeImportedRows(job: CommittedJob, unit: string, units: string): string | null {
  if (job.newRows === null) return null;
  const words = OUTCOMES_OF_ROWS[job.kind] ?? { created: "new row", same: "repeated what was stored" };
  const changed = job.changedRows ?? 0;
  const same = job.acceptedRows - job.newRows - changed;
  const parts = [formatCount(job.newRows, words.created)];
  if (changed > 0 && words.changed) parts.push(`${formatCount(changed, unit, units)} ${words.changed}`);
  const others = job.changedRows === null && words.either ? words.either : words.same;
  if (same > 0) parts.push(`${formatCount(same, unit, units)} ${others}`);
  return `${parts.join("; ")}.`;
}
