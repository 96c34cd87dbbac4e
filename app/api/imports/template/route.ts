import { z } from "zod";
import { csvResponse, errorResponse } from "@/lib/api/respond";
import { requireTenant } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors";
import { importTemplate } from "@/lib/services/imports/template";
import { IMPORT_KINDS } from "@/lib/validation/imports";

const querySchema = z.object({ kind: z.enum(IMPORT_KINDS, { error: "must be accounts, observations or outcomes" }) });

/** A CSV template for an import of ?kind=…: its columns and example rows from the organisation's own data. */
export async function GET(request: Request) {
  try {
    const { ctx } = await requireTenant("imports:run");
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new ValidationError(`kind: ${query.error.issues[0]!.message}`);
    const csv = await importTemplate(ctx, query.data.kind, new Date());
    return csvResponse(csv, `pulseboard-${query.data.kind}-template.csv`);
  } catch (error) {
    return errorResponse(error);
  }
}
