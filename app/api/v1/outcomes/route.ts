import { apiRoute } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/unrouted";
import { ingest } from "@/lib/services/api/ingest";
import { outcomesBodySchema } from "@/lib/validation/api";

/** Bulk upsert of renewal outcomes (unique per account, kind and date). */
export const POST = apiRoute({ scope: "write", body: outcomesBodySchema }, ({ body }, ctx) =>
  ingest(ctx, "outcomes", body.outcomes),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
