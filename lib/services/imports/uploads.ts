import { mkdir } from "node:fs/promises";
import path from "node:path";

/** Where uploaded files wait to be committed (PULSEBOARD_UPLOAD_DIR, default .data/uploads). */
export function uploadPath(organizationId: string, importId: string): string {
  // A runtime location, not part of the app: keep the bundler from tracing the whole project through it.
  const root = path.resolve(/*turbopackIgnore: true*/ process.env.PULSEBOARD_UPLOAD_DIR ?? ".data/uploads");
  return path.join(root, organizationId, `${importId}.csv`);
}

export async function ensureUploadDir(organizationId: string) {
  await mkdir(path.dirname(uploadPath(organizationId, "x")), { recursive: true });
}
