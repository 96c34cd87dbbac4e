import { can, ROLES } from "../auth/permissions";
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

/** Alerts (`al`) of the caller's organisation on accounts in their scope, narrowed to a view. */
function viewWhere(ctx: TenantContext, view: InboxView): Prisma.Sql {
  const org = Prisma.sql`al."organizationId" = ${ctx.organizationId}::uuid`;
  if (view === "mine" || ctx.scope.kind === "own") return Prisma.sql`${org} AND al."assigneeId" = ${ctx.userId}::uuid`;
  if (ctx.scope.kind === "teams") return Prisma.sql`${org} AND al."teamId" = ANY(${ctx.scope.teamIds}::uuid[])`;
  return org;
}

const STATUS: Record<InboxQuery["status"], Prisma.Sql> = {
  active: Prisma.sql`al."status" IN ('open', 'acknowledged')`,
  open: Prisma.sql`al."status" = 'open'`,
  acknowledged: Prisma.sql`al."status" = 'acknowledged'`,
  snoozed: Prisma.sql`al."status" = 'snoozed'`,
  resolved: Prisma.sql`al."status" = 'resolved'`,
};

/** Most severe first ("critical" is declared last in the enum), then newest. */
const INBOX_ORDER = Prisma.sql`al."severity" DESC, al."raisedAt" DESC, al."id"`;

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

/** The alerts matching `where` with their names, in `order`: one statement. */
async function readAlerts(where: Prisma.Sql, order: Prisma.Sql, page: { limit: number; offset?: number }) {
  const rows = await readRows<AlertRow[]>`
    SELECT al."id", al."accountId", coalesce(acc."name", '—') AS "accountName", al."ruleId", r."name" AS "ruleName",
           al."status"::text AS "status", al."severity"::text AS "severity", al."title", al."assigneeId",
           u."name" AS "assigneeName", al."snoozedUntil", al."resolution", al."raisedAt", al."resolvedAt"
    FROM "Alert" al
    JOIN "AlertRule" r ON r."organizationId" = al."organizationId" AND r."id" = al."ruleId"
    LEFT JOIN "Account" acc ON acc."organizationId" = al."organizationId" AND acc."id" = al."accountId"
    LEFT JOIN "User" u ON u."id" = al."assigneeId"
    WHERE ${where}
    ORDER BY ${order}
    OFFSET ${page.offset ?? 0} LIMIT ${page.limit}`;
  return rows.map((r): InboxAlert => ({
    ...r,
    snoozedUntil: r.snoozedUntil?.toISOString().slice(0, 10) ?? null,
    raisedAt: r.raisedAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  }));
}

const countAlerts = async (where: Prisma.Sql) =>
  (await readRows<{ n: number }[]>`SELECT count(*)::int AS "n" FROM "Alert" al WHERE ${where}`)[0]!.n;

/** One page of the inbox (most severe, then newest first), the total, and the view's counts by status. */
export async function listInbox(ctx: TenantContext, view: InboxView, q: InboxQuery) {
  const where = Prisma.sql`${viewWhere(ctx, view)} AND ${STATUS[q.status]}
    ${q.severity ? Prisma.sql`AND al."severity" = ${q.severity}::"Severity"` : Prisma.empty}
    ${q.rule ? Prisma.sql`AND al."ruleId" = ${q.rule}::uuid` : Prisma.empty}`;
  const [items, total, byStatus] = await Promise.all([
    readAlerts(where, INBOX_ORDER, { limit: INBOX_PAGE_SIZE, offset: (q.page - 1) * INBOX_PAGE_SIZE }),
    countAlerts(where),
    readRows<{ status: string; n: number }[]>`
      SELECT al."status"::text AS "status", count(*)::int AS "n" FROM "Alert" al
      WHERE ${viewWhere(ctx, view)} GROUP BY 1`,
  ]);
  return {
    items,
    total,
    counts: Object.fromEntries(byStatus.map((s) => [s.status, s.n])) as Partial<Record<string, number>>,
  };
}

/** Unresolved alerts of a view raised since / before a time, most severe first (the digest). */
export async function listUnresolvedAlerts(
  ctx: TenantContext,
  view: InboxView,
  raised: { since?: Date; before?: Date },
  limit = 20,
) {
  const where = Prisma.sql`${viewWhere(ctx, view)} AND ${STATUS.active}
    ${raised.since ? Prisma.sql`AND al."raisedAt" >= ${raised.since}::timestamptz` : Prisma.empty}
    ${raised.before ? Prisma.sql`AND al."raisedAt" < ${raised.before}::timestamptz` : Prisma.empty}`;
  const [items, total] = await Promise.all([readAlerts(where, INBOX_ORDER, { limit }), countAlerts(where)]);
  return { total, items };
}

/** Open alerts waiting in the role's main view: the figure in the navigation. */
export function countWaitingAlerts(ctx: TenantContext): Promise<number> {
  return countAlerts(Prisma.sql`${viewWhere(ctx, inboxViews(ctx).at(-1)!)} AND ${STATUS.open}`);
}

/** An account's alerts, newest first (the account must be in scope; the caller checks). */
export function listAccountAlerts(ctx: TenantContext, accountId: string, limit = 20) {
  return readAlerts(
    Prisma.sql`al."organizationId" = ${ctx.organizationId}::uuid AND al."accountId" = ${accountId}::uuid`,
    Prisma.sql`al."raisedAt" DESC, al."id"`,
    { limit },
  );
}

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
      AND m."role"::text = ANY(${ROLES.filter((r) => can(r, "alerts:work"))}::text[])
    ORDER BY u."name", u."id"`;
}
