import { NotFoundError } from "../errors";
import type { TenantContext } from "../tenant";
import { db, Prisma, type Tx } from "./client";

export interface RuleRow {
  name: string;
  kind: string;
  scorecardId: string;
  scope: { segmentId?: string; teamId?: string; stageId?: string };
  params: Record<string, unknown>;
  severity: "low" | "medium" | "high" | "critical";
  cooldownHours: number;
}

/** What every reader of a rule gets. */
export const RULE_SELECT = {
  id: true,
  name: true,
  kind: true,
  scorecardId: true,
  scope: true,
  params: true,
  severity: true,
  cooldownHours: true,
  enabled: true,
} as const;

export async function insertRule(ctx: TenantContext, rule: RuleRow, tx: Tx) {
  return tx.alertRule.create({
    data: {
      organizationId: ctx.organizationId,
      createdById: ctx.userId,
      ...rule,
      params: rule.params as Prisma.InputJsonObject,
    },
    select: { id: true },
  });
}

export async function getRule(ctx: TenantContext, id: string) {
  const rule = await db().alertRule.findFirst({
    where: { organizationId: ctx.organizationId, id },
    select: RULE_SELECT,
  });
  if (!rule) throw new NotFoundError("Alert rule");
  return rule;
}

export async function updateRuleRow(ctx: TenantContext, id: string, rule: RuleRow, tx: Tx) {
  await tx.alertRule.updateMany({
    where: { organizationId: ctx.organizationId, id },
    data: { ...rule, params: rule.params as Prisma.InputJsonObject },
  });
}

export async function setRuleEnabled(ctx: TenantContext, id: string, enabled: boolean, tx: Tx) {
  await tx.alertRule.updateMany({ where: { organizationId: ctx.organizationId, id }, data: { enabled } });
}

/** Deletes a rule with its states and alerts. */
export async function deleteRuleRow(ctx: TenantContext, id: string, tx: Tx) {
  await tx.alertRuleState.deleteMany({ where: { organizationId: ctx.organizationId, ruleId: id } });
  await tx.alertRule.deleteMany({ where: { organizationId: ctx.organizationId, id } });
}

/**
 * Every rule with what its alerts became over the last 90 days: raised, still
 * open, closed with action taken, closed as not actionable, recovered by themselves.
 */
export async function listRulesWithOutcomes(ctx: TenantContext, now = new Date()) {
  const since = new Date(now.getTime() - 90 * 86_400_000);
  const [rules, outcomes] = await Promise.all([
    db().alertRule.findMany({
      where: { organizationId: ctx.organizationId },
      orderBy: { createdAt: "asc" },
      select: RULE_SELECT,
    }),
    db().alert.groupBy({
      by: ["ruleId", "status", "resolution"],
      where: { organizationId: ctx.organizationId, raisedAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);
  return rules.map((r) => {
    const mine = outcomes.filter((o) => o.ruleId === r.id);
    const sum = (f: (o: (typeof mine)[number]) => boolean) => mine.filter(f).reduce((n, o) => n + o._count._all, 0);
    return {
      ...r,
      raised: sum(() => true),
      open: sum((o) => o.status !== "resolved"),
      actionTaken: sum((o) => o.resolution === "action_taken"),
      notActionable: sum((o) => o.resolution === "not_actionable"),
      recovered: sum((o) => o.resolution === "recovered"),
    };
  });
}

export type RuleWithOutcomes = Awaited<ReturnType<typeof listRulesWithOutcomes>>[number];

/** The organisation's metrics a rule may watch (retired ones excluded). */
export async function listRuleMetrics(ctx: TenantContext) {
  return db().metricDefinition.findMany({
    where: { organizationId: ctx.organizationId, retiredAt: null },
    orderBy: { name: "asc" },
    select: { key: true, name: true, stalenessDays: true },
  });
}

/** Rule names for the inbox's filter. */
export async function listRuleNames(ctx: TenantContext) {
  return db().alertRule.findMany({
    where: { organizationId: ctx.organizationId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
