import { mkdir } from "node:fs/promises";
import path from "node:path";

/** Where uploaded files wait to be committed (PULSEBOARD_UPLOAD_DIR, default .data/uploads). */
export function uploadPath(organizationId: string, importId: string): string {
  const root = path.resolve(process.env.PULSEBOARD_UPLOAD_DIR ?? ".data/uploads");
  return path.join(root, organizationId, `${importId}.csv`);
}

export async function ensureUploadDir(organizationId: string) {
  await mkdir(path.dirname(uploadPath(organizationId, "x")), { recursive: true });
}
