import {
  cancelImportJob,
  getImportJobOrThrow,
  loadImportLookups,
  transitionImportJob,
  updateImportJob,
} from "../../db/imports";
import { listLiveMetrics } from "../../db/metrics";
import { ValidationError } from "../../errors";
import type { TenantContext } from "../../tenant";
import {
  guessMapping,
  IMPORT_FIELDS,
  IMPORT_KINDS,
  METRIC_COLUMN,
  missingRequiredFields,
  mixedObservationLayout,
  wideMetricFields,
  type ImportKind,
} from "../../validation/imports";
import { dateConvention, describeCsvFormat, detectCsvFormat, needsDateOrder } from "./csv-format";
import { extraCellsProblem, mapRow, readHeaderAndPreview } from "./csv-stream";
import type { DateOrder } from "./dates";
import { RecordKeys, REPEAT_FIELD, storedByPosition, verdict, type Repeat } from "./repeats";
import { checkRow, type ObservationRecord } from "./rows";
import { uploadPath } from "./uploads";
import { wideValues } from "./wide";

export interface ImportPreview {
  /** The file's encoding, delimiter, decimal mark and date order, in words. */
  format: string;
  /** Slash dates: whether the file has any, the order chosen for them, and whether one must be chosen first. */
  dates: { slash: boolean; chosen: DateOrder | null; choiceNeeded: boolean };
  headers: string[];
  rows: { line: number; cells: string[]; errors: { column: string; reason: string }[] }[];
  missing: string[];
  /** While required fields are unmapped: another kind of import the file's columns fit as they are, if one does. */
  looksLike: ImportKind | null;
}

/** The first rows of the file, each checked with the current mapping, for review before committing. */
export async function previewImport(ctx: TenantContext, importId: string, limit = 10): Promise<ImportPreview> {
  const job = await getImportJobOrThrow(ctx, importId);
  const kind = job.kind as ImportKind;
  const file = uploadPath(ctx.organizationId, importId);
  const format = await detectCsvFormat(file);
  const { headers, rows } = await readHeaderAndPreview(file, format, limit);
  const toRow = mapRow(headers, job.mapping);
  const missing = missingRequiredFields(kind, job.mapping);
  const wide = wideMetricFields(kind, job.mapping);
  const referenced = rows.map((r) => toRow(r.cells).get("account_external_id").trim()).filter(Boolean);
  const lookups = {
    ...(await loadImportLookups(ctx.organizationId, referenced)),
    now: new Date(),
    decimal: format.decimal,
    dates: dateConvention(format, job.dateOrder),
  };
  const repeats = new RecordKeys(kind);
  // Readings are judged once all are read, against what is stored when their key is (see verdict).
  const readings: { row: number; column: string; record: ObservationRecord; repeat: Repeat }[] = [];
  const checkedRows = rows.map((r, at) => {
    const extra = extraCellsProblem(headers, r.cells, format);
    if (extra) return { ...r, errors: [extra] };
    const mapped = toRow(r.cells);
    // A wide row's values are checked one by one; a problem of the row (its account, its date) is told once.
    const checks = wide ? wideValues(mapped, wide) : [mapped];
    const errors = checks.flatMap((row) => {
      const checked = checkRow(kind, row, lookups);
      if (!checked.record) return checked.errors;
      const repeat = repeats.check(checked.record, r.line);
      if (kind === "observations") {
        readings.push({ row: at, column: row.column("value"), record: checked.record as ObservationRecord, repeat });
        return [];
      }
      const reason = verdict(kind, repeat, undefined, (line) => `line ${line}`);
      return reason ? [{ column: row.column(REPEAT_FIELD[kind]), reason }] : [];
    });
    return { ...r, errors };
  });
  const stored = await storedByPosition(
    ctx.organizationId,
    readings.map((r) => r.record),
  );
  readings.forEach((reading, at) => {
    const reason = verdict(kind, reading.repeat, stored.get(at), (line) => `line ${line}`);
    if (reason) checkedRows[reading.row]!.errors.push({ column: reading.column, reason });
  });
  return {
    format: describeCsvFormat(format, job.dateOrder),
    dates: {
      slash: format.slashDates.seen,
      chosen: job.dateOrder ?? format.slashDates.order,
      choiceNeeded: needsDateOrder(format, job.dateOrder),
    },
    headers,
    rows: checkedRows.map(({ errors, ...r }) => ({
      ...r,
      errors: errors.filter((e, i) => errors.findIndex((x) => x.column === e.column && x.reason === e.reason) === i),
    })),
    missing: missing.map((f) => f.label),
    looksLike: missing.length ? otherKindByColumns(kind, headers) : null,
  };
}

/** Another kind of import whose every required field the file's column names map to (a file uploaded as the wrong kind). */
function otherKindByColumns(kind: ImportKind, headers: string[]): ImportKind | null {
  return (
    IMPORT_KINDS.find((k) => k !== kind && missingRequiredFields(k, guessMapping(k, headers)).length === 0) ?? null
  );
}

/** Statuses an import can be committed from (again): the transition to "queued" starts only from these. */
const EDITABLE = ["uploaded", "failed"];

/**
 * An import open to review, with its file kept: uploaded, or failed with rows and
 * open to a new commit (an upload that failed has no file). Its page shows the
 * preview and the commit button; the upload sweep's discardable imports are these.
 */
export const underReview = (job: { status: string; totalRows: number }) =>
  job.status === "uploaded" || (job.status === "failed" && job.totalRows > 0);

/** Why an import that has left review cannot be mapped or committed any more. */
const notEditable = (status: string) =>
  status === "discarded"
    ? "This upload was discarded and its file removed: upload the file again to import it."
    : status === "failed"
      ? "This upload failed before it could be reviewed: upload the file again to import it."
      : "This import is already being committed or has been committed.";

export const DATE_ORDER_NEEDED =
  "Choose whether the file's dates are day/month/year or month/day/year first: some, like 06/07/2026, read both ways.";

export async function saveImportMapping(
  ctx: TenantContext,
  importId: string,
  mapping: Record<string, string>,
  dateOrder: DateOrder | null = null,
) {
  const job = await getImportJobOrThrow(ctx, importId);
  if (!underReview(job)) throw new ValidationError(notEditable(job.status));
  const allowed = new Set(IMPORT_FIELDS[job.kind as ImportKind].map((f) => f.field));
  if (job.kind === "observations")
    for (const metric of await listLiveMetrics(ctx)) allowed.add(`${METRIC_COLUMN}${metric.key}`);
  const used = new Set<string>();
  for (const [column, target] of Object.entries(mapping)) {
    if (!target) continue;
    if (target.startsWith("trait:") && job.kind === "accounts") continue;
    if (!allowed.has(target))
      throw new ValidationError(
        target.startsWith(METRIC_COLUMN)
          ? `Column "${column}": no metric has the key "${target.slice(METRIC_COLUMN.length)}".`
          : `Column "${column}": "${target}" is not a field of a ${job.kind} import.`,
      );
    if (used.has(target)) throw new ValidationError(`Two columns are mapped to ${target}; map each field once.`);
    used.add(target);
  }
  const mixed = mixedObservationLayout(mapping);
  if (mixed) throw new ValidationError(mixed);
  await updateImportJob(ctx.organizationId, importId, { mapping, dateOrder });
}

/** Queues the import for the worker to commit; refuses while required fields are unmapped. */
export async function requestImportCommit(ctx: TenantContext, importId: string) {
  const job = await getImportJobOrThrow(ctx, importId);
  if (!underReview(job)) throw new ValidationError(notEditable(job.status));
  const missing = missingRequiredFields(job.kind as ImportKind, job.mapping);
  if (missing.length) throw new ValidationError(`Map a column to ${missing.map((m) => m.label).join(", ")} first.`);
  if (needsDateOrder(await detectCsvFormat(uploadPath(ctx.organizationId, importId)), job.dateOrder))
    throw new ValidationError(DATE_ORDER_NEEDED);
  if (!(await transitionImportJob(ctx.organizationId, importId, EDITABLE, "queued")))
    throw new ValidationError(notEditable((await getImportJobOrThrow(ctx, importId)).status));
}

/** Stops an import that is waiting or being committed; nothing of it is written. */
export async function cancelImport(ctx: TenantContext, importId: string) {
  await getImportJobOrThrow(ctx, importId);
  if (!(await cancelImportJob(ctx.organizationId, importId)))
    throw new ValidationError("This import is not being committed, so there is nothing to cancel.");
}
