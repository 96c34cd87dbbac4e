import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import type { InboxQuery } from "../validation/alerts";
import { accountScopeWhere } from "./account-scope";
import { db, Prisma, type Tx } from "./client";

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

/** One page of the inbox (most severe, then newest first), the total, and the view's counts by status. */
export async function listInbox(ctx: TenantContext, view: InboxView, q: InboxQuery) {
  const where: Prisma.AlertWhereInput = {
    ...viewWhere(ctx, view),
    ...STATUS[q.status],
    ...(q.severity ? { severity: q.severity } : {}),
    ...(q.rule ? { ruleId: q.rule } : {}),
  };
  const [rows, total, byStatus] = await Promise.all([
    db().alert.findMany({
      where,
      // Severity is a PostgreSQL enum declared low → critical, so "desc" puts critical first.
      orderBy: [{ severity: "desc" }, { raisedAt: "desc" }, { id: "asc" }],
      skip: (q.page - 1) * INBOX_PAGE_SIZE,
      take: INBOX_PAGE_SIZE,
      select: alertSelect,
    }),
    db().alert.count({ where }),
    db().alert.groupBy({ by: ["status"], where: viewWhere(ctx, view), _count: { _all: true } }),
  ]);
  const items = await withNames(ctx, rows);
  return {
    items,
    total,
    counts: Object.fromEntries(byStatus.map((s) => [s.status, s._count._all])) as Partial<Record<string, number>>,
  };
}

async function withNames(ctx: TenantContext, rows: Prisma.AlertGetPayload<{ select: typeof alertSelect }>[]) {
  const [accounts, users] = await Promise.all([
    db().account.findMany({
      where: { organizationId: ctx.organizationId, id: { in: [...new Set(rows.map((r) => r.accountId))] } },
      select: { id: true, name: true },
    }),
    db().user.findMany({
      where: { id: { in: [...new Set(rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])))] } },
      select: { id: true, name: true },
    }),
  ]);
  const name = new Map([...accounts, ...users].map((x) => [x.id, x.name]));
  return rows.map((r) => ({
    id: r.id,
    accountId: r.accountId,
    accountName: name.get(r.accountId) ?? "—",
    ruleId: r.ruleId,
    ruleName: r.rule.name,
    status: r.status,
    severity: r.severity,
    title: r.title,
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeId ? (name.get(r.assigneeId) ?? null) : null,
    snoozedUntil: r.snoozedUntil?.toISOString().slice(0, 10) ?? null,
    resolution: r.resolution,
    raisedAt: r.raisedAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  }));
}

export type InboxAlert = Awaited<ReturnType<typeof withNames>>[number];

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
  const [rows, total] = await Promise.all([
    db().alert.findMany({
      where,
      orderBy: [{ severity: "desc" }, { raisedAt: "desc" }],
      take: limit,
      select: alertSelect,
    }),
    db().alert.count({ where }),
  ]);
  return { total, items: await withNames(ctx, rows) };
}

/** Open alerts waiting in the role's main view: the figure in the navigation. */
export async function countWaitingAlerts(ctx: TenantContext): Promise<number> {
  const view = inboxViews(ctx).at(-1)!;
  return db().alert.count({ where: { ...viewWhere(ctx, view), status: "open" } });
}

/** An account's alerts, newest first (the account must be in scope; the caller checks). */
export async function listAccountAlerts(ctx: TenantContext, accountId: string, limit = 20) {
  const rows = await db().alert.findMany({
    where: { organizationId: ctx.organizationId, accountId },
    orderBy: { raisedAt: "desc" },
    take: limit,
    select: alertSelect,
  });
  return withNames(ctx, rows);
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
export async function listAssignees(ctx: TenantContext) {
  const rows = await db().membership.findMany({
    where: { organizationId: ctx.organizationId, disabledAt: null, role: { in: ["owner", "admin", "manager", "csm"] } },
    orderBy: { user: { name: "asc" } },
    select: { userId: true, user: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.userId, name: r.user.name }));
}
