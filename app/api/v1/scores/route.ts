import { apiRoute } from "@/lib/api/handler";
import { listCurrentScoresPage } from "@/lib/db/api-reads";
import { scoresQuerySchema } from "@/lib/validation/api";

/** Current scores, paged by cursor. */
export const GET = apiRoute({ scope: "read", query: scoresQuerySchema }, ({ query }, ctx) =>
  listCurrentScoresPage(ctx, query),
);
