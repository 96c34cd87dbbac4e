import { DEMO_ALERT_RULES } from "../../lib/demo/alert-rules";
import { previewRuleImpact, PREVIEW_DAYS } from "../../lib/services/alerts/rules";
import type { TenantContext } from "../../lib/tenant";
import { ruleFormSchema } from "../../lib/validation/alerts";
import { sql } from "./database";
import { seconds, timed } from "./measure";

/** The demo rule with the longest look-back: a 10-point drop within 14 days. */
const RULE = DEMO_ALERT_RULES.find((r) => r.kind === "score_drop")! as (typeof DEMO_ALERT_RULES)[number] & {
  days: string;
};

export interface RulePreviewFigure {
  rule: string;
  ms: number;
  baselineMs: number;
  accounts: number;
  snapshots: number;
}

/**
 * An alert rule's 90-day preview over the whole organisation (every account's
 * snapshots read and replayed through the rule), next to reading the same
 * snapshots alone. Nothing is saved.
 */
export async function measureRulePreview(
  url: string,
  ctx: TenantContext,
  scorecardId: string,
  now: Date,
): Promise<RulePreviewFigure> {
  const form = ruleFormSchema.parse({ ...RULE, scorecardId });
  const preview = await timed(() => previewRuleImpact(ctx, form, now));
  const read = await timed(() =>
    sql(
      url,
      `SELECT count(*)::int AS n, sum("score") FROM "ScoreSnapshot"
       WHERE "organizationId" = $1 AND "scorecardId" = $2 AND "day" BETWEEN $3::date - $4::int AND $3::date`,
      [ctx.organizationId, scorecardId, now.toISOString().slice(0, 10), PREVIEW_DAYS - 1 + Number(RULE.days)],
    ),
  );
  console.log(`rule preview ${seconds(preview.ms)} vs reading its snapshots ${seconds(read.ms)}`);
  return {
    rule: RULE.name,
    ms: preview.ms,
    baselineMs: read.ms,
    accounts: preview.result.accountsWatched,
    snapshots: read.result.rows[0].n,
  };
}
