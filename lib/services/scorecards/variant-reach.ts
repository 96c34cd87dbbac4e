import { findAccountByExternalId } from "../../db/accounts";
import { loadPortfolioAccounts } from "../../db/scoring-inputs";
import { ValidationError } from "../../errors";
import { resolveVariant, validateModel } from "../../scoring";
import type { TenantContext } from "../../tenant";

export interface VariantReach {
  /** Active accounts each variant (null: the base model) would score, in the draft's order, base first. */
  reach: { key: string | null; name: string; accounts: number }[];
  /** The looked-up account: its segments and stage, and which variant applies and why. */
  account: { externalId: string; name: string; segments: string[]; stage: string | null; reason: string } | null;
}

/**
 * Which variant of a (draft) model applies to each active account — counted per
 * variant — and, for one account, which applies and why. Reads segment and stage
 * keys exactly as the recompute does.
 */
export async function variantReach(
  ctx: TenantContext,
  input: { definition: unknown; account?: string },
): Promise<VariantReach> {
  const v = validateModel(input.definition);
  if (!v.ok) throw new ValidationError(`Fix the draft first: ${v.issues[0]!.message}`);
  const model = v.model;
  const found = input.account ? await findAccountByExternalId(ctx, input.account) : null;
  if (input.account && !found)
    throw new ValidationError(`No account with the id ${input.account}.`, { account: ["No such account"] });
  const accounts = await loadPortfolioAccounts(ctx.organizationId);
  const counts = new Map<string | null, number>();
  let account: VariantReach["account"] = null;
  accounts.ids.forEach((id, i) => {
    const classification = { segments: accounts.segments[i]!, stage: accounts.stages[i] };
    if (found?.id === id) {
      const r = resolveVariant(model, classification, model.name ?? "this draft");
      account = {
        externalId: found.externalId,
        name: found.name,
        ...classification,
        stage: classification.stage ?? null,
        reason: r.reason,
      };
    }
    if (!Number.isNaN(accounts.churnedAt[i]!)) return;
    const key = resolveVariant(model, classification).variant?.key ?? null;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return {
    reach: [
      { key: null, name: "Base model", accounts: counts.get(null) ?? 0 },
      ...model.variants.map((variant) => ({
        key: variant.key,
        name: variant.name,
        accounts: counts.get(variant.key) ?? 0,
      })),
    ],
    account,
  };
}
