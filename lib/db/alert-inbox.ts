import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import type { InboxQuery } from "../validation/alerts";
import { accountScopeWhere } from "./account-scope";
import { db, Prisma, type Tx, readRows } from "./client";

export type InboxView = "mine" | "team" | "all";

/** The inbox views a role has: CSMs their own, managers also their teams', admins everything. */
export function inboxViews(ctx: TenantContext): InboxView[] {
  if (ctx.scope.kind === "own") return ["mine"];
  if (ctx.scope.kind === "teams") return ["mine", "team"];
  return ["mine", "all"];
}

/** Alerts on accounts in the caller's scope, narrowed to a view. */
function viewWhere(ctx: TenantContext, view: InboxView): Prisma.AlertWhereInput {
  const base: Prisma.AlertWhereInput = { organizationId: ctx.organizationId };
  if (view === "mine") return { ...base, assigneeId: ctx.userId };
  if (ctx.scope.kind === "teams") return { ...base, teamId: { in: ctx.scope.teamIds } };
  if (ctx.scope.kind === "own") return { ...base, assigneeId: ctx.userId };
  return base;
}

const STATUS: Record<InboxQuery["status"], Prisma.AlertWhereInput> = {
  active: { status: { in: ["open", "acknowledged"] } },
  open: { status: "open" },
  acknowledged: { status: "acknowledged" },
  snoozed: { status: "snoozed" },
  resolved: { status: "resolved" },
};

const alertSelect = {
  id: true,
  accountId: true,
  ruleId: true,
  status: true,
  severity: true,
  title: true,
  assigneeId: true,
  snoozedUntil: true,
  resolution: true,
  raisedAt: true,
  resolvedAt: true,
  rule: { select: { name: true } },
} as const;

export const INBOX_PAGE_SIZE = 50;

/** An alert as lists show it: with its account's, rule's and assignee's names. */
export interface InboxAlert {
  id: string;
  accountId: string;
  accountName: string;
  ruleId: string;
  ruleName: string;
  status: "open" | "acknowledged" | "snoozed" | "resolved";
  severity: "low" | "medium" | "high" | "critical";
  title: string;
  assigneeId: string | null;
  assigneeName: string | null;
  /** Day (UTC) a snoozed alert wakes up. */
  snoozedUntil: string | null;
  resolution: string | null;
  raisedAt: string;
  resolvedAt: string | null;
}

type AlertRow = Omit<InboxAlert, "snoozedUntil" | "raisedAt" | "resolvedAt"> & {
  snoozedUntil: Date | null;
  raisedAt: Date;
  resolvedAt: Date | null;
};

/** The organisation's alerts matching `where` with their names, in `order`: one statement. */
async function readAlerts(ctx: TenantContext, where: Prisma.Sql, order: Prisma.Sql, limit: number) {
  const rows = await readRows<AlertRow[]>`
    SELECT al."id", al."accountId", coalesce(acc."name", '—') AS "accountName", al."ruleId", r."name" AS "ruleName",
           al."status"::text AS "status", al."severity"::text AS "severity", al."title", al."assigneeId",
           u."name" AS "assigneeName", al."snoozedUntil", al."resolution", al."raisedAt", al."resolvedAt"
    FROM "Alert" al
    JOIN "AlertRule" r ON r."organizationId" = al."organizationId" AND r."id" = al."ruleId"
    LEFT JOIN "Account" acc ON acc."organizationId" = al."organizationId" AND acc."id" = al."accountId"
    LEFT JOIN "User" u ON u."id" = al."assigneeId"
    WHERE al."organizationId" = ${ctx.organizationId}::uuid AND ${where}
    ORDER BY ${order}
    LIMIT ${limit}`;
  return rows.map((r): InboxAlert => ({
    ...r,
    snoozedUntil: r.snoozedUntil?.toISOString().slice(0, 10) ?? null,
    raisedAt: r.raisedAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  }));
}

/** The alerts of `ids`, with their names, in that order. */
function alertsInOrder(ctx: TenantContext, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return readAlerts(
    ctx,
    Prisma.sql`al."id" = ANY(${ids}::uuid[])`,
    Prisma.sql`array_position(${ids}::uuid[], al."id")`,
    ids.length,
  );
}

/** One page of the inbox (most severe, then newest first), the total, and the view's counts by status. */
export async function listInbox(ctx: TenantContext, view: InboxView, q: InboxQuery) {
  const where: Prisma.AlertWhereInput = {
    ...viewWhere(ctx, view),
    ...STATUS[q.status],
    ...(q.severity ? { severity: q.severity } : {}),
    ...(q.rule ? { ruleId: q.rule } : {}),
  };
  const [page, total, byStatus] = await Promise.all([
    db().alert.findMany({
      where,
      // Severity is a PostgreSQL enum declared low → critical, so "desc" puts critical first.
      orderBy: [{ severity: "desc" }, { raisedAt: "desc" }, { id: "asc" }],
      skip: (q.page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      select: { id: true },
    }),
    db().alert.count({ where }),
    db().alert.groupBy({ by: ["status"], where: viewWhere(ctx, view), _count: { _all: true } }),
  ]);
  return {
    items: await alertsInOrder(
      ctx,
      page.map((a) => a.id),
    ),
    total,
    counts: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Partial<Record<string, number>>,
  };
}

/** Unresolved alerts of a view raised since / before a time, most severe first (the digest). */
export async function listUnresolvedAlerts(
  ctx: TenantContext,
  view: InboxView,
  raised: { since?: Date; before?: Date },
  limit = 20,
) {
  const where: Prisma.AlertWhereInput = {
    ...viewWhere(ctx, view),
    status: { in: ["open", "acknowledged"] },
    raisedAt: { gte: raised.since, lt: raised.before },
  };
  const [page, total] = await Promise.all([
    db().alert.findMany({
      where,
      orderBy: [{ severity: "desc" }, { raisedAt: "desc" }, { id: "asc" }],
      take: limit,
      select: { id: true },
    }),
    db().alert.count({ where }),
  ]);
  return {
    total,
    items: await alertsInOrder(
      ctx,
      page.map((a) => a.id),
    ),
  };
}

/** Open alerts waiting in the role's main view: the figure in the navigation. */
export async function countWaitingAlerts(ctx: TenantContext): Promise<number> {
  const view = inboxViews(ctx).at(-1)!;
  return db().alert.count({ where: { ...viewWhere(ctx, view), status: "open" } });
}

/** An account's alerts, newest first (the account must be in scope; the caller checks). */
export function listAccountAlerts(ctx: TenantContext, accountId: string, limit = 20) {
  return readAlerts(
    ctx,
    Prisma.sql`al."accountId" = ${accountId}::uuid`,
    Prisma.sql`al."raisedAt" DESC, al."id"`,
    limit,
  );
}

/** An alert whose account is in the caller's scope; "not found" otherwise. */
export async function getScopedAlert(ctx: TenantContext, id: string, tx: Tx = db()) {
  const alert = await tx.alert.findFirst({
    where: { organizationId: ctx.organizationId, id, rule: { organizationId: ctx.organizationId } },
    select: { ...alertSelect, scorecardId: true, teamId: true, rule: { select: { name: true, kind: true } } },
  });
  if (!alert) throw new NotFoundError("Alert");
  const account = await tx.account.findFirst({
    where: { AND: [accountScopeWhere(ctx), { id: alert.accountId }] },
    select: { id: true, externalId: true, name: true },
  });
  if (!account) throw new NotFoundError("Alert");
  return { ...alert, account };
}

export async function updateAlertRow(
  ctx: TenantContext,
  id: string,
  data: Prisma.AlertUncheckedUpdateManyInput,
  tx: Tx,
) {
  await tx.alert.updateMany({ where: { organizationId: ctx.organizationId, id }, data });
}

/** Members an alert can be assigned to: active members whose role works alerts. */
export function listAssignees(ctx: TenantContext) {
  return readRows<{ id: string; name: string }[]>`
    SELECT u."id", u."name"
    FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."organizationId" = ${ctx.organizationId}::uuid AND m."disabledAt" IS NULL
      AND m."role" IN ('owner', 'admin', 'manager', 'csm')
    ORDER BY u."name", u."id"`;
}
