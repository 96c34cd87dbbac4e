import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { ImportKind } from "../../lib/validation/imports";
import { commitImport } from "../../lib/services/imports/commit";
import { requestImportCommit } from "../../lib/services/imports/review";
import { receiveUpload } from "../../lib/services/imports/upload";
import type { TenantContext } from "../../lib/tenant";

export const OBSERVATION_COLUMNS = "account text, metric text, observed_at timestamptz, value float8";

/** The baseline of an import: PostgreSQL COPY of the same file into a plain table of `columns`. */
export async function copyFile(url: string, file: string, table: string, columns: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE ${table} (${columns})`);
  await pipeline(
    createReadStream(file),
    client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`)),
  );
  await client.end();
}

/** Uploads `file` as an import of `kind` and commits it, as the app does. */
export async function importFile(ctx: TenantContext, file: string, kind: ImportKind) {
  const upload = await receiveUpload(ctx, {
    kind,
    fileName: `${kind}.csv`,
    body: Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>,
  });
  await requestImportCommit(ctx, upload.id);
  return commitImport(ctx.organizationId, upload.id);
}
