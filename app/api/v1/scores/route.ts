import { apiRoute } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/unrouted";
import { listCurrentScoresPage } from "@/lib/db/api-reads";
import { scoresQuerySchema } from "@/lib/validation/api";

/** Current scores, paged by cursor. */
export const GET = apiRoute({ scope: "read", query: scoresQuerySchema }, ({ query }, ctx) =>
  listCurrentScoresPage(ctx, query),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
