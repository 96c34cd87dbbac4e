import { apiRoute } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/unrouted";
import { ingest } from "@/lib/services/api/ingest";
import { observationsBodySchema } from "@/lib/validation/api";

/** Bulk upsert of metric observations (unique per account, metric and time). */
export const POST = apiRoute({ scope: "write", body: observationsBodySchema }, ({ body }, ctx) =>
  ingest(ctx, "observations", body.observations),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
