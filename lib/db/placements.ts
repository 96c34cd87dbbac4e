import { placeAccount, type PlacementRules } from "../segments/placement";
import type { RuleAccount } from "../segments/rules";
import type { TenantContext } from "../tenant";
import { db, Prisma, type SqlTx, type Tx } from "./client";

/** The organisation's rule segments (hand-kept ones have no rule) and its stages in evaluation order. */
export async function loadPlacementRules(organizationId: string, tx: Tx = db()): Promise<PlacementRules> {
  const [segments, stages] = await Promise.all([
    tx.segment.findMany({ where: { organizationId }, select: { id: true, key: true, rule: true } }),
    tx.lifecycleStage.findMany({
      where: { organizationId },
      orderBy: { position: "asc" },
      select: { id: true, key: true, rule: true },
    }),
  ]);
  return { segments: segments.filter((s) => s.rule !== null), stages };
}

/** An account's fields as the rules read them (`a`: the "Account" row; traits are never null), for the reads below. */
const RULE_ACCOUNT_COLUMNS = Prisma.sql`a."id", a."arr"::float8 AS "arr", a."seats", a."activeUsers", a."plan",
  a."region", a."startDate", a."renewalDate", a."traits", a."stagePinned"`;

/** A row of RULE_ACCOUNT_COLUMNS. */
interface RuleAccountRow extends RuleAccount {
  id: string;
  stagePinned: boolean;
}

/** Every active account's rule fields, largest ARR first, for previewing a rule. */
export function listRuleAccounts(ctx: TenantContext): Promise<(RuleAccountRow & { name: string })[]> {
  return db().$queryRaw<(RuleAccountRow & { name: string })[]>`
    SELECT ${RULE_ACCOUNT_COLUMNS}, a."name" FROM "Account" a
     WHERE a."organizationId" = ${ctx.organizationId}::uuid AND a."status" = 'active'
     ORDER BY a."arr" DESC, a."id"`;
}

interface PlacedRow extends RuleAccountRow {
  lifecycleStageId: string | null;
  ruleSegments: string[];
  manualSegments: string[];
}

/**
 * Places the accounts (`null`: all of the organisation's) in the rule segments
 * and lifecycle stages their rules give as of `today`: an account joins and
 * leaves rule segments, and takes the first stage whose rule it matches (none:
 * no stage) unless an admin pinned its stage. Hand-kept memberships stay. Only
 * what changes is written, set-based (100k accounts: ids go as arrays, not as
 * one parameter each). `rules` when the caller has read them already. Answers
 * how many accounts changed.
 */
export async function assignSegmentsAndStages(
  organizationId: string,
  accountIds: string[] | null,
  today: Date,
  tx: Tx,
  rules?: PlacementRules,
): Promise<number> {
  if (accountIds?.length === 0) return 0;
  rules ??= await loadPlacementRules(organizationId, tx);
  const accounts = await tx.$queryRaw<PlacedRow[]>`
    WITH m AS (
      SELECT "accountId",
             array_agg("segmentId") FILTER (WHERE "source" = 'rule') AS "rule",
             array_agg("segmentId") FILTER (WHERE "source" = 'manual') AS "manual"
        FROM "AccountSegment" WHERE "organizationId" = ${organizationId}::uuid GROUP BY "accountId")
    SELECT ${RULE_ACCOUNT_COLUMNS}, a."lifecycleStageId",
           coalesce(m."rule", '{}') AS "ruleSegments", coalesce(m."manual", '{}') AS "manualSegments"
      FROM "Account" a LEFT JOIN m ON m."accountId" = a."id"
     WHERE a."organizationId" = ${organizationId}::uuid
       AND (${accountIds}::uuid[] IS NULL OR a."id" = ANY(${accountIds}::uuid[]))`;
  const moves = { account: [] as string[], stage: [] as (string | null)[] };
  const joins = { segment: [] as string[], account: [] as string[] };
  const leaves = { segment: [] as string[], account: [] as string[] };
  let changed = 0;
  for (const a of accounts) {
    const placed = placeAccount(a, rules, today);
    const stageId = placed.stage === null ? null : rules.stages[placed.stage]!.id;
    const moved = !a.stagePinned && stageId !== a.lifecycleStageId;
    if (moved) {
      moves.account.push(a.id);
      moves.stage.push(stageId);
    }
    const now = new Set(placed.segments.map((i) => rules.segments[i]!.id));
    // A member by hand stays one (and is not made a member by rule as well).
    const joined = [...now].filter((id) => !a.ruleSegments.includes(id) && !a.manualSegments.includes(id));
    const left = a.ruleSegments.filter((id) => !now.has(id));
    joins.segment.push(...joined);
    joins.account.push(...joined.map(() => a.id));
    leaves.segment.push(...left);
    leaves.account.push(...left.map(() => a.id));
    if (moved || joined.length + left.length > 0) changed++;
  }
  if (moves.account.length > 0)
    await tx.$executeRaw`
      UPDATE "Account" a SET "lifecycleStageId" = m."stage"
        FROM unnest(${moves.account}::uuid[], ${moves.stage}::uuid[]) AS m("id", "stage")
       WHERE a."organizationId" = ${organizationId}::uuid AND a."id" = m."id"`;
  if (leaves.account.length > 0)
    await tx.$executeRaw`
      DELETE FROM "AccountSegment" s USING unnest(${leaves.segment}::uuid[], ${leaves.account}::uuid[]) AS m("segmentId", "accountId")
       WHERE s."organizationId" = ${organizationId}::uuid AND s."segmentId" = m."segmentId"
         AND s."accountId" = m."accountId" AND s."source" = 'rule'`;
  if (joins.account.length > 0)
    await tx.$executeRaw`
      INSERT INTO "AccountSegment" ("organizationId", "segmentId", "accountId", "source")
      SELECT ${organizationId}::uuid, m."segmentId", m."accountId", 'rule'
        FROM unnest(${joins.segment}::uuid[], ${joins.account}::uuid[]) AS m("segmentId", "accountId")
      ON CONFLICT DO NOTHING`;
  return changed;
}

/** An account as the rules placed it, for placing it again as of a past day. */
export interface PastPlacementRow extends RuleAccountRow {
  /** Its stage now (kept on every day when pinned). */
  stageKey: string | null;
  /** Segments it is in by hand, which no rule changes. */
  manualSegmentKeys: string[];
  /** Days it renewed (its "renewed" outcomes), oldest first: before each, that was its renewal date. */
  renewals: Date[];
}

/** Every account of the organisation with what placing it as of a past day takes. */
export async function loadPastPlacementRows(organizationId: string): Promise<PastPlacementRow[]> {
  return db().$queryRaw<PastPlacementRow[]>`
    SELECT ${RULE_ACCOUNT_COLUMNS}, ls."key" AS "stageKey",
           coalesce((SELECT array_agg(s."key" ORDER BY s."key") FROM "AccountSegment" m
                       JOIN "Segment" s ON s."organizationId" = m."organizationId" AND s."id" = m."segmentId"
                      WHERE m."organizationId" = a."organizationId" AND m."accountId" = a."id"
                        AND m."source" = 'manual'), '{}') AS "manualSegmentKeys",
           coalesce((SELECT array_agg(o."occurredOn" ORDER BY o."occurredOn") FROM "Outcome" o
                      WHERE o."organizationId" = a."organizationId" AND o."accountId" = a."id"
                        AND o."kind" = 'renewed'), '{}') AS "renewals"
      FROM "Account" a
      LEFT JOIN "LifecycleStage" ls ON ls."organizationId" = a."organizationId" AND ls."id" = a."lifecycleStageId"
     WHERE a."organizationId" = ${organizationId}::uuid`;
}

/** Runs of days on which each account held a stage or a segment (by key; a null stage: none), first and last day included. */
export interface PlacementSpans {
  accountIds: string[];
  kinds: ("stage" | "segment")[];
  keys: (string | null)[];
  firstDays: string[];
  lastDays: string[];
}

/** Puts `spans` in the temporary table pb_placement_span (gone at commit), for rebuildRollups to group by. */
export async function stagePlacementSpans(tx: SqlTx, spans: PlacementSpans) {
  await tx.$executeRaw`DROP TABLE IF EXISTS pb_placement_span`;
  await tx.$executeRaw`CREATE TEMP TABLE pb_placement_span (account_id uuid, kind text, key text, first_day date, last_day date)
    ON COMMIT DROP`;
  await tx.$executeRaw`INSERT INTO pb_placement_span
    SELECT * FROM unnest(${spans.accountIds}::uuid[], ${spans.kinds}::text[], ${spans.keys}::text[],
                         ${spans.firstDays}::date[], ${spans.lastDays}::date[])`;
  await tx.$executeRaw`ANALYZE pb_placement_span`;
}
