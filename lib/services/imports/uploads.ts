import { mkdir, unlink } from "node:fs/promises";
import path from "node:path";

/** The folder uploaded files wait in (PULSEBOARD_UPLOAD_DIR, default .data/uploads), one folder per organisation. */
export function uploadRoot(): string {
  // A runtime location, not part of the app: keep the bundler from tracing the whole project through it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.PULSEBOARD_UPLOAD_DIR ?? ".data/uploads");
}

/** Where an uploaded file waits to be committed; it is removed once committed or discarded. */
export function uploadPath(organizationId: string, importId: string): string {
  return path.join(uploadRoot(), organizationId, `${importId}.csv`);
}

export async function ensureUploadDir(organizationId: string) {
  await mkdir(path.dirname(uploadPath(organizationId, "x")), { recursive: true });
}

/** Removes an import's file; one already gone is fine. */
export async function removeUpload(organizationId: string, importId: string) {
  await unlink(uploadPath(organizationId, importId)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
}
