import { z } from "zod";
import { can } from "../auth/permissions";
import { getAccountOrThrow } from "../db/accounts";
import { writeAudit } from "../db/audit";
import { withTransaction } from "../db/client";
import { getCurrentScore } from "../db/account-story";
import { getOverride, insertOverride, revokeActiveOverrides } from "../db/overrides";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { tierIndex, tierInfo } from "../scoring";
import type { TenantContext } from "../tenant";
import { resolveScorecard } from "./dashboards/scorecard";
import { recomputeOrganization } from "./scoring/recompute";

const MAX_DAYS = 365;

export const overrideInputSchema = z
  .object({
    accountId: z.uuid("Choose an account"),
    scorecardId: z.uuid("Choose a scorecard"),
    score: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce.number({ error: "Score must be a number" }).optional(),
    ),
    tierKey: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
    reason: z.string().trim().min(5, "Say why, in a few words (at least 5 characters)").max(500),
    expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the day the override ends"),
  })
  .refine((v) => v.score !== undefined || v.tierKey !== undefined, {
    message: "Give a score, a tier or both",
    path: ["score"],
  });
export type OverrideInput = z.output<typeof overrideInputSchema>;

/** Admins override any account in scope; anyone else only the accounts they own. */
async function authorise(ctx: TenantContext, accountId: string) {
  const account = await getAccountOrThrow(ctx, accountId);
  if (!can(ctx.role, "accounts:write") && account.owner?.id !== ctx.userId)
    throw new ForbiddenError("Only an admin or the account's owner may override its score.");
  return account;
}

/**
 * Replaces the score and/or tier of one account on one scorecard until `expiresOn`
 * (end of that day, UTC), with a reason. Pages read the overrides in effect, so
 * expiry shows the computed value at once; the next day's run scores without it. A score without a tier takes the tier the
 * model gives that score; a previous override on the same scorecard ends. Audited;
 * the account is rescored at once, so snapshots and alerts see it.
 */
export async function createOverride(ctx: TenantContext, input: OverrideInput, now = new Date()) {
  await authorise(ctx, input.accountId);
  const { selected } = await resolveScorecard(ctx, input.scorecardId);
  if (!selected || selected.id !== input.scorecardId) throw new NotFoundError("Scorecard");
  const { min, max } = selected.range;
  if (input.score !== undefined && (input.score < min || input.score > max))
    throw new ValidationError(`Score must be from ${min} to ${max}.`, { score: [`must be from ${min} to ${max}`] });
  const current = await getCurrentScore(ctx, input.accountId, input.scorecardId);
  const variant = selected.model.variants.find((v) => v.key === current?.variantKey);
  const tiers = (variant?.tiers ?? selected.model.tiers).map(tierInfo);
  const modelTierList = variant?.tiers ?? selected.model.tiers;
  let tierKey = input.tierKey;
  if (tierKey === undefined) tierKey = tiers[tierIndex(modelTierList, input.score!)]!.key;
  else if (!tiers.some((t) => t.key === tierKey))
    throw new ValidationError("Choose one of the scorecard's tiers.", {
      tierKey: [`must be one of ${tiers.map((t) => t.label).join(", ")}`],
    });
  const expiresAt = new Date(`${input.expiresOn}T23:59:59.999Z`);
  if (expiresAt <= now || expiresAt.getTime() - now.getTime() > MAX_DAYS * 86_400_000)
    throw new ValidationError(`The override must end within the next ${MAX_DAYS} days.`, {
      expiresOn: [`must be from today to ${MAX_DAYS} days ahead`],
    });
  const created = await withTransaction(async (tx) => {
    const ended = await revokeActiveOverrides(ctx, input, now, tx);
    const row = await insertOverride(
      ctx,
      {
        accountId: input.accountId,
        scorecardId: input.scorecardId,
        score: input.score ?? null,
        tierKey,
        reason: input.reason,
        expiresAt,
        createdAt: now,
      },
      tx,
    );
    await writeAudit(
      ctx,
      {
        action: "score.override",
        entityType: "Account",
        entityId: input.accountId,
        before: ended[0] ?? current,
        after: row,
      },
      tx,
    );
    return row;
  });
  await recomputeOrganization(ctx.organizationId, { trigger: "override", accountIds: [input.accountId], now });
  return created;
}

/** Ends an override early; the computed score shows again at once. */
export async function revokeOverride(ctx: TenantContext, id: string, now = new Date()) {
  const override = await getOverride(ctx, id);
  if (!override) throw new NotFoundError("Override");
  await authorise(ctx, override.accountId);
  if (override.revokedAt || override.expiresAt <= now) throw new ValidationError("This override has already ended.");
  await withTransaction(async (tx) => {
    await revokeActiveOverrides(ctx, override, now, tx);
    await writeAudit(
      ctx,
      { action: "score.override.revoke", entityType: "Account", entityId: override.accountId, before: override },
      tx,
    );
  });
  await recomputeOrganization(ctx.organizationId, { trigger: "override ended", accountIds: [override.accountId], now });
  return override.accountId;
}
