import { apiRoute } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/unrouted";
import { ingest } from "@/lib/services/api/ingest";
import { accountsBodySchema } from "@/lib/validation/api";

/** Bulk upsert of accounts by external id. */
export const POST = apiRoute({ scope: "write", body: accountsBodySchema }, ({ body }, ctx) =>
  ingest(ctx, "accounts", body.accounts),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
