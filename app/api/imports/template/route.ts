import { z } from "zod";
import { csvResponse, errorResponse } from "@/lib/api/respond";
import { requireTenant } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors";
import { importTemplate } from "@/lib/services/imports/template";
import { IMPORT_KINDS } from "@/lib/validation/imports";

const querySchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "must be accounts, observations or outcomes" }),
  /** Observations: a row per reading (the default) or a column per metric. */
  layout: z.enum(["rows", "columns"], { error: "must be rows or columns" }).default("rows"),
});

/**
 * A CSV template for an import of ?kind=… (observations with ?layout=columns: a
 * column per metric): its columns and example rows from the organisation's own data.
 */
export async function GET(request: Request) {
  try {
    const { ctx } = await requireTenant("imports:run");
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) {
      const issue = query.error.issues[0]!;
      throw new ValidationError(`${issue.path.join(".")}: ${issue.message}`);
    }
    const { kind, layout } = query.data;
    const csv = await importTemplate(ctx, kind, new Date(), layout);
    const wide = kind === "observations" && layout === "columns";
    return csvResponse(csv, `pulseboard-${kind}${wide ? "-by-metric" : ""}-template.csv`);
  } catch (error) {
    return errorResponse(error);
  }
}
