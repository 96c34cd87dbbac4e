import { z } from "zod";
import { errorResponse } from "@/lib/api/respond";
import { requireTenant } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors";
import { receiveUpload } from "@/lib/services/imports/upload";
import { IMPORT_KINDS } from "@/lib/validation/imports";

const querySchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "must be accounts, observations or outcomes" }),
  fileName: z.string().trim().min(1, "is required").max(200),
});

/** Upload: the raw CSV is the request body (streamed to disk); ?kind=…&fileName=… describe it. */
export async function POST(request: Request) {
  try {
    const { ctx } = await requireTenant("imports:run");
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const query = querySchema.safeParse(params);
    if (!query.success) {
      const issue = query.error.issues[0]!;
      throw new ValidationError(`${issue.path.join(".")}: ${issue.message}`);
    }
    if (!request.body) throw new ValidationError("The request has no file.");
    const result = await receiveUpload(ctx, { ...query.data, body: request.body });
    return Response.json(result, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
