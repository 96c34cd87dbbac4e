import type { TenantContext } from "../tenant";
import type { AtRiskQuery, PortfolioFilters } from "../validation/dashboards";
import { Prisma, readRows } from "./client";
import { portfolioWhere, rollupSliceFor } from "./portfolio-view";

export interface AtRiskRow {
  id: string;
  externalId: string;
  name: string;
  arr: number;
  renewalDate: string | null;
  owner: string | null;
  team: string | null;
  score: number | null;
  tierKey: string;
  delta30: number | null;
  coverage: number;
  priority: number;
}

/** Server-side sort columns; each sorts nulls last and breaks ties by account id. */
const ORDER: Record<AtRiskQuery["sort"], { sql: Prisma.Sql; dir: "asc" | "desc" }> = {
  priority: { sql: Prisma.sql`c."priority"`, dir: "desc" },
  score: { sql: Prisma.sql`c."score"`, dir: "asc" },
  delta30: { sql: Prisma.sql`c."delta30"`, dir: "asc" },
  arr: { sql: Prisma.sql`a."arr"`, dir: "desc" },
  renewalDate: { sql: Prisma.sql`a."renewalDate"`, dir: "asc" },
  coverage: { sql: Prisma.sql`c."coverage"`, dir: "asc" },
  name: { sql: Prisma.sql`a."name"`, dir: "asc" },
};

export const defaultDirection = (sort: AtRiskQuery["sort"]) => ORDER[sort].dir;

/**
 * The view's scored accounts ranked for attention (priority first by default),
 * one page at a time, with the total; `tier` narrows to one tier.
 */
export async function listAtRisk(
  ctx: TenantContext,
  scorecardId: string,
  filters: PortfolioFilters & { tier?: string },
  order: { sort: AtRiskQuery["sort"]; dir: "asc" | "desc" },
  page: { offset: number; limit: number },
): Promise<{ total: number; items: AtRiskRow[] }> {
  const by = ORDER[order.sort];
  const direction = order.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const where = Prisma.sql`c."organizationId" = ${ctx.organizationId}::uuid AND c."scorecardId" = ${scorecardId}::uuid
    AND ${portfolioWhere(ctx, filters)} ${filters.tier ? Prisma.sql`AND c."tierKey" = ${filters.tier}` : Prisma.empty}`;
  const from = Prisma.sql`FROM "CurrentScore" c JOIN "Account" a ON a."organizationId" = c."organizationId" AND a."id" = c."accountId"`;
  // Priority order follows the index (priority DESC, accountId), so a page is read without sorting the view.
  const orderBy =
    order.sort === "priority"
      ? Prisma.sql`c."priority" ${direction}, c."accountId"`
      : Prisma.sql`${by.sql} ${direction} NULLS LAST, c."accountId"`;
  const slice = rollupSliceFor(ctx, filters);
  const [count, rows] = await Promise.all([
    slice
      ? readRows<{ n: number }[]>`
          SELECT coalesce(sum("accounts"), 0)::int AS n FROM "CurrentRollup"
          WHERE "organizationId" = ${ctx.organizationId}::uuid AND "scorecardId" = ${scorecardId}::uuid
            AND "dimension" = ${slice.dimension}::"RollupDimension" AND "dimensionKey" = ANY(${slice.keys}::text[])
            ${filters.tier ? Prisma.sql`AND "tierKey" = ${filters.tier}` : Prisma.empty}`
      : readRows<{ n: number }[]>`SELECT count(*)::int AS n ${from} WHERE ${where}`,
    readRows<(Omit<AtRiskRow, "arr" | "renewalDate"> & { arr: string; renewalDate: Date | null })[]>`
      SELECT a."id", a."externalId", a."name", a."arr"::text AS "arr", a."renewalDate", u."name" AS "owner", t."name" AS "team",
             c."score", c."tierKey", c."delta30", c."coverage", c."priority"
      ${from}
      LEFT JOIN "User" u ON u."id" = a."ownerId"
      LEFT JOIN "Team" t ON t."organizationId" = a."organizationId" AND t."id" = a."teamId"
      WHERE ${where}
      ORDER BY ${orderBy}
      OFFSET ${page.offset} LIMIT ${page.limit}`,
  ]);
  return {
    total: count[0]?.n ?? 0,
    items: rows.map((r) => ({
      ...r,
      arr: Number(r.arr),
      renewalDate: r.renewalDate ? r.renewalDate.toISOString().slice(0, 10) : null,
    })),
  };
}
