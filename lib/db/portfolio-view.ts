import type { TenantContext } from "../tenant";
import type { PortfolioFilters } from "../validation/dashboards";
import { Prisma } from "./client";

/**
 * The accounts a dashboard shows, as SQL on the alias `a` ("Account"): the
 * caller's organisation and role scope first, then the filters, which can only
 * narrow it. Every dashboard query is built on this.
 */
export function portfolioWhere(ctx: TenantContext, f: PortfolioFilters): Prisma.Sql {
  const parts = [Prisma.sql`a."organizationId" = ${ctx.organizationId}::uuid`];
  if (ctx.scope.kind === "own") parts.push(Prisma.sql`a."ownerId" = ${ctx.scope.userId}::uuid`);
  if (ctx.scope.kind === "teams") parts.push(Prisma.sql`a."teamId" = ANY(${ctx.scope.teamIds}::uuid[])`);
  if (f.segment)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "AccountSegment" m WHERE m."organizationId" = a."organizationId"
                                   AND m."accountId" = a."id" AND m."segmentId" = ${f.segment}::uuid)`);
  if (f.team) parts.push(Prisma.sql`a."teamId" = ${f.team}::uuid`);
  if (f.owner === "none") parts.push(Prisma.sql`a."ownerId" IS NULL`);
  else if (f.owner) parts.push(Prisma.sql`a."ownerId" = ${f.owner}::uuid`);
  if (f.stage) parts.push(Prisma.sql`a."lifecycleStageId" = ${f.stage}::uuid`);
  return Prisma.join(parts, " AND ");
}

export type RollupSlice = { dimension: "organization" | "team" | "owner" | "segment" | "stage"; keys: string[] };

/**
 * The rollup rows that add up to exactly this view, when there are such rows:
 * the whole organisation, one segment / team / owner / stage, a manager's teams,
 * a CSM's book. Views that combine constraints (a CSM's book in one segment)
 * have none and are aggregated from the snapshots instead.
 */
export function rollupSliceFor(ctx: TenantContext, f: PortfolioFilters): RollupSlice | null {
  const filters = (["segment", "team", "owner", "stage"] as const).filter((k) => f[k] !== undefined);
  if (ctx.scope.kind === "organization") {
    if (filters.length === 0) return { dimension: "organization", keys: ["all"] };
    if (filters.length === 1) return { dimension: filters[0]!, keys: [f[filters[0]!]!] };
    return null;
  }
  if (ctx.scope.kind === "teams") {
    if (filters.length === 0) return { dimension: "team", keys: ctx.scope.teamIds };
    if (filters.length === 1 && f.team)
      return { dimension: "team", keys: ctx.scope.teamIds.filter((t) => t === f.team) };
    return null;
  }
  if (filters.length === 0) return { dimension: "owner", keys: [ctx.scope.userId] };
  if (filters.length === 1 && f.owner)
    return { dimension: "owner", keys: f.owner === ctx.scope.userId ? [f.owner] : [] };
  return null;
}
