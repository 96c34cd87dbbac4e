import { z } from "zod";
import { previewRule, type RulePreview } from "../../alerts/preview";
import { parseRuleParams, signalNeeds, type AlertRuleSpec } from "../../alerts/rules";
import { listAccountFilterOptions } from "../../db/accounts";
import {
  deleteRuleRow,
  getRule,
  insertRule,
  listRuleMetrics,
  setRuleEnabled,
  updateRuleRow,
  type RuleRow,
} from "../../db/alert-rules";
import { loadSignalHistory } from "../../db/alert-signals";
import { writeAudit } from "../../db/audit";
import { withTransaction } from "../../db/client";
import { addDays, dayDate, isoDay } from "../../dates";
import { NotFoundError, ValidationError } from "../../errors";
import type { TenantContext } from "../../tenant";
import { paramFields, type RuleForm } from "../../validation/alerts";
import { toFieldErrors } from "../../validation/field-errors";
import { publishedTiers, tierContext } from "./tiers";

export const PREVIEW_DAYS = 90;

/**
 * Checks a rule against the organisation: the scorecard is published, the scope's
 * segment / team / stage and the key input exist, the tiers are the scorecard's;
 * the kind's parameters parse. Errors name the field.
 */
async function checkRule(ctx: TenantContext, form: RuleForm): Promise<{ row: RuleRow; spec: AlertRuleSpec }> {
  let params;
  try {
    params = parseRuleParams(form.kind, paramFields(form));
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    const fieldErrors = toFieldErrors(error);
    const [field, messages] = Object.entries(fieldErrors)[0]!;
    throw new ValidationError(`${field}: ${messages[0]}`, fieldErrors);
  }
  const tiers = (await publishedTiers(ctx.organizationId)).get(form.scorecardId);
  if (!tiers) throw new NotFoundError("Scorecard");
  const options = await listAccountFilterOptions(ctx);
  if (form.segmentId && !options.segments.some((s) => s.id === form.segmentId)) throw new NotFoundError("Segment");
  if (form.teamId && !options.teams.some((t) => t.id === form.teamId)) throw new NotFoundError("Team");
  if (form.stageId && !options.stages.some((s) => s.id === form.stageId)) throw new NotFoundError("Lifecycle stage");
  const spec = { kind: form.kind, params } as AlertRuleSpec;
  const { metric } = signalNeeds(spec);
  if (metric && !(await listRuleMetrics(ctx)).some((m) => m.key === metric))
    throw new ValidationError("Choose one of the organisation's metrics.", { metric: ["is not a metric"] });
  if (spec.kind === "renewal_at_risk") {
    const unknown = (params as { tiers: string[] }).tiers.filter((t) => !tiers.some((x) => x.key === t));
    if (unknown.length > 0)
      throw new ValidationError(`Unknown tier ${unknown[0]}.`, {
        tiers: [`${unknown[0]} is not a tier of the scorecard`],
      });
  }
  const scope = Object.fromEntries(
    (["segmentId", "teamId", "stageId"] as const).flatMap((k) => (form[k] ? [[k, form[k]]] : [])),
  );
  return {
    row: {
      name: form.name,
      kind: form.kind,
      scorecardId: form.scorecardId,
      scope,
      params: params as Record<string, unknown>,
      severity: form.severity,
      cooldownHours: form.cooldownHours,
    },
    spec,
  };
}

export async function createRule(ctx: TenantContext, form: RuleForm) {
  const { row } = await checkRule(ctx, form);
  return withTransaction(async (tx) => {
    const created = await insertRule(ctx, row, tx);
    await writeAudit(
      ctx,
      { action: "alertRule.create", entityType: "AlertRule", entityId: created.id, after: row },
      tx,
    );
    return created;
  });
}

/** Changes a rule's definition; open alerts and episode states carry on. Audited before → after. */
export async function updateRule(ctx: TenantContext, id: string, form: RuleForm) {
  const before = await getRule(ctx, id);
  const { row } = await checkRule(ctx, form);
  await withTransaction(async (tx) => {
    await updateRuleRow(ctx, id, row, tx);
    await writeAudit(
      ctx,
      { action: "alertRule.update", entityType: "AlertRule", entityId: id, before, after: row },
      tx,
    );
  });
}

export async function toggleRule(ctx: TenantContext, id: string, enabled: boolean) {
  const rule = await getRule(ctx, id);
  await withTransaction(async (tx) => {
    await setRuleEnabled(ctx, id, enabled, tx);
    await writeAudit(
      ctx,
      {
        action: enabled ? "alertRule.enable" : "alertRule.disable",
        entityType: "AlertRule",
        entityId: id,
        before: { enabled: rule.enabled },
        after: { enabled },
      },
      tx,
    );
  });
}

export async function deleteRule(ctx: TenantContext, id: string) {
  const rule = await getRule(ctx, id);
  await withTransaction(async (tx) => {
    await deleteRuleRow(ctx, id, tx);
    await writeAudit(ctx, { action: "alertRule.delete", entityType: "AlertRule", entityId: id, before: rule }, tx);
  });
}

export interface RulePreviewView extends RulePreview {
  from: string;
  to: string;
  accountsWatched: number;
}

/**
 * How many alerts the rule would have raised over the last 90 days of stored
 * history, before it is saved (same verdicts, hysteresis and cooldown as live).
 */
export async function previewRuleImpact(
  ctx: TenantContext,
  form: RuleForm,
  now = new Date(),
): Promise<RulePreviewView> {
  const { row, spec } = await checkRule(ctx, form);
  const tiers = (await publishedTiers(ctx.organizationId)).get(row.scorecardId)!;
  const to = isoDay(now);
  const from = addDays(to, -(PREVIEW_DAYS - 1));
  const lookBack = signalNeeds(spec).highWithinDays ?? 1;
  const history = await loadSignalHistory(
    { organizationId: ctx.organizationId, scorecardId: row.scorecardId, scope: row.scope, ...signalNeeds(spec) },
    dayDate(addDays(from, -lookBack)),
    dayDate(to),
  );
  const preview = previewRule(spec, history, tierContext(tiers), row.cooldownHours * 3_600_000, from, to);
  return { ...preview, from, to, accountsWatched: history.length };
}
