import { createWriteStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { createImportJob, findImportWithColumns, updateImportJob } from "../../db/imports";
import { listLiveMetrics } from "../../db/metrics";
import { LineCounter } from "../../csv-reader";
import { ValidationError } from "../../errors";
import type { TenantContext } from "../../tenant";
import { guessMapping, type ImportKind } from "../../validation/imports";
import { detectCsvFormat } from "./csv-format";
import { readHeaderAndPreview } from "./csv-stream";
import { ensureUploadDir, uploadPath } from "./uploads";

export const MAX_UPLOAD_BYTES = Number(process.env.PULSEBOARD_MAX_UPLOAD_BYTES ?? 1024 * 1024 * 1024);

/**
 * Two columns of the same name could not be told apart in the mapping (exports
 * that join tables write "Name" twice): says which, so one can be renamed.
 */
function repeatedColumn(headers: string[]): string | null {
  const first = new Map<string, number>();
  for (const [i, header] of headers.entries()) {
    if (!header) continue;
    const earlier = first.get(header);
    if (earlier !== undefined)
      return `Columns ${earlier + 1} and ${i + 1} are both named "${header}": rename one in the file so that each can be mapped.`;
    first.set(header, i);
  }
  return null;
}

/**
 * Streams an uploaded CSV to disk (never wholly in memory), then reads its
 * header to suggest a column mapping: the one of the last committed import of
 * a file with the same columns, else one from the column names. The import
 * waits for review and commit.
 */
export async function receiveUpload(
  ctx: TenantContext,
  input: { kind: ImportKind; fileName: string; body: ReadableStream<Uint8Array> },
) {
  const job = await createImportJob(ctx, { kind: input.kind, fileName: input.fileName, mapping: {} });
  const file = uploadPath(ctx.organizationId, job.id);
  await ensureUploadDir(ctx.organizationId);
  let bytes = 0;
  // The rows, counted from the lines: what the import button offers and the progress bar measures against.
  const lines = new LineCounter();
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      lines.add(chunk);
      done(
        bytes > MAX_UPLOAD_BYTES
          ? new ValidationError(`The file is larger than ${Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} MB.`)
          : null,
        chunk,
      );
    },
  });
  try {
    await pipeline(Readable.fromWeb(input.body as WebReadableStream<Uint8Array>), limit, createWriteStream(file));
    if (bytes === 0) throw new ValidationError("The file is empty.");
    const { headers, rows } = await readHeaderAndPreview(file, await detectCsvFormat(file), 1);
    if (headers.length === 0 || headers.every((h) => !h))
      throw new ValidationError("The first row must name the columns.");
    if (rows.length === 0) throw new ValidationError("The file has a header row but no rows below it to import.");
    const repeated = repeatedColumn(headers);
    if (repeated) throw new ValidationError(repeated);
    const previous = await findImportWithColumns(ctx.organizationId, input.kind, headers);
    await updateImportJob(ctx.organizationId, job.id, {
      mapping:
        previous?.mapping ??
        guessMapping(input.kind, headers, input.kind === "observations" ? await listLiveMetrics(ctx) : []),
      dateOrder: previous?.dateOrder ?? null,
      mappingFromId: previous?.id ?? null,
      totalRows: Math.max(0, lines.lines - 1),
    });
    return { id: job.id, bytes };
  } catch (error) {
    await unlink(file).catch(() => {});
    await updateImportJob(ctx.organizationId, job.id, {
      status: "failed",
      error: error instanceof Error ? error.message : String(error),
      finishedAt: new Date(),
    });
    throw error;
  }
}
