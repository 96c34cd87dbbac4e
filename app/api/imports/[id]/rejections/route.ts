import { z } from "zod";
import { csvResponse, errorResponse } from "@/lib/api/respond";
import { spreadsheetField as csv } from "@/lib/csv";
import { requireTenant } from "@/lib/auth/context";
import { getImportJobOrThrow, listRejections } from "@/lib/db/imports";
import { NotFoundError } from "@/lib/errors";

/** The rejected-rows report of an import as CSV: line, column, reason, the row as it was. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { ctx } = await requireTenant("imports:run");
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) throw new NotFoundError("Import");
    const job = await getImportJobOrThrow(ctx, id.data);
    const encoder = new TextEncoder();
    let after = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("line,column,reason,row\n"));
      },
      async pull(controller) {
        // Windows of line numbers, so every error of a line lands in one window.
        while (after <= job.totalRows + 1) {
          const page = await listRejections(ctx, job.id, { afterLine: after, lines: 5000 });
          after += 5000;
          if (page.length) {
            controller.enqueue(
              encoder.encode(page.map((r) => [r.line, r.column, r.reason, r.raw].map(csv).join(",")).join("\n") + "\n"),
            );
            return;
          }
        }
        controller.close();
      },
    });
    const name = job.fileName.replace(/\.csv$/i, "").replace(/[^\w.-]+/g, "_");
    return csvResponse(body, `${name}-rejected-rows.csv`);
  } catch (error) {
    return errorResponse(error);
  }
}
