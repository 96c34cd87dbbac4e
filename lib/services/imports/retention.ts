import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { discardImportJobs, importsKeepingFiles, listOrganizationIds } from "../../db/import-files";
import { getImportJobOrThrow } from "../../db/imports";
import { ValidationError } from "../../errors";
import type { TenantContext } from "../../tenant";
import { removeUpload, uploadPath } from "./uploads";

const DAY_MS = 86_400_000;
/** A file younger than this (by the clock, as its time stamp is) is never a leftover: its upload may be under way. */
const LEFTOVER_AGE_MS = 60 * 60_000;
const FILE_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.csv$/;

/** Days an upload waits for its commit before its file is removed (PULSEBOARD_UPLOAD_RETENTION_DAYS, default 7). */
export function uploadRetentionDays(): number {
  const days = Number(process.env.PULSEBOARD_UPLOAD_RETENTION_DAYS ?? 7);
  return Number.isFinite(days) && days > 0 ? days : 7;
}

/** Drops an upload its member does not want to import: its file goes, the import stays listed as discarded. */
export async function discardUpload(ctx: TenantContext, importId: string) {
  await getImportJobOrThrow(ctx, importId);
  const discarded = await discardImportJobs(
    { organizationId: ctx.organizationId, id: importId },
    "Discarded before it was imported: its file was removed and nothing of it was written.",
  );
  if (discarded.length === 0)
    throw new ValidationError("Only an upload waiting for its commit can be discarded; this one is not.");
  await removeUpload(ctx.organizationId, importId);
}

/**
 * The worker's tidy-up of the upload folder, so that files do not pile up on
 * disk: uploads left uncommitted for the retention period are discarded with
 * their files, and files no import needs any more (committed ones whose removal
 * a crash cut off, files of imports deleted with their organisation's data) are
 * removed. Only the folders of this database's organisations are looked at
 * (`organizationIds` narrows them, for tests).
 */
export async function sweepUploads(now: Date, organizationIds: string[] | null = null) {
  const days = uploadRetentionDays();
  const stale = await discardImportJobs(
    { organizationIds, idleBefore: new Date(now.getTime() - days * DAY_MS) },
    `Not imported within ${days} days, so its file was removed and nothing of it was written. Upload the file again to import it.`,
  );
  for (const job of stale) await removeUpload(job.organizationId, job.id);
  let leftovers = 0;
  for (const organizationId of organizationIds ?? (await listOrganizationIds())) {
    const names = await readdir(path.dirname(uploadPath(organizationId, "x"))).catch(() => []);
    const ids = names.flatMap((name) => FILE_NAME.exec(name)?.[1] ?? []);
    const kept = await importsKeepingFiles(organizationId, ids);
    for (const id of ids) {
      if (kept.has(id)) continue;
      const file = await stat(uploadPath(organizationId, id)).catch(() => null);
      if (!file || file.mtimeMs > Date.now() - LEFTOVER_AGE_MS) continue;
      await removeUpload(organizationId, id);
      leftovers++;
    }
  }
  return { discarded: stale.length, leftovers };
}
