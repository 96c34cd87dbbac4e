import { cache } from "react";
import { isoDay } from "../dates";
import { NotFoundError } from "../errors";
import { isUuid } from "../ids";
import type { TenantContext } from "../tenant";
import type { AccountListQuery } from "../validation/accounts";
import { accountScopeWhere } from "./account-scope";
import { db, Prisma, readRows } from "./client";
import { portfolioWhere } from "./portfolio-view";

export interface AccountRow {
  id: string;
  externalId: string;
  name: string;
  arr: number;
  seats: number | null;
  plan: string | null;
  renewalDate: string | null;
  startDate: string | null;
  status: "active" | "churned";
  owner: string | null;
  team: string | null;
  stage: string | null;
  segments: string[];
  /** On the scorecard the list shows (null: not scored). */
  score: number | null;
  tierKey: string | null;
}

const NULLABLE_SORTS = new Set(["seats", "renewalDate", "startDate", "plan"]);

const isoDayOrNull = (d: Date | null) => (d ? isoDay(d) : null);

function listWhere(ctx: TenantContext, q: AccountListQuery): Prisma.AccountWhereInput {
  const and: Prisma.AccountWhereInput[] = [accountScopeWhere(ctx)];
  if (q.q) {
    and.push({
      OR: [
        { name: { contains: q.q, mode: "insensitive" } },
        { externalId: { contains: q.q, mode: "insensitive" } },
        { domain: { contains: q.q, mode: "insensitive" } },
      ],
    });
  }
  if (q.segment) and.push({ segments: { some: { segmentId: q.segment } } });
  if (q.stage) and.push({ lifecycleStageId: q.stage });
  if (q.team) and.push({ teamId: q.team });
  if (q.owner) and.push({ ownerId: q.owner === "none" ? null : q.owner });
  return { AND: and };
}

/** What the list shows of an account, with its score on `scorecardId`. */
const rowSelect = (scorecardId: string | undefined) =>
  ({
    id: true,
    externalId: true,
    name: true,
    arr: true,
    seats: true,
    plan: true,
    renewalDate: true,
    startDate: true,
    status: true,
    owner: { select: { user: { select: { name: true } } } },
    team: { select: { name: true } },
    lifecycleStage: { select: { name: true } },
    segments: { select: { segment: { select: { name: true } } } },
    currentScores: {
      where: { scorecardId },
      take: scorecardId ? 1 : 0,
      select: { score: true, tierKey: true },
    },
  }) satisfies Prisma.AccountSelect;

/**
 * One page of accounts in the caller's scope, with the total for pagination, and their score on `scorecardId`.
 * Sorted by score, the scored accounts come through the current scores' index by score, then the unscored ones
 * (churned, or new since the last run) by name.
 */
export async function listAccounts(ctx: TenantContext, q: AccountListQuery, scorecardId?: string) {
  const where = listWhere(ctx, q);
  const select = rowSelect(scorecardId);
  const skip = (q.page - 1) * q.size;
  const [total, rows] = await Promise.all([
    db().account.count({ where }),
    q.sort === "score" && scorecardId
      ? pageIdsByScore(ctx, where, scorecardId, q.dir, skip, q.size).then(async (ids) => {
          const found = await db().account.findMany({
            where: { organizationId: ctx.organizationId, id: { in: ids } },
            select,
          });
          const byId = new Map(found.map((r) => [r.id, r]));
          return ids.flatMap((id) => byId.get(id) ?? []);
        })
      : db().account.findMany({
          where,
          orderBy: [
            {
              [q.sort === "score" ? "name" : q.sort]: NULLABLE_SORTS.has(q.sort)
                ? { sort: q.dir, nulls: "last" }
                : q.dir,
            },
            { id: "asc" },
          ],
          skip,
          take: q.size,
          select,
        }),
  ]);
  const items: AccountRow[] = rows.map((r) => ({
    id: r.id,
    externalId: r.externalId,
    name: r.name,
    arr: r.arr.toNumber(),
    seats: r.seats,
    plan: r.plan,
    renewalDate: isoDayOrNull(r.renewalDate),
    startDate: isoDayOrNull(r.startDate),
    status: r.status,
    owner: r.owner?.user.name ?? null,
    team: r.team?.name ?? null,
    stage: r.lifecycleStage?.name ?? null,
    segments: r.segments.map((s) => s.segment.name).sort(),
    score: r.currentScores[0]?.score ?? null,
    tierKey: r.currentScores[0]?.tierKey ?? null,
  }));
  return { total, items };
}

/** The ids of one page of the accounts matching `where`, by score on `scorecardId` (no score last), then by name. */
async function pageIdsByScore(
  ctx: TenantContext,
  where: Prisma.AccountWhereInput,
  scorecardId: string,
  dir: "asc" | "desc",
  skip: number,
  take: number,
): Promise<string[]> {
  const scoredWhere = { organizationId: ctx.organizationId, scorecardId, account: { is: where } };
  const ids = (
    await db().currentScore.findMany({
      where: scoredWhere,
      orderBy: [{ score: { sort: dir, nulls: "last" } }, { accountId: "asc" }],
      skip,
      take,
      select: { accountId: true },
    })
  ).map((c) => c.accountId);
  if (ids.length === take) return ids;
  // A page that runs out of scored accounts tells how many there are, unless it is past them all.
  const scored = ids.length > 0 ? skip + ids.length : await db().currentScore.count({ where: scoredWhere });
  const unscored = await db().account.findMany({
    where: { AND: [where, { currentScores: { none: { scorecardId } } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: Math.max(0, skip - scored),
    take: take - ids.length,
    select: { id: true },
  });
  return [...ids, ...unscored.map((a) => a.id)];
}

/** An account with everything its page shows. */
export interface AccountDetail {
  id: string;
  externalId: string;
  name: string;
  domain: string | null;
  arr: number;
  seats: number | null;
  activeUsers: number | null;
  plan: string | null;
  region: string | null;
  startDate: string | null;
  renewalDate: string | null;
  status: "active" | "churned";
  traits: Record<string, unknown>;
  owner: { id: string; name: string; email: string } | null;
  team: { id: string; name: string } | null;
  stage: { id: string; name: string; pinned: boolean } | null;
  segments: { id: string; name: string; source: "rule" | "manual" }[];
}

/**
 * The account; NotFound when outside the caller's scope (or not an id). One
 * statement, built in the shape the page uses: every account page and account
 * action starts here. Memoised per request: the page's sections each check the scope.
 */
export const getAccountOrThrow = cache(async (ctx: TenantContext, accountId: string): Promise<AccountDetail> => {
  if (!isUuid(accountId)) throw new NotFoundError("Account");
  const [account] = await readRows<AccountDetail[]>`
    SELECT a."id", a."externalId", a."name", a."domain", a."arr"::float8 AS "arr", a."seats", a."activeUsers", a."plan",
           a."region", to_char(a."startDate", 'YYYY-MM-DD') AS "startDate", to_char(a."renewalDate", 'YYYY-MM-DD') AS "renewalDate",
           a."status"::text AS "status", a."traits",
           CASE WHEN o."id" IS NULL THEN NULL ELSE json_build_object('id', o."id", 'name', o."name", 'email', o."email") END AS "owner",
           CASE WHEN t."id" IS NULL THEN NULL ELSE json_build_object('id', t."id", 'name', t."name") END AS "team",
           CASE WHEN st."id" IS NULL THEN NULL
                ELSE json_build_object('id', st."id", 'name', st."name", 'pinned', a."stagePinned") END AS "stage",
           coalesce((SELECT json_agg(json_build_object('id', s."id", 'name', s."name", 'source', m."source") ORDER BY s."name")
                     FROM "AccountSegment" m
                     JOIN "Segment" s ON s."organizationId" = m."organizationId" AND s."id" = m."segmentId"
                     WHERE m."organizationId" = a."organizationId" AND m."accountId" = a."id"), '[]') AS "segments"
    FROM "Account" a
    LEFT JOIN "User" o ON o."id" = a."ownerId"
    LEFT JOIN "Team" t ON t."organizationId" = a."organizationId" AND t."id" = a."teamId"
    LEFT JOIN "LifecycleStage" st ON st."organizationId" = a."organizationId" AND st."id" = a."lifecycleStageId"
    WHERE ${portfolioWhere(ctx, {})} AND a."id" = ${accountId}::uuid`;
  if (!account) throw new NotFoundError("Account");
  return account;
});

export interface MetricValueRow {
  metricId: string;
  key: string;
  name: string;
  category: string;
  unit: string | null;
  value: number | null;
  textValue: string | null;
  observedAt: string;
  ageDays: number;
  stale: boolean;
  stalenessDays: number | null;
}

/** Latest value of every metric for an account in scope, with its age and staleness at `now`. */
export async function listLatestMetricValues(ctx: TenantContext, accountId: string, now: Date) {
  await getAccountOrThrow(ctx, accountId);
  const rows = await readRows<(Omit<MetricValueRow, "observedAt" | "ageDays" | "stale"> & { observedAt: Date })[]>`
    SELECT v."metricId", m."key", m."name", m."category"::text AS "category", m."unit", v."value", v."textValue",
           v."observedAt", m."stalenessDays"
    FROM "MetricCurrentValue" v
    JOIN "MetricDefinition" m ON m."organizationId" = v."organizationId" AND m."id" = v."metricId"
    WHERE v."organizationId" = ${ctx.organizationId}::uuid AND v."accountId" = ${accountId}::uuid
    ORDER BY m."category", m."name", m."key"`;
  return rows.map((r): MetricValueRow => {
    const ageDays = Math.floor((now.getTime() - r.observedAt.getTime()) / 86_400_000);
    return {
      ...r,
      observedAt: r.observedAt.toISOString(),
      ageDays,
      stale: r.stalenessDays !== null && ageDays > r.stalenessDays,
    };
  });
}

/** The organisation's lifecycle stages in evaluation order (id, name). */
export function listStages(ctx: TenantContext) {
  return readRows<{ id: string; name: string }[]>`
    SELECT "id", "name" FROM "LifecycleStage" WHERE "organizationId" = ${ctx.organizationId}::uuid ORDER BY "position", "id"`;
}

type Option = { id: string; name: string };

/**
 * Options for the dashboards' filters, in the caller's organisation: segments,
 * stages, the teams in scope and the members owning accounts in scope. One
 * statement, since most pages show these filters.
 */
export async function listAccountFilterOptions(
  ctx: TenantContext,
): Promise<{ segments: Option[]; stages: Option[]; teams: Option[]; owners: Option[] }> {
  const org = Prisma.sql`${ctx.organizationId}::uuid`;
  const teamScope =
    ctx.scope.kind === "teams" ? Prisma.sql`AND t."id" = ANY(${ctx.scope.teamIds}::uuid[])` : Prisma.empty;
  const [options] = await readRows<Awaited<ReturnType<typeof listAccountFilterOptions>>[]>`
    SELECT
      coalesce((SELECT json_agg(json_build_object('id', s."id", 'name', s."name") ORDER BY s."name")
                FROM "Segment" s WHERE s."organizationId" = ${org}), '[]') AS "segments",
      coalesce((SELECT json_agg(json_build_object('id', st."id", 'name', st."name") ORDER BY st."position")
                FROM "LifecycleStage" st WHERE st."organizationId" = ${org}), '[]') AS "stages",
      coalesce((SELECT json_agg(json_build_object('id', t."id", 'name', t."name") ORDER BY t."name")
                FROM "Team" t WHERE t."organizationId" = ${org} ${teamScope}), '[]') AS "teams",
      coalesce((SELECT json_agg(json_build_object('id', m."userId", 'name', u."name") ORDER BY u."name")
                FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
                WHERE m."organizationId" = ${org}
                  AND EXISTS (SELECT 1 FROM "Account" a WHERE a."ownerId" = m."userId" AND ${portfolioWhere(ctx, {})})), '[]') AS "owners"`;
  return options!;
}

/** An account in the caller's scope by its external id, or null. */
export async function findAccountByExternalId(ctx: TenantContext, externalId: string) {
  return db().account.findFirst({
    where: { AND: [accountScopeWhere(ctx), { externalId }] },
    select: { id: true, externalId: true, name: true },
  });
}

/** The largest accounts in scope (id, external id, name), for pickers. */
export async function listLargestAccounts(ctx: TenantContext, limit = 200) {
  return db().account.findMany({
    where: { AND: [accountScopeWhere(ctx), { status: "active" }] },
    orderBy: [{ arr: "desc" }, { id: "asc" }],
    take: limit,
    select: { id: true, externalId: true, name: true },
  });
}

/** Names of accounts by id (organisation-wide; callers pass ids they already hold). */
export async function listAccountNames(ctx: TenantContext, ids: string[]): Promise<Map<string, string>> {
  const rows = await db().account.findMany({
    where: { organizationId: ctx.organizationId, id: { in: ids } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}
