import { apiRoute } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/unrouted";
import { listAccountSnapshots } from "@/lib/db/api-reads";
import { snapshotsQuerySchema } from "@/lib/validation/api";

/** One account's daily snapshots, with their explanations. */
export const GET = apiRoute({ scope: "read", query: snapshotsQuerySchema }, ({ query, params }, ctx) =>
  listAccountSnapshots(ctx, decodeURIComponent(params.externalId ?? ""), query),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
