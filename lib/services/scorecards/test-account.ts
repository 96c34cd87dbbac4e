import { getAccountOrThrow } from "../../db/accounts";
import { getModelVersion } from "../../db/model-versions";
import { ValidationError } from "../../errors";
import { readSnapshotDetail, scorePortfolio, variantCompiler, type SnapshotDetail, type TierInfo } from "../../scoring";
import type { TenantContext } from "../../tenant";
import { loadActivePortfolio } from "../scoring/portfolio-input";
import { modelOf } from "./versions";

export interface VersionResult {
  versionId: string;
  number: number;
  status: string;
  score: number | null;
  tier: TierInfo;
  coverage: number;
  detail: SnapshotDetail;
}

/**
 * Scores one account with given versions of a scorecard, now, from its current
 * values — the full calculation (inputs, normalisation, points, weights after
 * renormalisation, contributions, tier) of each. Percentile rules rank the account
 * among every active account, exactly as a recompute would.
 */
export async function testOnAccount(
  ctx: TenantContext,
  input: { scorecardId: string; versionIds: string[]; accountId: string },
  now = new Date(),
): Promise<VersionResult[]> {
  await getAccountOrThrow(ctx, input.accountId);
  const versions = await Promise.all(input.versionIds.map((id) => getModelVersion(ctx, input.scorecardId, id)));
  const { accounts, portfolio } = await loadActivePortfolio(ctx.organizationId);
  const index = accounts.ids.indexOf(input.accountId);
  if (index < 0) throw new ValidationError("This account has churned; churned accounts are not scored.");
  return versions.map((v) => {
    const model = modelOf(v);
    const compiledFor = variantCompiler(model);
    const scores = scorePortfolio(model, portfolio, now.getTime(), undefined, compiledFor);
    const score = Number.isNaN(scores.score[index]!) ? null : scores.score[index]!;
    return {
      versionId: v.id,
      number: v.number,
      status: v.status,
      score,
      tier: scores.tier[index]!,
      coverage: scores.coverage[index]!,
      detail: readSnapshotDetail(model, scores.explain(index), score, compiledFor),
    };
  });
}
